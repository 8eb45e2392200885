import { Table, Text } from '@mantine/core';
import { formatMoney, formatRatio } from './fair-format';
import type { ControlOutcome, ScenarioResult } from './fair-types';

/** What each control is worth: the loss it removes (mean and 95th percentile), its cost, and their ratio. */
export function ControlsTable({ result, currency }: { result: ScenarioResult; currency: string | null }) {
  const rows: ControlOutcome[] =
    result.controls.length > 1 && result.allControls ? [...result.controls, result.allControls] : result.controls;
  const money = (value: number | null): string => (value === null ? '—' : formatMoney(value, currency));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Controls: loss reduction and return" withTableBorder striped data-testid="fair-controls-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Control</Table.Th>
            <Table.Th ta="right">Mean loss after</Table.Th>
            <Table.Th ta="right">Reduction of the mean</Table.Th>
            <Table.Th ta="right">Reduction of the 95th percentile</Table.Th>
            <Table.Th ta="right">Yearly cost</Table.Th>
            <Table.Th ta="right">Return on control</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={`${row.name}-${index}`} fw={row === result.allControls && rows.length > 1 ? 600 : undefined}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td ta="right">{money(row.after.mean)}</Table.Td>
              <Table.Td ta="right" data-testid="control-reduction">
                {money(row.reduction.mean)}
              </Table.Td>
              <Table.Td ta="right">{money(row.reduction.p95)}</Table.Td>
              <Table.Td ta="right">{money(row.yearlyCost)}</Table.Td>
              <Table.Td ta="right" data-testid="control-return">
                {formatRatio(row.returnOnControl)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt={4}>
        Return on control: the yearly loss it removes on average for each unit it costs a year (above 1× it pays for itself).
      </Text>
    </Table.ScrollContainer>
  );
}
