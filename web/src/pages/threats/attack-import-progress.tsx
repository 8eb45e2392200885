import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { jobPercent, useJob } from '../../api/use-job';
import { ProblemAlert } from '../../components/problem-alert';
import { AttackSummary } from './attack-summary';
import { attackSummaryOf } from './use-threats';

/**
 * The import job, followed: its progress while it waits and runs, then what it did, or why it stopped (nothing
 * is changed then). The threats list refreshes when the job is done (useJob).
 */
export function AttackImportProgress({ orgSlug, jobId }: { orgSlug: string; jobId: string }) {
  const followed = useJob(orgSlug, jobId);
  const job = followed.data;
  const summary = attackSummaryOf(job);
  const isRunning = !job || job.status === 'queued' || job.status === 'running';
  const { done, total } = job?.progress ?? { done: 0, total: null };
  return (
    <Stack gap="sm">
      <ProblemAlert error={followed.error} title="Could not follow the import" />
      {isRunning && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500} id="attack-import-progress">
              {job?.status === 'running' ? 'Importing…' : 'Waiting to start…'}
            </Text>
            <Text size="sm" c="dimmed">
              {total !== null ? `${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} threats and relations` : ''}
            </Text>
          </Group>
          <Progress value={jobPercent(job)} animated aria-labelledby="attack-import-progress" size="lg" />
          <Text size="xs" c="dimmed">
            The import goes on if you close this dialog.
          </Text>
        </Stack>
      )}
      {job?.status === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The import failed; nothing was changed">
          {job.error ?? 'The job stopped with an error.'}
        </Alert>
      )}
      {job?.status === 'cancelled' && <Alert color="gray" variant="light" title="The import was cancelled; nothing was changed" />}
      {summary && (
        <Stack gap="sm">
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Imported">
            The catalogue is in your threats; entries already there were updated in place.
          </Alert>
          <AttackSummary summary={summary} />
        </Stack>
      )}
    </Stack>
  );
}
