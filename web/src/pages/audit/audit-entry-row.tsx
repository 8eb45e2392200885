import { ActionIcon, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuditEntry } from '../../api/api-types';
import { formatDateTime, shortId } from '../../lib/format';
import { AuditAction } from './audit-action';
import { AuditEntryDetails } from './audit-entry-details';
import { AuditSummary } from './audit-summary';

const COLUMNS = 6;

/** One entry, and under it (when expanded) its digests, hashes and request id. */
export function AuditEntryRow({ entry }: { entry: AuditEntry }) {
  const [isExpanded, setExpanded] = useState(false);
  const detailsId = `audit-entry-${entry.id}`;
  return (
    <>
      <Table.Tr data-testid="audit-row" data-action={entry.action} bg={isExpanded ? 'indigo.0' : undefined}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => setExpanded((value) => !value)}
            aria-expanded={isExpanded}
            aria-controls={isExpanded ? detailsId : undefined}
            aria-label={`${isExpanded ? 'Hide' : 'Show'} details of entry ${entry.seq}`}
          >
            {isExpanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text ff="monospace" fz="xs" title={entry.occurredAt}>
            {formatDateTime(entry.occurredAt)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text fz="sm" style={{ wordBreak: 'break-word' }}>
            {entry.actor.label}
          </Text>
          <Text fz="xs" c="dimmed">
            {entry.actor.type}
          </Text>
        </Table.Td>
        <Table.Td>
          <AuditAction action={entry.action} />
        </Table.Td>
        <Table.Td>
          <Text fz="sm">{entry.target.type}</Text>
          <Text ff="monospace" fz="xs" c="dimmed" title={entry.target.id}>
            {shortId(entry.target.id)}
          </Text>
        </Table.Td>
        <Table.Td>
          <AuditSummary summary={entry.summary} />
        </Table.Td>
      </Table.Tr>
      {isExpanded && (
        <Table.Tr id={detailsId} bg="indigo.0">
          <Table.Td />
          <Table.Td colSpan={COLUMNS - 1}>
            <AuditEntryDetails entry={entry} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
