import { Alert, Checkbox, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ChangeCounts, ImportIssue, ImportPreview } from './import-api';
import { ENTITY_LABELS } from './mapping-step';

const ENTITY_COUNTS = [
  ['assets', 'Assets'],
  ['dependencies', 'Dependencies'],
  ['externalOrganizations', 'External organizations'],
] as const;

/** Per-record problems: line (or JSON path), field and reason. */
export function IssueTable({ issues, label }: { issues: readonly ImportIssue[]; label: string }) {
  const showsLines = issues.some((issue) => issue.line !== null);
  return (
    <Table.ScrollContainer minWidth={520} maxHeight={320}>
      <Table aria-label={label} striped stickyHeader data-testid="import-errors">
        <Table.Thead>
          <Table.Tr>
            {showsLines && <Table.Th>Line</Table.Th>}
            <Table.Th>Where</Table.Th>
            <Table.Th>Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, index) => (
            <Table.Tr key={`${issue.path}-${index}`} data-testid="import-error-row" data-line={issue.line ?? undefined}>
              {showsLines && <Table.Td>{issue.line ?? '—'}</Table.Td>}
              <Table.Td>
                <Text size="sm" className="mono">
                  {fieldOf(issue)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{issue.message}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `content.line.7.kind` → `kind`; JSON paths stay whole (`content.assets.3.kind` → `assets.3.kind`). */
function fieldOf(issue: ImportIssue): string {
  const path = issue.path.replace(/^content\./, '');
  const line = /^line\.\d+\.?(.*)$/.exec(path);
  if (line) return line[1] || '(the row)';
  return path;
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== undefined)
      .map(([key, inner]) => `${key}: ${typeof inner === 'object' ? JSON.stringify(inner) : String(inner)}`)
      .join(', ');
  }
  return String(value);
};

interface PreviewStepProps {
  preview: ImportPreview;
  skipInvalid: boolean;
  onSkipInvalidChange: (skip: boolean) => void;
}

/** Step 3: what the import would do, the records it would refuse and why, and the first records as read. */
export function PreviewStep({ preview, skipInvalid, onSkipInvalidChange }: PreviewStepProps) {
  const sampleColumns = [...new Set(preview.sample.flatMap((item) => Object.keys(item.record)))].slice(0, 8);
  const showsEntity = new Set(preview.sample.map((item) => item.entity)).size > 1;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {ENTITY_COUNTS.map(([key, label]) => {
          const counts: ChangeCounts = preview[key];
          return (
            <Paper key={key} withBorder radius="md" p="sm" component="section" aria-label={label} data-testid={`import-counts-${key}`}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="sm">
                {counts.create} to create, {counts.update} to update, {counts.unchanged} unchanged
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
      {preview.invalid === 0 ? (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Every record is valid">
          {preview.rows} {preview.rows === 1 ? 'record' : 'records'} ready to import.
        </Alert>
      ) : (
        <Stack gap="xs">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`${preview.invalid} of ${preview.rows} records have errors`}>
            Fix them in the file and choose it again, or skip them: the other records are imported and the skipped ones listed in the result.
            {preview.errorsTruncated && ` Only the first ${preview.errors.length} problems are listed.`}
          </Alert>
          <IssueTable issues={preview.errors} label="Errors in the file" />
          <Checkbox
            label={`Skip the ${preview.invalid} invalid ${preview.invalid === 1 ? 'record' : 'records'}`}
            checked={skipInvalid}
            onChange={(event) => onSkipInvalidChange(event.currentTarget.checked)}
          />
        </Stack>
      )}
      {preview.sample.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            First records, as they will be imported
          </Title>
          <Table.ScrollContainer minWidth={640} maxHeight={320}>
            <Table aria-label="Sample of the records" striped stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{preview.format === 'csv' ? 'Line' : 'Record'}</Table.Th>
                  {showsEntity && <Table.Th>Kind of record</Table.Th>}
                  {sampleColumns.map((column) => (
                    <Table.Th key={column}>{column}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((item) => (
                  <Table.Tr key={item.path}>
                    <Table.Td>{item.line ?? item.path.replace(/^content\./, '')}</Table.Td>
                    {showsEntity && <Table.Td>{ENTITY_LABELS[item.entity]}</Table.Td>}
                    {sampleColumns.map((column) => (
                      <Table.Td key={column}>
                        <Text size="sm" lineClamp={1} maw={220}>
                          {cell(item.record[column])}
                        </Text>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}
