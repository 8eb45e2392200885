import { Anchor, Progress, Table, Text } from '@mantine/core';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { formatMoney, formatPercent } from './fair-format';
import type { Portfolio, PortfolioResult } from './fair-types';

interface ContributionsTableProps {
  orgSlug: string;
  result: PortfolioResult;
  scenarios: Portfolio['scenarios'];
  currency: string | null;
}

/** Each scenario's part of the total: its mean and 95th percentile yearly loss, and its share of the mean. */
export function ContributionsTable({ orgSlug, result, scenarios, currency }: ContributionsTableProps) {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const rows = [...result.scenarios].sort((a, b) => b.mean - a.mean);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label="Contribution of each scenario" withTableBorder striped data-testid="portfolio-contributions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Scenario</Table.Th>
            <Table.Th ta="right">Mean yearly loss</Table.Th>
            <Table.Th ta="right">95th percentile</Table.Th>
            <Table.Th w={220}>Share of the total mean</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const scenario = byId.get(row.id);
            const refId = row.refId ?? scenario?.refId;
            const title = row.title ?? scenario?.title ?? 'Removed scenario';
            return (
              <Table.Tr key={row.id}>
                <Table.Td>
                  <Anchor {...linkProps(orgPath(orgSlug, `risk/scenarios/${row.id}`))} size="sm">
                    {refId ? `${refId}: ${title}` : title}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(row.mean, currency)}</Table.Td>
                <Table.Td ta="right">{formatMoney(row.p95, currency)}</Table.Td>
                <Table.Td>
                  <Progress value={row.shareOfMean * 100} size="sm" aria-hidden />
                  <Text size="xs" c="dimmed">
                    {formatPercent(row.shareOfMean)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
