import { Code, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ApiToken } from '../../api/api-types';
import { RoleBadge } from '../../components/role-badge';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { RevokeTokenButton } from './revoke-token-button';
import { TokenStatusBadge } from './token-status-badge';

interface TokensTableProps {
  orgSlug: string;
  tokens: readonly ApiToken[];
  /** Whether this user may revoke a given token (their own, or any for administrators). */
  canRevoke: (token: ApiToken) => boolean;
}

function DateCell({ iso, empty }: { iso: string | null; empty: string }) {
  if (!iso) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Text size="sm" title={formatDateTime(iso)} style={{ whiteSpace: 'nowrap' }}>
      {formatDate(iso)}
    </Text>
  );
}

export function TokensTable({ orgSlug, tokens, canRevoke }: TokensTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover aria-label="API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id} data-testid="token-row" c={token.status === 'active' ? undefined : 'dimmed'}>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                    {token.name}
                  </Text>
                  <Code fz="xs" w="fit-content" aria-label={`Secret starts with ${token.prefix}`}>
                    {token.prefix}…
                  </Code>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {token.userEmail}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={token.role} />
              </Table.Td>
              <Table.Td>
                <DateCell iso={token.createdAt} empty="—" />
              </Table.Td>
              <Table.Td>
                <DateCell iso={token.expiresAt} empty="Never" />
              </Table.Td>
              <Table.Td>
                {token.lastUsedAt ? (
                  <Text size="sm" title={formatDateTime(token.lastUsedAt)} style={{ whiteSpace: 'nowrap' }}>
                    {formatRelative(token.lastUsedAt)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    Never
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <TokenStatusBadge status={token.status} />
              </Table.Td>
              <Table.Td>{token.status === 'active' && canRevoke(token) && <RevokeTokenButton orgSlug={orgSlug} token={token} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
