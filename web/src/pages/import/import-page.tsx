import { Alert, Button, Group, Loader, Paper, Stack, Stepper, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconUpload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { toProblem } from '../../api/api-problem';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { readCsvHead } from './csv-head';
import { FileStep } from './file-step';
import { lineOfPath, type ImportEntity, type ImportFormat } from './import-api';
import { MappingStep } from './mapping-step';
import { IssueTable, PreviewStep } from './preview-step';
import { ProgressStep } from './progress-step';
import { useImportJob, useImportPreview, useStartImport, type LoadedFile } from './use-import';

const STEP_FILE = 0;
const STEP_COLUMNS = 1;
const STEP_PREVIEW = 2;
const STEP_IMPORT = 3;

/** Imports assets, dependencies and external organizations from a file: choose, map (CSV), check, import. */
export function ImportPage() {
  const { org } = useCurrentOrg();
  const [active, setActive] = useState(STEP_FILE);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [entity, setEntity] = useState<ImportEntity>('assets');
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const isCsv = format === 'csv';

  const choices = useMemo(() => ({ format, entity, mapping: overrides }), [format, entity, overrides]);
  const preview = useImportPreview(org.slug, file, choices, active === STEP_COLUMNS || active === STEP_PREVIEW);
  const start = useStartImport(org.slug);
  const job = useImportJob(org.slug, jobId);
  const head = useMemo(() => (file && isCsv ? readCsvHead(file.content) : { headers: [], example: [] }), [file, isCsv]);
  const headers = preview.data?.columns ?? head.headers;

  const resetChoices = (): void => {
    setOverrides({});
    setSkipInvalid(false);
    start.reset();
  };
  const restart = (): void => {
    resetChoices();
    setFile(null);
    setJobId(null);
    setActive(STEP_FILE);
  };
  const runImport = (): void => {
    if (!file) return;
    start.mutate({ file, choices, skipInvalid }, { onSuccess: (queued) => (setJobId(queued.id), setActive(STEP_IMPORT)) });
  };

  // The dry run answers for the current choices (not a previous answer kept on screen while re-checking).
  const isCurrent = !preview.isPlaceholderData && !preview.isFetching;
  const checked = isCurrent ? preview.data : undefined;
  const previewError = isCurrent ? preview.error : null;
  const canImport = checked !== undefined && checked.valid > 0 && (checked.invalid === 0 || skipInvalid) && !start.isPending;
  const startProblem = start.error ? toProblem(start.error) : null;
  const startIssues = (startProblem?.fieldProblems ?? []).map((problem) => ({ ...problem, line: lineOfPath(problem.path) }));

  return (
    <Stack gap="md">
      <PageHeader title="Import" description="Add or update assets, dependencies and external organizations from a CSV file, a Bulwark JSON export or a CycloneDX SBOM." />
      <Paper withBorder radius="md" p="lg">
        <Stepper active={active} onStepClick={(step) => active !== STEP_IMPORT && setActive(step)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="File" description="Format and file">
            <FileStep
              format={format}
              onFormatChange={(next) => {
                setFormat(next);
                resetChoices();
              }}
              file={file}
              onFile={(next) => {
                setFile(next);
                resetChoices();
              }}
            />
          </Stepper.Step>
          <Stepper.Step label="Columns" description={isCsv ? 'Map the CSV columns' : 'CSV only'}>
            <MappingStep
              headers={headers}
              example={head.example}
              entity={entity}
              onEntityChange={(next) => {
                setEntity(next);
                resetChoices();
              }}
              overrides={overrides}
              onOverridesChange={setOverrides}
              preview={checked}
              previewError={previewError}
              isChecking={preview.isFetching}
            />
          </Stepper.Step>
          <Stepper.Step label="Check" description="What would change">
            {preview.isFetching && (
              <Group gap="xs">
                <Loader size="sm" aria-hidden />
                <Text size="sm">Checking the file (nothing is written yet)…</Text>
              </Group>
            )}
            <ProblemAlert error={previewError} title="The file cannot be imported" />
            {previewError !== null && toProblem(previewError).fieldProblems.length > 0 && (
              <IssueTable issues={toProblem(previewError).fieldProblems.map((problem) => ({ ...problem, line: lineOfPath(problem.path) }))} label="Problems with the file" />
            )}
            {checked && <PreviewStep preview={checked} skipInvalid={skipInvalid} onSkipInvalidChange={setSkipInvalid} />}
            {startProblem && (
              <Stack gap="xs" mt="md">
                <ProblemAlert error={start.error} title="The import was refused" />
                {startIssues.length > 0 && <IssueTable issues={startIssues} label="Records the server refused" />}
              </Stack>
            )}
          </Stepper.Step>
          <Stepper.Step label="Import" description="Progress and result">
            <ProgressStep orgSlug={org.slug} job={job.data} error={job.error} onRestart={restart} />
          </Stepper.Step>
        </Stepper>

        {active !== STEP_IMPORT && (
          <Group justify="space-between" mt="xl">
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              disabled={active === STEP_FILE}
              onClick={() => setActive(active === STEP_PREVIEW && !isCsv ? STEP_FILE : active - 1)}
            >
              Back
            </Button>
            {active === STEP_FILE && (
              <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={!file} onClick={() => setActive(isCsv ? STEP_COLUMNS : STEP_PREVIEW)}>
                Next
              </Button>
            )}
            {active === STEP_COLUMNS && (
              <Button rightSection={<IconArrowRight size={16} aria-hidden />} disabled={!checked} onClick={() => setActive(STEP_PREVIEW)}>
                Next
              </Button>
            )}
            {active === STEP_PREVIEW && (
              <Button leftSection={<IconUpload size={16} aria-hidden />} disabled={!canImport} loading={start.isPending} onClick={runImport}>
                Import
              </Button>
            )}
          </Group>
        )}
        {active === STEP_PREVIEW && checked && checked.invalid > 0 && !skipInvalid && (
          <Alert variant="light" color="gray" mt="sm">
            Import is available once the errors are fixed, or when you choose to skip the invalid records.
          </Alert>
        )}
      </Paper>
    </Stack>
  );
}
