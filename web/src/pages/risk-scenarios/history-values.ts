import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { APPROACH_LABELS, KNOWLEDGE_LABELS, STATUS_LABELS, TREATMENT_LABELS, EVALUATION_LABELS } from './scenario-labels';

/** How a history entry's field names and values read for a person (ids become names where the page knows them). */
export const FIELD_LABELS: Record<string, string> = {
  refId: 'Reference',
  title: 'Title',
  description: 'Description',
  approach: 'Approach',
  status: 'Status',
  ownerId: 'Owner',
  riskSourceId: 'Risk source',
  desiredEndState: 'Desired end state',
  path: 'Path',
  assets: 'Assets',
  threats: 'Threats',
  vulnerabilities: 'Vulnerabilities',
  existingControls: 'Existing controls',
  plannedControls: 'Planned controls',
  treatmentOption: 'Treatment',
  treatmentJustification: 'Treatment justification',
  inherent: 'Inherent',
  current: 'Current',
  target: 'Target',
  residual: 'Residual',
  rationale: 'Rationale',
  strengthOfKnowledge: 'Strength of knowledge',
  evaluation: 'Evaluation',
  reviewDue: 'Review due',
  lastReviewedAt: 'Last reviewed',
  acceptance: 'Acceptance',
  criteriaVersion: 'Criteria version',
  tags: 'Tags',
  closed: 'Closed',
};

export const ACTION_LABELS: Record<string, string> = {
  created: 'Identified',
  updated: 'Changed',
  assessed: 'Assessed',
  treatment: 'Treatment decided',
  accepted: 'Risk accepted',
  'acceptance-withdrawn': 'Acceptance withdrawn',
  reviewed: 'Reviewed',
  'residual-recomputed': 'Residual risk recomputed',
};

const VOCABULARIES: Record<string, Record<string, string | { label: string }>> = {
  status: STATUS_LABELS,
  approach: APPROACH_LABELS,
  treatmentOption: TREATMENT_LABELS,
  strengthOfKnowledge: KNOWLEDGE_LABELS,
  evaluation: EVALUATION_LABELS,
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field's value as text: ratings by their scale names, ids by name, lists joined, nothing as "—". */
export function formatHistoryValue(
  field: string,
  value: unknown,
  names: ReadonlyMap<string, string>,
  definition: CriteriaDefinition | undefined,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map((item) => formatHistoryValue(field, item, names, definition)).join(field === 'path' ? ' → ' : ', ');
  }
  if (typeof value === 'string') {
    const vocabulary = VOCABULARIES[field]?.[value];
    if (vocabulary) return typeof vocabulary === 'string' ? vocabulary : vocabulary.label;
    return names.get(value) ?? value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) {
    if (typeof value.likelihood === 'number' && typeof value.consequence === 'number') {
      const likelihood = definition?.likelihood[value.likelihood]?.name ?? `L${value.likelihood + 1}`;
      const consequence = definition?.consequence[value.consequence]?.name ?? `C${value.consequence + 1}`;
      const level = typeof value.level === 'number' ? definition?.levels[value.level]?.name : undefined;
      return `${likelihood} × ${consequence}${level ? ` (${level})` : ''}`;
    }
    if (typeof value.id === 'string' && typeof value.type === 'string') return names.get(value.id) ?? value.id;
    if (field === 'acceptance') {
      const parts = [
        typeof value.level === 'number' ? (definition?.levels[value.level]?.name ?? `level ${value.level}`) : null,
        typeof value.expiresOn === 'string' ? `through ${value.expiresOn}` : null,
        typeof value.withdrawnAt === 'string' ? `withdrawn ${value.withdrawnAt.slice(0, 10)}` : null,
      ].filter(Boolean);
      return parts.length ? parts.join(', ') : 'in force';
    }
    const entries = Object.entries(value).filter(([, inner]) => inner !== null && inner !== undefined);
    if (entries.length === 0) return '—';
    return entries.map(([key, inner]) => `${key}: ${formatHistoryValue(key, inner, names, definition)}`).join('; ');
  }
  return JSON.stringify(value);
}
