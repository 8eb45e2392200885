import type { ManualKind, RelationType, RiskSourceCategory, Threat, ThreatKind } from './threat-types';

/**
 * How the threat vocabularies read in the UI. The records are keyed by the API's own unions, so a value added on
 * the server fails the type check here until it has a label.
 */
export const KIND_LABELS: Record<ThreatKind, string> = {
  source: 'Risk source',
  event: 'Threat event',
  technique: 'Technique',
  group: 'Group',
  software: 'Software',
  tactic: 'Tactic',
  mitigation: 'Mitigation',
};

/** The kind filter reads in the plural. */
export const KIND_FILTER_LABELS: Record<ThreatKind, string> = {
  source: 'Risk sources',
  event: 'Threat events',
  technique: 'Techniques',
  group: 'Groups',
  software: 'Software',
  tactic: 'Tactics',
  mitigation: 'Mitigations',
};

export const KIND_COLORS: Record<ThreatKind, string> = {
  source: 'grape',
  event: 'orange',
  technique: 'blue',
  group: 'red',
  software: 'cyan',
  tactic: 'indigo',
  mitigation: 'teal',
};

export const MANUAL_KIND_LABELS: Record<ManualKind, string> = { source: 'Risk source', event: 'Threat event' };

export const CATEGORY_LABELS: Record<RiskSourceCategory, string> = {
  'nation-state': 'Nation state',
  criminal: 'Criminal',
  hacktivist: 'Hacktivist',
  'insider-malicious': 'Malicious insider',
  'insider-accidental': 'Accidental insider',
  competitor: 'Competitor',
  terrorist: 'Terrorist',
  supplier: 'Supplier',
  'natural-environmental': 'Natural or environmental',
  'technical-failure': 'Technical failure',
  other: 'Other',
};

/** A relation read from the threat shown: "uses" outgoing is "Uses", incoming "Used by". */
export const RELATION_LABELS: Record<RelationType, { outgoing: string; incoming: string }> = {
  uses: { outgoing: 'Uses', incoming: 'Used by' },
  mitigates: { outgoing: 'Mitigates', incoming: 'Mitigated by' },
  'subtechnique-of': { outgoing: 'Sub-technique of', incoming: 'Sub-techniques' },
  'attributed-to': { outgoing: 'Attributed to', incoming: 'Attributed to it' },
  targets: { outgoing: 'Targets', incoming: 'Targeted by' },
};

export const options = <K extends string>(labels: Record<K, string>): { value: K; label: string }[] =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const isIn =
  <K extends string>(labels: Record<K, unknown>) =>
  (value: string | null): value is K =>
    value !== null && Object.hasOwn(labels, value);

const ATTACK_DOMAINS: Record<string, string> = { enterprise: 'Enterprise', ics: 'ICS', mobile: 'Mobile' };

/** "Your own" for entries the organization made, else the catalogue: "mitre-ics-attack 18.1" → "ATT&CK ICS 18.1". */
export function originLabel(threat: Pick<Threat, 'origin'>): string {
  if (threat.origin === 'manual') return 'Your own';
  const attack = /^mitre-([a-z]+)-attack (.+)$/.exec(threat.origin);
  if (!attack?.[1] || !attack[2]) return threat.origin;
  return `ATT&CK ${ATTACK_DOMAINS[attack[1]] ?? attack[1]} ${attack[2]}`;
}

/** Imported entries (from a catalogue) change only by importing a newer one. */
export const isImported = (threat: Pick<Threat, 'stixId'>): boolean => threat.stixId !== null;
