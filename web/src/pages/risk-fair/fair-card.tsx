import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconCalculator, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import { SectionCard } from '../inventory/section-card';
import { FairFormModal } from './fair-form-modal';
import { formatCount } from './fair-format';
import { MODEL_LABELS } from './fair-labels';
import type { ScenarioRun } from './fair-types';
import { JobProgress } from './job-progress';
import { ScenarioResults } from './scenario-results';
import { useDeleteScenarioFair, useFairRun, useFairSettings, useRunScenarioFair, useScenarioFair } from './use-fair';

interface FairCardProps {
  orgSlug: string;
  scenarioId: string;
  refId: string;
  canWrite: boolean;
}

/** Quantitative analysis of a scenario: its FAIR estimates, a run of the simulation, and what the run says. */
export function FairCard({ orgSlug, scenarioId, refId, canWrite }: FairCardProps) {
  const fair = useScenarioFair(orgSlug, scenarioId);
  const settings = useFairSettings(orgSlug, canWrite);
  const run = useRunScenarioFair(orgSlug, scenarioId);
  const remove = useDeleteScenarioFair(orgSlug, scenarioId);
  const [round, setRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [jobRunId, setJobRunId] = useState<string | null>(null);
  const jobRun = useFairRun<ScenarioRun>(orgSlug, jobRunId);
  const onJobDone = useCallback((runId: string) => {
    setJobRunId(runId);
    setJobId(null);
  }, []);
  const data = fair.data;
  const analysis = data?.analysis ?? null;
  const currency = data?.currency ?? settings.data?.currency ?? null;
  // A run the job just stored is newer than the latest the card loaded, until the card reloads.
  const shown =
    jobRun.data && (!data?.latestRun || jobRun.data.createdAt >= data.latestRun.createdAt) ? jobRun.data : (data?.latestRun ?? null);
  const isStale = analysis !== null && shown !== null && analysis.updatedAt > shown.createdAt;
  const edit = (): void => {
    setRound((n) => n + 1);
    setEditing(true);
  };
  const startRun = (): void =>
    run.mutate(undefined, {
      onSuccess: (started) => {
        if (started.job) setJobId(started.job.id);
        else setJobRunId(null);
      },
    });

  return (
    <SectionCard
      title="Quantitative analysis (FAIR)"
      testId="fair-card"
      description={
        analysis ? (
          <>
            {MODEL_LABELS[analysis.model].label}, {formatCount(analysis.iterations)} iterations, seed {analysis.seed}
            {analysis.pertSampling === 'table' ? ', PERT from tables' : ''}
            {analysis.controls.length > 0 && `, ${analysis.controls.length} control${analysis.controls.length > 1 ? 's' : ''}`}; estimates
            changed {formatDateTime(analysis.updatedAt)}.
          </>
        ) : (
          'Yearly loss in money, simulated from calibrated estimates (Open FAIR).'
        )
      }
      actions={
        canWrite &&
        analysis && (
          <>
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit}>
              Edit estimates
            </Button>
            <Button
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              loading={run.isPending}
              disabled={jobId !== null}
              onClick={startRun}
            >
              Run
            </Button>
            <Button variant="subtle" color="red" aria-label="Remove the FAIR analysis" onClick={() => setDeleting(true)}>
              <IconTrash size={16} aria-hidden />
            </Button>
          </>
        )
      }
    >
      <ProblemAlert error={fair.error} title="Could not load the FAIR analysis" />
      {fair.isPending && <Skeleton height={80} />}
      {data && !analysis && (
        <Group justify="space-between" data-testid="fair-not-analysed">
          <Text size="sm" c="dimmed">
            Not analysed: no FAIR estimates yet.
          </Text>
          {canWrite && (
            <Button variant="light" leftSection={<IconCalculator size={16} aria-hidden />} onClick={edit}>
              Add FAIR analysis
            </Button>
          )}
        </Group>
      )}
      <ProblemAlert error={run.error} title="Could not run the simulation" />
      {jobId && <JobProgress orgSlug={orgSlug} jobId={jobId} onDone={onJobDone} onDismiss={() => setJobId(null)} />}
      {analysis && !shown && !jobId && (
        <Text size="sm" c="dimmed">
          Not run yet{canWrite ? ': press Run to simulate.' : '.'}
        </Text>
      )}
      {isStale && (
        <Alert color="yellow" variant="light" title="The estimates changed after this run">
          {canWrite ? 'Run again to see their effect.' : 'The figures below are from the earlier estimates.'}
        </Alert>
      )}
      {shown && (
        <Stack gap="md">
          <ScenarioResults orgSlug={orgSlug} run={shown} currency={currency} canWrite={canWrite} />
        </Stack>
      )}
      {canWrite && data && (
        <FairFormModal
          key={round}
          orgSlug={orgSlug}
          scenarioId={scenarioId}
          refId={refId}
          analysis={analysis}
          currency={currency}
          drivers={settings.data?.drivers ?? []}
          opened={isEditing}
          onClose={() => setEditing(false)}
          onReload={async () => (await fair.refetch()).data}
        />
      )}
      <ConfirmDialog
        opened={isDeleting}
        title="Remove the FAIR analysis?"
        confirmLabel="Remove"
        isDestructive
        isPending={remove.isPending}
        error={remove.error}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => setDeleting(false) })}
      >
        The estimates and controls of {refId} are removed. The qualitative assessment stays as it is.
      </ConfirmDialog>
    </SectionCard>
  );
}
