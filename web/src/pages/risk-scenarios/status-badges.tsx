import { Badge } from '@mantine/core';
import { EVALUATION_LABELS, STATUS_LABELS } from './scenario-labels';
import type { Evaluation, ScenarioStatus } from './scenario-types';

const badge = { radius: 'sm', tt: 'none', fw: 600, style: { whiteSpace: 'nowrap', overflow: 'visible', minWidth: 'max-content' } } as const;

export function ScenarioStatusBadge({ status, size }: { status: ScenarioStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={STATUS_LABELS[status].color} variant="light" size={size} {...badge}>
      {STATUS_LABELS[status].label}
    </Badge>
  );
}

export function EvaluationBadge({ evaluation, size }: { evaluation: Evaluation | null; size?: 'sm' | 'md' | 'lg' }) {
  if (!evaluation) return null;
  return (
    <Badge color={EVALUATION_LABELS[evaluation].color} variant="outline" size={size} {...badge}>
      {EVALUATION_LABELS[evaluation].label}
    </Badge>
  );
}

/** A red "overdue" or "expired" marker next to a date. */
export function LateBadge({ children }: { children: string }) {
  return (
    <Badge color="red" variant="filled" size="sm" {...badge}>
      {children}
    </Badge>
  );
}
