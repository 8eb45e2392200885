import { Alert, Anchor, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { ProblemAlert } from '../../components/problem-alert';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { jobPercent, type Job } from '../../api/use-job';
import { importResultOf } from './import-api';
import { IssueTable } from './preview-step';

interface ProgressStepProps {
  orgSlug: string;
  job: Job | undefined;
  error: unknown;
  onRestart: () => void;
}

const ROWS = [
  ['assets', 'Assets'],
  ['dependencies', 'Dependencies'],
  ['externalOrganizations', 'External organizations'],
] as const;

/** Step 4: the job's progress, polled, then what it did. */
export function ProgressStep({ orgSlug, job, error, onRestart }: ProgressStepProps) {
  const done = job?.progress.done ?? 0;
  const total = job?.progress.total ?? null;
  const percent = jobPercent(job);
  const result = job?.status === 'succeeded' ? importResultOf(job) : null;
  const isRunning = !job || job.status === 'queued' || job.status === 'running';
  return (
    <Stack gap="md">
      <ProblemAlert error={error} title="Could not follow the import" />
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500} id="import-progress-label">
            {isRunning ? (job?.status === 'running' ? 'Importing…' : 'Waiting to start…') : job.status === 'succeeded' ? 'Imported' : 'Stopped'}
          </Text>
          <Text size="sm" c="dimmed">
            {total !== null ? `${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')}` : done > 0 ? done.toLocaleString('en-GB') : ''}
          </Text>
        </Group>
        <Progress value={percent} animated={isRunning} aria-labelledby="import-progress-label" size="lg" color={job?.status === 'failed' ? 'red' : 'indigo'} />
      </Stack>
      {job?.status === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The import failed; nothing was written">
          {job.error ?? 'The job stopped with an error.'}
        </Alert>
      )}
      {job?.status === 'cancelled' && (
        <Alert color="gray" variant="light" title="The import was cancelled; nothing was written" />
      )}
      {result && (
        <Stack gap="sm" data-testid="import-result">
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Import finished">
            The inventory now holds the file's records. Importing the same file again changes nothing.
          </Alert>
          <Table aria-label="What the import did" withTableBorder maw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>Created</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>Unchanged</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROWS.map(([key, label]) => (
                <Table.Tr key={key} data-testid={`import-result-${key}`}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>{result[key].created}</Table.Td>
                  <Table.Td>{result[key].updated}</Table.Td>
                  <Table.Td>{result[key].unchanged}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.skipped.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Skipped {result.skippedRecords ?? result.skipped.length} invalid {(result.skippedRecords ?? result.skipped.length) === 1 ? 'record' : 'records'}
              </Text>
              <IssueTable issues={result.skipped} label="Skipped records" />
            </Stack>
          )}
        </Stack>
      )}
      {!isRunning && (
        <Group gap="sm">
          <Anchor {...linkProps(orgPath(orgSlug, 'assets'))}>Open the inventory</Anchor>
          <Button variant="default" onClick={onRestart}>
            Import another file
          </Button>
        </Group>
      )}
    </Stack>
  );
}
