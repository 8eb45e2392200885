import { Text } from '@mantine/core';
import { formatDateTime } from '../../lib/format';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function describeValue(value: unknown): { text: string; isInstant: boolean } {
  if (value === null || value === undefined) return { text: '—', isInstant: false };
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? { text: formatDateTime(value), isInstant: true } : { text: value, isInstant: false };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), isInstant: false };
  return { text: JSON.stringify(value), isInstant: false };
}

/** `expiresAt` → `expires at`. */
const describeKey = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * An entry's summary (a small record the service chose) as `key value` pairs that wrap as units, so a key never
 * ends one line while its value starts the next.
 */
export function AuditSummary({ summary }: { summary: Record<string, unknown> }) {
  const pairs = Object.entries(summary);
  if (pairs.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        —
      </Text>
    );
  }
  return (
    <Text size="sm" component="div" style={{ display: 'flex', flexWrap: 'wrap', columnGap: 14, rowGap: 2 }}>
      {pairs.map(([key, value]) => {
        const { text, isInstant } = describeValue(value);
        return (
          <span key={key} style={{ maxWidth: '100%', overflowWrap: 'anywhere' }}>
            <Text span c="dimmed" size="xs">
              {describeKey(key)}
            </Text>{' '}
            <span style={isInstant ? { whiteSpace: 'nowrap' } : undefined}>{text}</span>
          </span>
        );
      })}
    </Text>
  );
}
