import { Button, Center, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../api/api-problem';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { AuditFiltersForm } from './audit-filters-form';
import { AuditTable } from './audit-table';
import { ChainVerificationAlert } from './chain-verification-alert';
import { useAuditTrail, useVerifyChain, type AuditFilters } from './use-audit';

/** Every recorded change of the organization, filterable, with details and a chain check. */
export function AuditPage() {
  const { org } = useCurrentOrg();
  const [filters, setFilters] = useState<AuditFilters>({});
  const trail = useAuditTrail(org.slug, filters);
  const verify = useVerifyChain(org.slug);
  const entries = trail.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Object.keys(filters).length > 0;

  return (
    <Stack gap="md">
      <PageHeader
        title="Audit trail"
        description="Every change in this organization, newest first. Entries are hash-chained: editing or removing one breaks the chain."
        actions={
          <Button leftSection={<IconShieldCheck size={18} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
            Verify chain
          </Button>
        }
      />
      {verify.data && <ChainVerificationAlert result={verify.data} onClose={() => verify.reset()} />}
      <ProblemAlert error={verify.error} title="Could not verify the chain" />
      <AuditFiltersForm onApply={setFilters} problem={trail.error instanceof ApiProblem ? trail.error : null} />
      <ProblemAlert error={trail.error} title="Could not load the audit trail" fields={['action', 'targetType', 'from', 'to']} />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {trail.isPending && <Skeleton height={320} />}
        {trail.isSuccess && entries.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">{isFiltered ? 'No entries match these filters.' : 'No entries yet.'}</Text>
          </Center>
        )}
        {entries.length > 0 && <AuditTable entries={entries} />}
      </Paper>
      {trail.isSuccess && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
            {trail.hasNextPage ? '; older entries are available.' : '.'}
          </Text>
          {trail.hasNextPage && (
            <Button variant="default" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
              Load older
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
