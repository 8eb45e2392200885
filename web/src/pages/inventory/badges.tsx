import { Badge } from '@mantine/core';
import type { AssetCategory, AssetStatus } from './inventory-types';
import { CATEGORY_LABELS, ORG_CRITICALITY_COLORS, ORG_CRITICALITY_LABELS, STATUS_LABELS } from './vocabulary';

const badge = { radius: 'sm', tt: 'none', fw: 600, style: { whiteSpace: 'nowrap', overflow: 'visible' } } as const;

export function CategoryBadge({ category, size }: { category: AssetCategory; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={category === 'primary' ? 'grape' : 'gray'} variant={category === 'primary' ? 'filled' : 'light'} size={size} {...badge}>
      {CATEGORY_LABELS[category]}
    </Badge>
  );
}

const STATUS_COLORS: Record<AssetStatus, string> = { planned: 'blue', 'in-use': 'green', 'being-retired': 'yellow', retired: 'gray' };

export function StatusBadge({ status }: { status: AssetStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot" {...badge}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

/** An outside organization's criticality to you, on the fixed four-level scale. */
export function OrgCriticalityBadge({ criticality }: { criticality: number }) {
  return (
    <Badge color={ORG_CRITICALITY_COLORS[criticality] ?? 'gray'} variant="light" {...badge}>
      {ORG_CRITICALITY_LABELS[criticality] ?? `Level ${criticality}`}
    </Badge>
  );
}
