import { Badge, Text } from '@mantine/core';
import type { Scale } from './inventory-types';

/** The name of a level on the tenant's scale ("High"), or `Level 5` if the scale does not know it. */
export function levelName(scale: Scale | undefined, level: number | null | undefined): string | null {
  if (level === null || level === undefined || level === 0) return null;
  return scale?.levels.find((candidate) => candidate.value === level)?.name ?? `Level ${level}`;
}

const COLORS = ['gray', 'blue', 'yellow', 'orange', 'red'];

/** Lower levels cool, the top of the scale red, whatever the scale's length. */
function levelColor(scale: Scale | undefined, level: number): string {
  const top = scale?.levels.length ?? 4;
  const index = Math.min(COLORS.length - 1, Math.max(0, Math.round(((level - 1) / Math.max(1, top - 1)) * (COLORS.length - 1))));
  return COLORS[index] ?? 'gray';
}

/** A requirement level shown by its scale name; "—" when not set. */
export function LevelBadge({
  scale,
  level,
  prefix,
  size,
}: {
  scale: Scale | undefined;
  level: number | null | undefined;
  prefix?: string;
  size?: 'sm' | 'md';
}) {
  const name = levelName(scale, level);
  if (name === null || level === null || level === undefined) {
    return (
      <Text span size="sm" c="dimmed" aria-label={prefix ? `${prefix}: not set` : 'Not set'}>
        —
      </Text>
    );
  }
  return (
    <Badge
      color={levelColor(scale, level)}
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      size={size}
      px={6}
      maw="100%"
      title={`${name} (level ${level})`}
    >
      {prefix ? `${prefix} ${name}` : name}
    </Badge>
  );
}
