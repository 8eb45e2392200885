import { Button, Center, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiToken } from '../../api/api-types';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { CreateTokenModal } from './create-token-modal';
import { TokensTable } from './tokens-table';
import { useTokens } from './use-tokens';

/** API tokens for integrations: everyone manages their own; administrators see and revoke all. */
export function TokensPage() {
  const { org, user } = useCurrentOrg();
  const tokens = useTokens(org.slug);
  const [isCreating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  // A new dialog instance per opening: a secret can never reappear, even if reopened mid-fade.
  const [creatingRound, setCreatingRound] = useState(0);
  const startCreating = (): void => {
    setCreatingRound((round) => round + 1);
    openCreate();
  };
  const seesAll = can(org.role, 'tokens:read');
  const canRevoke = (token: ApiToken): boolean => token.userId === user.id || can(org.role, 'tokens:manage-all');

  return (
    <Stack gap="md">
      <PageHeader
        title="API tokens"
        description={
          seesAll
            ? 'Tokens that let integrations call the Bulwark API, for everyone in this organization.'
            : 'Your tokens that let integrations call the Bulwark API as you, in this organization.'
        }
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={startCreating}>
            Create token
          </Button>
        }
      />
      <ProblemAlert error={tokens.error} title="Could not load the tokens" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {tokens.isPending && <Skeleton height={240} />}
        {tokens.data && tokens.data.items.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">No tokens yet.</Text>
          </Center>
        )}
        {tokens.data && tokens.data.items.length > 0 && <TokensTable orgSlug={org.slug} tokens={tokens.data.items} canRevoke={canRevoke} />}
      </Paper>
      <CreateTokenModal key={creatingRound} orgSlug={org.slug} myRole={org.role} opened={isCreating} onClose={closeCreate} />
    </Stack>
  );
}
