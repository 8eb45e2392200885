import { Table, Text } from '@mantine/core';
import { isIn, KIND_FILTER_LABELS } from './threat-labels';
import type { AttackImportSummary } from './threat-types';

const isKind = isIn(KIND_FILTER_LABELS);
const kindLabel = (kind: string): string => (isKind(kind) ? KIND_FILTER_LABELS[kind] : kind);
const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((total, n) => total + n, 0);

/** What an ATT&CK import did (or, on a dry run, would do): per kind, the relations, and what was left out. */
export function AttackSummary({ summary }: { summary: AttackImportSummary }) {
  const rows = Object.entries(summary.kinds).map(([kind, counts]) => ({ label: kindLabel(kind), ...counts }));
  const { relations } = summary;
  const skippedObjects = sum(summary.skipped.objects);
  const skippedRelationships = sum(summary.skipped.relationships);
  return (
    <>
      <Text size="sm">
        Catalogue: <strong>{summary.origin}</strong>
      </Text>
      <Table withTableBorder aria-label={summary.dryRun ? 'What the import would do' : 'What the import did'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">New</Table.Th>
            <Table.Th ta="right">Updated</Table.Th>
            <Table.Th ta="right">Unchanged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td ta="right">{row.created}</Table.Td>
              <Table.Td ta="right">{row.updated}</Table.Td>
              <Table.Td ta="right">{row.unchanged}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">
        Relations between them: {relations.created} new, {relations.removed} removed, {relations.unchanged} unchanged.
      </Text>
      {(skippedObjects > 0 || skippedRelationships > 0) && (
        <Text size="sm" c="dimmed">
          Left out: {skippedObjects} objects of other types ({Object.keys(summary.skipped.objects).join(', ') || 'none'}) and{' '}
          {skippedRelationships} relationships ({Object.keys(summary.skipped.relationships).join(', ') || 'none'}).
        </Text>
      )}
    </>
  );
}
