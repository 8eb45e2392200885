import { Anchor, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { RiskLevelBadge } from './risk-level-badge';
import { APPROACH_LABELS, TREATMENT_LABELS } from './scenario-labels';
import type { RegisterItem, RegisterSort } from './scenario-types';
import { LateBadge, ScenarioStatusBadge } from './status-badges';
import { defaultDirection } from './use-register-view';

interface SortState {
  sort: RegisterSort;
  direction: 'asc' | 'desc' | undefined;
}

interface RegisterTableProps {
  orgSlug: string;
  items: readonly RegisterItem[];
  sort: SortState;
  onSort: (sort: SortState) => void;
}

/** A column header that sorts: the first click its natural order, the next one reverses it. */
function SortableTh({
  label,
  sortKey,
  state,
  onSort,
  w,
}: {
  label: ReactNode;
  sortKey: RegisterSort;
  state: SortState;
  onSort: (sort: SortState) => void;
  w?: number;
}) {
  const isActive = state.sort === sortKey;
  const direction = state.direction ?? defaultDirection(state.sort);
  const next: SortState = isActive
    ? { sort: sortKey, direction: direction === 'asc' ? 'desc' : 'asc' }
    : { sort: sortKey, direction: undefined };
  const Icon = !isActive ? IconSelector : direction === 'desc' ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th w={w} aria-sort={isActive ? (direction === 'desc' ? 'descending' : 'ascending') : undefined} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {label}
        <Icon size={14} aria-hidden color={isActive ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
      </UnstyledButton>
    </Table.Th>
  );
}

function DateWithFlag({ date, flag }: { date: string | null; flag: string | null }) {
  if (!date)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Text>
      {flag && <LateBadge>{flag}</LateBadge>}
    </Stack>
  );
}

/** One page of the register. */
export function RegisterTable({ orgSlug, items, sort, onSort }: RegisterTableProps) {
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table layout="fixed" verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover aria-label="Risk register">
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Ref" sortKey="ref" state={sort} onSort={onSort} w={76} />
            <SortableTh label="Title" sortKey="title" state={sort} onSort={onSort} />
            <Table.Th w={112}>Owner</Table.Th>
            <SortableTh label="Current" sortKey="priority" state={sort} onSort={onSort} w={108} />
            <SortableTh label="Residual" sortKey="residual" state={sort} onSort={onSort} w={108} />
            <Table.Th w={116}>Status</Table.Th>
            <Table.Th w={88}>Treatment</Table.Th>
            <Table.Th w={76}>Progress</Table.Th>
            <SortableTh label="Review due" sortKey="reviewDue" state={sort} onSort={onSort} w={110} />
            <Table.Th w={104}>Accepted until</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const link = linkProps(orgPath(orgSlug, `risk/scenarios/${item.id}`));
            return (
              <Table.Tr key={item.id} data-testid="scenario-row">
                <Table.Td className="mono">{item.refId}</Table.Td>
                <Table.Td>
                  <Anchor {...link} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {item.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {APPROACH_LABELS[item.approach]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }} c={item.owner ? undefined : 'dimmed'}>
                    {item.owner?.name ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RiskLevelBadge rating={item.ratings.current} label="Current" size="sm" />
                </Table.Td>
                <Table.Td>
                  <RiskLevelBadge rating={item.ratings.residual} label="Residual" size="sm" />
                </Table.Td>
                <Table.Td>
                  <ScenarioStatusBadge status={item.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.treatmentOption ? undefined : 'dimmed'}>
                    {item.treatmentOption ? TREATMENT_LABELS[item.treatmentOption].label : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text
                    size="sm"
                    c={item.progress.planned ? undefined : 'dimmed'}
                    aria-label={
                      item.progress.planned ? `${item.progress.inPlace} of ${item.progress.planned} planned controls in place` : 'No plan'
                    }
                  >
                    {item.progress.planned ? `${item.progress.inPlace}/${item.progress.planned}` : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateWithFlag date={item.reviewDue} flag={item.reviewOverdue ? 'overdue' : null} />
                </Table.Td>
                <Table.Td>
                  <DateWithFlag date={item.acceptance?.expiresOn ?? null} flag={item.acceptance?.expired ? 'expired' : null} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
