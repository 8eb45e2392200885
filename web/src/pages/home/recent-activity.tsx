import { Anchor, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { AuditAction } from '../audit/audit-action';
import { AuditSummary } from '../audit/audit-summary';
import { useLatestAuditEntries } from '../audit/use-audit';

const LATEST = 10;

/** The ten newest audit entries, with a way into the full trail. */
export function RecentActivity({ orgSlug }: { orgSlug: string }) {
  const latest = useLatestAuditEntries(orgSlug, LATEST, true);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="recent-activity-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="recent-activity-title">
          Recent activity
        </Title>
        <Anchor size="sm" {...linkProps(orgPath(orgSlug, 'audit'))}>
          Open the audit trail
        </Anchor>
      </Group>
      <ProblemAlert error={latest.error} title="Could not load recent activity" />
      {latest.isPending && <Skeleton height={200} />}
      {latest.data && latest.data.items.length === 0 && <Text c="dimmed">Nothing has happened yet.</Text>}
      {latest.data && latest.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>Time</Table.Th>
                <Table.Th w={200}>Actor</Table.Th>
                <Table.Th w={190}>Action</Table.Th>
                <Table.Th>Summary</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {latest.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} ff="monospace" fz="xs">
                    {formatDateTime(entry.occurredAt)}
                  </Table.Td>
                  <Table.Td fz="sm" style={{ wordBreak: 'break-word' }}>
                    {entry.actor.label}
                  </Table.Td>
                  <Table.Td>
                    <AuditAction action={entry.action} />
                  </Table.Td>
                  <Table.Td>
                    <AuditSummary summary={entry.summary} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
