/** The two ways of identifying risk ISO/IEC 27005 describes. */
export const APPROACHES = ['event-based', 'asset-based'] as const;
export type Approach = (typeof APPROACHES)[number];

/**
 * Where a scenario is in its life: identified (named, not yet rated) → assessed (rated) → in-treatment (a plan
 * with controls not all in place) → treated (every planned control in place) → accepted (an acceptance in
 * force) → closed (no longer relevant; kept for history).
 */
export const SCENARIO_STATUSES = ['identified', 'assessed', 'in-treatment', 'treated', 'accepted', 'closed'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** Risk treatment options (ISO/IEC 27005, ISO 31000). */
export const TREATMENT_OPTIONS = ['avoid', 'modify', 'share', 'retain'] as const;
export type TreatmentOption = (typeof TREATMENT_OPTIONS)[number];

export const STRENGTH_OF_KNOWLEDGE = ['low', 'medium', 'high'] as const;
export type StrengthOfKnowledge = (typeof STRENGTH_OF_KNOWLEDGE)[number];

/** The four ratings a scenario carries (residual is computed, the others are the analyst's). */
export const RATINGS = ['inherent', 'current', 'target', 'residual'] as const;
export type RatingName = (typeof RATINGS)[number];

export const EVALUATIONS = ['acceptable', 'to-treat'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

/** The roles a scenario link plays; see risk_scenario_links. */
export const LINK_ROLES = ['asset', 'path', 'threat', 'vulnerability', 'existing-control', 'planned-control'] as const;
export type LinkRole = (typeof LINK_ROLES)[number];
export const LINK_TARGET_TYPES = ['asset', 'external-org', 'threat', 'vulnerability', 'control'] as const;
export type LinkTargetType = (typeof LINK_TARGET_TYPES)[number];
