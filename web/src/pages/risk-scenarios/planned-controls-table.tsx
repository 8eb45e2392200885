import { Badge, Stack, Table, Text } from '@mantine/core';
import { STATUS_LABELS as CONTROL_STATUS_LABELS } from '../controls/control-labels';
import type { ControlRef } from './scenario-types';
import { LateBadge } from './status-badges';

/** Applied controls as a scenario names them: reference, owner, where each stands, when it is due. */
export function ControlRefTable({ controls, label }: { controls: readonly ControlRef[]; label: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} horizontalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Ref</Table.Th>
            <Table.Th>Control</Table.Th>
            <Table.Th w={150}>Owner</Table.Th>
            <Table.Th w={132}>Status</Table.Th>
            <Table.Th w={120}>Due</Table.Th>
            <Table.Th w={110}>Effectiveness</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {controls.map((control) => (
            <Table.Tr key={control.id} data-testid="control-ref-row">
              <Table.Td className="mono">{control.refId ?? '—'}</Table.Td>
              <Table.Td fw={600}>{control.title}</Table.Td>
              <Table.Td>{control.owner ?? '—'}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  size="sm"
                  color={CONTROL_STATUS_LABELS[control.status].color}
                  radius="sm"
                  tt="none"
                  style={{ whiteSpace: 'nowrap', overflow: 'visible' }}
                >
                  {CONTROL_STATUS_LABELS[control.status].label}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {control.dueDate ?? '—'}
                  </Text>
                  {control.overdue && <LateBadge>overdue</LateBadge>}
                </Stack>
              </Table.Td>
              <Table.Td>{control.effectiveness !== null ? `${control.effectiveness} %` : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
