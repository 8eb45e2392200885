import { Divider, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { EChart } from '../../components/charts/echart';
import { formatDateTime } from '../../lib/format';
import { formatCount } from './fair-format';
import { CURVE_COLORS, exceedanceOption, isMeasured, histogramOption, tornadoOption, type Curve } from './fair-charts';
import { ApplyRating } from './apply-rating';
import { ControlsTable } from './controls-table';
import { ResultFigures } from './result-figures';
import type { ScenarioRun } from './fair-types';

interface ScenarioResultsProps {
  orgSlug: string;
  run: ScenarioRun;
  currency: string | null;
  canWrite: boolean;
}

/** One stored run: its figures, loss exceedance (before and after controls), histogram, tornado and controls. */
export function ScenarioResults({ orgSlug, run, currency, canWrite }: ScenarioResultsProps) {
  const result = run.result;
  const options = useMemo(() => {
    const curves: Curve[] = [{ name: 'Before controls', points: result.annualLoss.exceedance, color: CURVE_COLORS.before }];
    if (result.allControls) {
      const name = result.controls.length === 1 && result.controls[0] ? `After ${result.controls[0].name}` : 'After all controls';
      curves.push({ name, points: result.allControls.after.exceedance, color: CURVE_COLORS.after });
    }
    return {
      exceedance: exceedanceOption(curves, currency),
      histogram: histogramOption(result.annualLoss, currency),
      tornado: result.sensitivity.some(isMeasured) ? tornadoOption(result.sensitivity, result.annualLoss.mean, currency) : null,
    };
  }, [result, currency]);

  return (
    <Stack gap="md" data-testid="fair-results" data-run-id={run.id}>
      <Text size="xs" c="dimmed">
        Run of {formatDateTime(run.createdAt)}: {formatCount(run.iterations)} simulated years, seed {run.seed}, {run.engine},{' '}
        {formatCount(run.durationMs)} ms.
      </Text>
      <ResultFigures result={result} currency={currency} />
      <Stack gap={4}>
        <Title order={3} fz="md">
          Loss exceedance
        </Title>
        <Text size="xs" c="dimmed">
          The chance that a year’s losses reach at least a given amount. A curve further left and lower is a smaller risk.
        </Text>
        <EChart option={options.exceedance} height={320} label="Loss exceedance curve" testId="fair-lec-chart" />
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={3} fz="md">
            Distribution of yearly loss
          </Title>
          <EChart option={options.histogram} height={260} label="Histogram of yearly loss" testId="fair-histogram-chart" />
        </Stack>
        <Stack gap={4}>
          <Title order={3} fz="md">
            What drives it
          </Title>
          {options.tornado ? (
            <EChart
              option={options.tornado}
              height={Math.max(200, 60 + result.sensitivity.filter(isMeasured).length * 34)}
              label="Tornado chart: mean yearly loss when each input is low and when it is high"
              testId="fair-tornado-chart"
            />
          ) : (
            <Text size="sm" c="dimmed">
              This run has no sensitivity analysis.
            </Text>
          )}
        </Stack>
      </SimpleGrid>
      {result.controls.length > 0 && (
        <Stack gap={4}>
          <Title order={3} fz="md">
            Controls
          </Title>
          <ControlsTable result={result} currency={currency} />
        </Stack>
      )}
      {canWrite && run.scenarioId && (
        <>
          <Divider />
          <Stack gap={4}>
            <Title order={3} fz="md">
              Rating
            </Title>
            <Text size="xs" c="dimmed">
              Places the mean loss events a year and the mean loss per event on the likelihood and consequence bands of the scenario’s
              criteria.
            </Text>
            <ApplyRating orgSlug={orgSlug} scenarioId={run.scenarioId} runId={run.id} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
