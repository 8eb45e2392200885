import { Badge, Text } from '@mantine/core';
import { inkOn } from '../risk-criteria/risk-matrix';
import type { RatingView } from './scenario-types';

// A level name is never cut ("Very hi…" reads as nothing): the label shows whole, the column makes room.
const badge = {
  radius: 'sm',
  tt: 'none',
  fw: 700,
  style: { whiteSpace: 'nowrap', overflow: 'visible' },
  styles: { label: { overflow: 'visible', textOverflow: 'clip' } },
} as const;

/** A risk level in its criteria colour (text black or white, whichever reads), titled with where it sits. */
export function RiskLevelBadge({ rating, label, size }: { rating: RatingView | null; label?: string; size?: 'xs' | 'sm' | 'md' }) {
  if (!rating) {
    return (
      <Text span size="sm" c="dimmed" aria-label={label ? `${label}: not rated` : 'Not rated'}>
        —
      </Text>
    );
  }
  return (
    <Badge
      size={size}
      {...badge}
      style={{ ...badge.style, background: rating.colour, color: inkOn(rating.colour) }}
      title={`${rating.likelihoodName} × ${rating.consequenceName} → ${rating.levelName}`}
    >
      {rating.levelName}
    </Badge>
  );
}

/** A level by name and colour alone (an acceptance, a filter option). */
export function LevelNameBadge({ name, colour, size }: { name: string; colour: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} {...badge} style={{ ...badge.style, background: colour, color: inkOn(colour) }}>
      {name}
    </Badge>
  );
}
