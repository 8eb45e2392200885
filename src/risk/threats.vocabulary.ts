/** What a threat entry is: a risk source, a threat event, or an ATT&CK object imported from a STIX bundle. */
export const THREAT_KINDS = ['source', 'event', 'technique', 'group', 'software', 'tactic', 'mitigation'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

/** Categories of risk source, as threat-modelling practice names them (a source's `category`). */
export const RISK_SOURCE_CATEGORIES = [
  'nation-state',
  'criminal',
  'hacktivist',
  'insider-malicious',
  'insider-accidental',
  'competitor',
  'terrorist',
  'supplier',
  'natural-environmental',
  'technical-failure',
  'other',
] as const;
export type RiskSourceCategory = (typeof RISK_SOURCE_CATEGORIES)[number];

/** Relations kept between threats (STIX relationship types an ATT&CK bundle uses, plus sub-technique). */
export const THREAT_RELATION_TYPES = ['uses', 'mitigates', 'subtechnique-of', 'attributed-to', 'targets'] as const;
export type ThreatRelationType = (typeof THREAT_RELATION_TYPES)[number];
