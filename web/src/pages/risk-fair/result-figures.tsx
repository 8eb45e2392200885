import { Paper, SimpleGrid, Text } from '@mantine/core';
import { formatMoney, formatPercent, formatRate } from './fair-format';
import type { ScenarioResult } from './fair-types';

interface Figure {
  label: string;
  value: string;
  hint: string;
  testId: string;
}

function figuresOf(result: ScenarioResult, currency: string | null): Figure[] {
  const loss = result.annualLoss;
  const money = (value: number): string => formatMoney(value, currency);
  return [
    { label: 'Annual loss exposure (mean)', value: money(loss.mean), hint: 'average loss in a year', testId: 'ale-mean' },
    { label: 'Median', value: money(loss.median), hint: 'half the years lose less', testId: 'ale-median' },
    { label: '90th percentile', value: money(loss.p90), hint: '1 year in 10 loses more', testId: 'ale-p90' },
    { label: '95th percentile', value: money(loss.p95), hint: '1 year in 20 loses more', testId: 'ale-p95' },
    { label: '99th percentile', value: money(loss.p99), hint: '1 year in 100 loses more', testId: 'ale-p99' },
    {
      // The product model's yearly loss is an expected value, above zero in nearly every simulated year; the
      // chance of at least one loss event is what a reader means by "chance of a loss".
      label: 'Chance of a loss event',
      value: formatPercent(result.lossEventFrequency.probabilityOfAny ?? loss.probabilityOfLoss),
      hint: 'at least one loss event in a year',
      testId: 'ale-probability',
    },
    {
      label: 'Loss events a year',
      value: formatRate(result.lossEventFrequency.mean),
      hint: `median ${formatRate(result.lossEventFrequency.median)}, 90th percentile ${formatRate(result.lossEventFrequency.p90)}`,
      testId: 'lef-mean',
    },
    {
      label: 'Loss per event',
      value: result.lossMagnitude ? money(result.lossMagnitude.mean) : '—',
      hint: result.lossMagnitude
        ? `median ${money(result.lossMagnitude.median)}, 90th percentile ${money(result.lossMagnitude.p90)}`
        : 'no loss event was simulated',
      testId: 'magnitude-mean',
    },
  ];
}

/** The run's headline figures: annual loss (mean, percentiles, chance of any), loss events a year, loss per event. */
export function ResultFigures({ result, currency }: { result: ScenarioResult; currency: string | null }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
      {figuresOf(result, currency).map((figure) => (
        <Paper key={figure.testId} withBorder radius="md" p="sm" bg={figure.testId === 'ale-mean' ? 'indigo.0' : undefined}>
          <Text component="dt" size="xs" c="dimmed" fw={600}>
            {figure.label}
          </Text>
          <Text component="dd" m={0} fz={22} fw={700} lh={1.3} data-testid={figure.testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {figure.value}
          </Text>
          <Text size="xs" c="dimmed">
            {figure.hint}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
