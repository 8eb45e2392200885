import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { AuditEntry } from '../../api/api-types';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} className="mono">
        {value ?? '—'}
      </Text>
    </Stack>
  );
}

/** The tamper-evidence of one entry: its identifiers, the digests of the change and its place in the chain. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm" m={0} p="sm">
      <Field label="Sequence number" value={String(entry.seq)} />
      <Field label="Entry id" value={entry.id} />
      <Field label="Actor" value={`${entry.actor.type} ${entry.actor.id ?? ''}`.trim()} />
      <Field label="Target" value={`${entry.target.type} ${entry.target.id}`} />
      <Field label="Request id" value={entry.requestId} />
      <Field label="Occurred at (UTC)" value={entry.occurredAt} />
      <Field label="Digest before the change" value={entry.beforeDigest} />
      <Field label="Digest after the change" value={entry.afterDigest} />
      <Field label="Previous entry's hash" value={entry.prevHash} />
      <Field label="This entry's hash" value={entry.hash} />
    </SimpleGrid>
  );
}
