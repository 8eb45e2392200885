import { Alert, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { toProblem } from '../../api/api-problem';
import { ProblemAlert } from '../../components/problem-alert';
import type { ImportEntity, ImportPreview } from './import-api';

/** The CSV fields of each entity (as src/inventory/imports/column-mapping.ts lists them). */
export const CSV_FIELDS: Record<ImportEntity, readonly string[]> = {
  assets: ['name', 'kind', 'description', 'owner', 'custodian', 'operator', 'confidentiality', 'integrity', 'availability', 'rtoMinutes', 'rpoMinutes', 'status', 'location', 'tags', 'cmdbId', 'purl', 'cpe', 'other'],
  dependencies: ['source', 'target', 'type', 'description'],
  'external-organizations': ['name', 'relationshipTypes', 'criticality', 'country', 'website', 'notes', 'tags', 'externalId', 'contractStart', 'contractEnd'],
};

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  assets: 'Assets',
  dependencies: 'Dependencies',
  'external-organizations': 'External organizations',
};

const IGNORE = '';
/** Shown for a column the user has not mapped while no dry run has said what it maps to. */
const AUTOMATIC = '__automatic';

interface MappingStepProps {
  headers: readonly string[];
  example: readonly string[];
  entity: ImportEntity;
  onEntityChange: (entity: ImportEntity) => void;
  overrides: Record<string, string>;
  onOverridesChange: (overrides: Record<string, string>) => void;
  preview: ImportPreview | undefined;
  previewError: unknown;
  isChecking: boolean;
}

/** Step 2 (CSV): what the rows are, and which field each column fills; every change re-runs the dry run. */
export function MappingStep({ headers, example, entity, onEntityChange, overrides, onOverridesChange, preview, previewError, isChecking }: MappingStepProps) {
  const problem = previewError ? toProblem(previewError) : null;
  const columnProblem = (header: string): string | undefined => problem?.fieldProblems.find((field) => field.path === `mapping.${header}`)?.message;
  const fieldOptions = [{ value: IGNORE, label: 'Ignore this column' }, ...CSV_FIELDS[entity].map((field) => ({ value: field, label: field }))];
  return (
    <Stack gap="md">
      <Select
        label="The rows are"
        value={entity}
        onChange={(value) => value && onEntityChange(value as ImportEntity)}
        data={(Object.keys(ENTITY_LABELS) as ImportEntity[]).map((value) => ({ value, label: ENTITY_LABELS[value] }))}
        allowDeselect={false}
        maw={320}
      />
      <Group gap="xs" mih={24}>
        {isChecking ? (
          <>
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Checking the file with this mapping…
            </Text>
          </>
        ) : (
          preview &&
          !problem && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {preview.rows} rows: {preview.valid} valid, {preview.invalid} with errors.
            </Text>
          )
        )}
      </Group>
      <ProblemAlert error={problem && !problem.fieldProblems.every((field) => field.path.startsWith('mapping.')) ? problem : null} title="The file cannot be imported with this mapping" />
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Column mapping" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Column in the file</Table.Th>
              <Table.Th>First value</Table.Th>
              <Table.Th>Field</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {headers.map((header, index) => {
              const automatic = preview?.mapping?.[header];
              const value = header in overrides ? overrides[header] : preview ? (automatic ?? IGNORE) : AUTOMATIC;
              return (
                <Table.Tr key={header}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {header || '(no header)'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1} maw={260}>
                      {example[index] ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Field for column ${header}`}
                      size="xs"
                      value={value}
                      data={value === AUTOMATIC ? [{ value: AUTOMATIC, label: 'Automatic (by its name)' }, ...fieldOptions] : fieldOptions}
                      onChange={(next) => next !== null && next !== AUTOMATIC && onOverridesChange({ ...overrides, [header]: next })}
                      allowDeselect={false}
                      error={columnProblem(header)}
                      maw={240}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entity === 'assets' && (
        <Alert variant="light" color="gray">
          Assets need a name, a kind and at least one external id (cmdbId, purl, cpe or other): imports match existing assets on it, so importing the same file
          again changes nothing.
        </Alert>
      )}
    </Stack>
  );
}
