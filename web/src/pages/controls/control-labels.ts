import type { Control } from './use-controls';

export const STATUS_LABELS: Record<Control['status'], { label: string; color: string }> = {
  planned: { label: 'Planned', color: 'gray' },
  'in-progress': { label: 'In progress', color: 'blue' },
  implemented: { label: 'Implemented', color: 'teal' },
  verified: { label: 'Verified', color: 'green' },
};

export const CONCEPT_LABELS: Record<Control['attributes']['concepts'][number], string> = {
  identify: 'Identify',
  protect: 'Protect',
  detect: 'Detect',
  respond: 'Respond',
  recover: 'Recover',
};

export const TYPE_LABELS: Record<Control['attributes']['controlTypes'][number], string> = {
  preventive: 'Preventive',
  detective: 'Detective',
  corrective: 'Corrective',
};

export const options = <K extends string>(labels: Record<K, string>): { value: K; label: string }[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
