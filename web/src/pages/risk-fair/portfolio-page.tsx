import { Button, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconSettings } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { toProblem } from '../../api/api-problem';
import { EChart } from '../../components/charts/echart';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { ContributionsTable } from './contributions-table';
import { CURVE_COLORS, exceedanceOption, type Curve } from './fair-charts';
import type { NumberField } from './fair-draft';
import { formatCount, formatMoney, formatPercent } from './fair-format';
import type { PortfolioRun } from './fair-types';
import { JobProgress } from './job-progress';
import { PortfolioSettingsModal } from './portfolio-settings-modal';
import { PortfolioVerdict } from './portfolio-verdict';
import { useFairRun, usePortfolio, useRunPortfolio } from './use-fair';

const asNumber = (value: number | string): NumberField => (typeof value === 'number' ? value : value === '' ? '' : Number(value));

/** Every analysed scenario simulated together: the total yearly loss against the organization's appetite and tolerance. */
export function PortfolioPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'risk:write');
  const portfolio = usePortfolio(org.slug);
  const run = useRunPortfolio(org.slug);
  const [iterations, setIterations] = useState<NumberField>(50_000);
  const [seed, setSeed] = useState<NumberField>('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [jobRunId, setJobRunId] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const jobRun = useFairRun<PortfolioRun>(org.slug, jobRunId);
  const onJobDone = useCallback((runId: string) => {
    setJobRunId(runId);
    setJobId(null);
  }, []);
  const data = portfolio.data;
  const runProblem = run.error ? toProblem(run.error) : null;
  const latest = data?.latestRun ?? null;
  const shown = jobRun.data && (!latest || jobRun.data.createdAt >= latest.createdAt) ? jobRun.data : latest;
  const settings = data?.settings;
  const currency = settings?.currency ?? null;
  const analysed = data?.scenarios.length ?? 0;

  const option = useMemo(() => {
    if (!shown || !settings) return null;
    const curves: Curve[] = [{ name: 'All scenarios', points: shown.result.total.exceedance, color: CURVE_COLORS.before }];
    if (settings.appetite.length > 0)
      curves.push({ name: 'Appetite', points: settings.appetite, color: CURVE_COLORS.appetite, dashed: true });
    if (settings.tolerance.length > 0)
      curves.push({ name: 'Tolerance', points: settings.tolerance, color: CURVE_COLORS.tolerance, dashed: true });
    return exceedanceOption(curves, currency);
  }, [shown, settings, currency]);

  const startRun = (): void =>
    run.mutate(
      { ...(iterations === '' ? {} : { iterations }), ...(seed === '' ? {} : { seed }) },
      {
        onSuccess: (started) => {
          if (started.job) setJobId(started.job.id);
          else setJobRunId(null);
        },
      },
    );

  return (
    <Stack gap="md">
      <PageHeader
        title="Risk portfolio"
        description="The scenarios with a FAIR analysis, simulated together: what a year could cost the organization in all."
        actions={
          canWrite &&
          settings && (
            <Button
              variant="default"
              leftSection={<IconSettings size={16} aria-hidden />}
              onClick={() => {
                setRound((n) => n + 1);
                setEditing(true);
              }}
            >
              Settings
            </Button>
          )
        }
      />
      <ProblemAlert error={portfolio.error} title="Could not load the risk portfolio" />
      {portfolio.isPending && <Skeleton height={300} />}
      {data && (
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" align="flex-end" gap="md">
            <Text size="sm" c="dimmed" maw={520}>
              {analysed === 0
                ? 'No scenario has a FAIR analysis yet: add one on a scenario’s page first.'
                : `${analysed} scenario${analysed === 1 ? '' : 's'} with a FAIR analysis. Scenarios are independent, except where they share a driver.`}
            </Text>
            {canWrite && (
              <Group gap="sm" align="flex-end">
                <NumberInput
                  label="Iterations"
                  w={150}
                  min={1}
                  step={10_000}
                  thousandSeparator=","
                  value={iterations}
                  onChange={(v) => setIterations(asNumber(v))}
                  error={runProblem?.fieldMessage('iterations')}
                />
                <NumberInput
                  label="Seed"
                  placeholder="random"
                  w={130}
                  min={0}
                  allowDecimal={false}
                  hideControls
                  value={seed}
                  onChange={(v) => setSeed(asNumber(v))}
                  error={runProblem?.fieldMessage('seed')}
                />
                <Button
                  leftSection={<IconPlayerPlay size={16} aria-hidden />}
                  loading={run.isPending}
                  disabled={analysed === 0 || jobId !== null}
                  onClick={startRun}
                >
                  Run portfolio
                </Button>
              </Group>
            )}
          </Group>
        </Paper>
      )}
      <ProblemAlert error={run.error} title="Could not run the portfolio" fields={['iterations', 'seed']} />
      {jobId && <JobProgress orgSlug={org.slug} jobId={jobId} onDone={onJobDone} onDismiss={() => setJobId(null)} />}
      {data && !shown && !jobId && analysed > 0 && (
        <Text size="sm" c="dimmed">
          The portfolio has not been run yet.
        </Text>
      )}
      {shown && settings && (
        <Stack gap="md" data-testid="portfolio-results" data-run-id={shown.id}>
          <Text size="xs" c="dimmed">
            Run of {formatDateTime(shown.createdAt)}: {formatCount(shown.iterations)} simulated years, seed {shown.seed}
            {shown.result.drivers.length > 0 && `; shared drivers: ${shown.result.drivers.join(', ')}`}.
          </Text>
          <PortfolioVerdict
            result={shown.result}
            currency={currency}
            hasAppetite={settings.appetite.length > 0}
            hasTolerance={settings.tolerance.length > 0}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Figure
              label="Total annual loss exposure (mean)"
              value={formatMoney(shown.result.total.mean, currency)}
              testId="portfolio-mean"
            />
            <Figure label="95th percentile" value={formatMoney(shown.result.total.p95, currency)} testId="portfolio-p95" />
            <Figure label="99th percentile" value={formatMoney(shown.result.total.p99, currency)} testId="portfolio-p99" />
            <Figure
              label="Chance of a loss event"
              value={formatPercent(shown.result.probabilityOfLossEvent ?? shown.result.total.probabilityOfLoss)}
              testId="portfolio-probability"
            />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="lg">
              Total loss exceedance
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              Where the solid curve rises above a dashed one, the chance of that loss is higher than the limit allows.
            </Text>
            {option && (
              <EChart
                option={option}
                height={340}
                label="Total loss exceedance curve against the appetite and tolerance curves"
                testId="portfolio-lec-chart"
              />
            )}
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="lg" mb="xs">
              Contributions
            </Title>
            <ContributionsTable orgSlug={org.slug} result={shown.result} scenarios={data?.scenarios ?? []} currency={currency} />
          </Paper>
        </Stack>
      )}
      {canWrite && settings && (
        <PortfolioSettingsModal key={round} orgSlug={org.slug} settings={settings} opened={isEditing} onClose={() => setEditing(false)} />
      )}
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}
