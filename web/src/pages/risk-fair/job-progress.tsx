import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { isJobFinished, runIdOf, useCancelJob, useFairJob } from './use-fair';

interface JobProgressProps {
  orgSlug: string;
  jobId: string;
  /** Called once, with the stored run's id, when the job succeeds. */
  onDone: (runId: string) => void;
  /** Called when the job ended without a run (failed or cancelled) and the user dismisses it. */
  onDismiss: () => void;
}

/** A simulation too big to run inside the request: its progress, polled, with a way to stop it. */
export function JobProgress({ orgSlug, jobId, onDone, onDismiss }: JobProgressProps) {
  const job = useFairJob(orgSlug, jobId);
  const cancel = useCancelJob(orgSlug);
  const data = job.data;
  const runId = runIdOf(data);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!runId) return;
    onDone(runId);
    // The job stored a run: the scenario's latest run, the portfolio and the audit trail moved with it.
    void queryClient.invalidateQueries({ queryKey: ['org', orgSlug] });
  }, [runId, onDone, queryClient, orgSlug]);
  const { done, total } = data?.progress ?? { done: 0, total: null };
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const isRunning = !isJobFinished(data);
  return (
    <Stack gap={6} data-testid="fair-job">
      <ProblemAlert error={job.error} title="Could not follow the simulation" />
      <Group justify="space-between">
        <Text size="sm" fw={500} id={`job-${jobId}`}>
          {data?.status === 'queued' || !data
            ? 'Waiting to start…'
            : data.status === 'running'
              ? 'Simulating…'
              : data.status === 'succeeded'
                ? 'Done'
                : 'Stopped'}
        </Text>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {percent} %
          </Text>
          {isRunning && (
            <Button size="compact-sm" variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(jobId)}>
              Cancel
            </Button>
          )}
        </Group>
      </Group>
      <Progress value={percent} animated={isRunning} aria-labelledby={`job-${jobId}`} size="lg" />
      <ProblemAlert error={cancel.error} title="Could not cancel the simulation" />
      {data?.status === 'failed' && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title="The simulation failed; nothing was stored"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={onDismiss}
        >
          {data.error ?? 'The job stopped with an error.'}
        </Alert>
      )}
      {data?.status === 'cancelled' && (
        <Alert
          color="gray"
          variant="light"
          title="The simulation was cancelled; nothing was stored"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={onDismiss}
        />
      )}
    </Stack>
  );
}
