import { Badge, Group, Text } from '@mantine/core';

const DAY = 24 * 3600 * 1000;

/** `2023-01-01 → 2027-12-31`, flagged when the contract has ended or ends within 90 days. */
export function ContractDates({ start, end, now = new Date() }: { start: string | null; end: string | null; now?: Date }) {
  if (!start && !end) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const endsIn = end ? (new Date(`${end}T23:59:59`).getTime() - now.getTime()) / DAY : null;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {start ?? '…'} → {end ?? 'open-ended'}
      </Text>
      {endsIn !== null && endsIn < 0 && (
        <Badge color="red" variant="light" radius="sm" tt="none" size="sm">
          Ended
        </Badge>
      )}
      {endsIn !== null && endsIn >= 0 && endsIn <= 90 && (
        <Badge color="yellow" variant="light" radius="sm" tt="none" size="sm">
          Ends within 90 days
        </Badge>
      )}
    </Group>
  );
}
