import { Table, VisuallyHidden } from '@mantine/core';
import type { AuditEntry } from '../../api/api-types';
import { localOffsetLabel } from '../../lib/format';
import { AuditEntryRow } from './audit-entry-row';

/** Audit entries, newest first. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover aria-label="Audit entries, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th w={175} style={{ whiteSpace: 'nowrap' }}>
              Time ({localOffsetLabel()})
            </Table.Th>
            <Table.Th w={190}>Actor</Table.Th>
            <Table.Th w={190}>Action</Table.Th>
            <Table.Th w={140}>Target</Table.Th>
            <Table.Th>Summary</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <AuditEntryRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
