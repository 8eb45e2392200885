import { z } from 'zod';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { CONTROL_STATUSES } from './control-attributes.ts';
import { APPROACHES, EVALUATIONS, SCENARIO_STATUSES, STRENGTH_OF_KNOWLEDGE, TREATMENT_OPTIONS } from './scenarios.vocabulary.ts';

/** The acceptance rules that give someone authority (a level nobody may accept gives none). */
export const ACCEPTANCE_AUTHORITIES = ['risk-owner', 'role'] as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZVersion = z.number().int().positive().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT');

/** A list of ids, each once (a repeated id is reported at its own index). */
const ZIdList = (what: string) =>
  z
    .array(z.uuid())
    .max(500)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `lists this ${what} twice` });
        seen.add(id);
      });
    });

export const PATH_STEP_TYPES = ['asset', 'external-org'] as const;
export const ZPathStepInput = z.strictObject({
  type: z.enum(PATH_STEP_TYPES),
  id: z.uuid(),
  note: ZText(1000).nullable().optional().describe('What happens at this step'),
});
const ZPath = z
  .array(ZPathStepInput)
  .max(50)
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'a path passes each asset or organization once' });
      seen.add(step.id);
    });
  })
  .describe('Event-based: the route from the risk source to its objective, in order');

const links = {
  assets: ZIdList('asset').describe('Affected assets'),
  threats: ZIdList('threat').describe('Threat events, techniques, groups… (threats of any kind)'),
  vulnerabilities: ZIdList('vulnerability'),
  existingControls: ZIdList('control').describe('Applied controls already in place, counted in the current rating'),
};

export const ZCreateScenario = z.strictObject({
  refId: ZText(50).optional().describe('Your reference; "R-001", "R-002"… when omitted; unique (case-insensitive)'),
  title: ZText(300),
  description: ZText(10_000).nullable().optional(),
  approach: z.enum(APPROACHES),
  ownerId: z.uuid().nullable().optional().describe('The member who answers for the risk'),
  criteriaId: z.uuid().optional().describe('The risk criteria to assess with; the organization’s default when omitted'),
  riskSourceId: z.uuid().nullable().optional().describe('Event-based: the risk source (a threat of kind source)'),
  desiredEndState: ZText(2000).nullable().optional().describe('Event-based: what the risk source wants to achieve'),
  path: ZPath.default([]),
  assets: links.assets.default([]),
  threats: links.threats.default([]),
  vulnerabilities: links.vulnerabilities.default([]),
  existingControls: links.existingControls.default([]),
  tags: z.array(ZText(100)).max(50).default([]),
});

export const ZUpdateScenario = z.strictObject({
  refId: ZText(50).optional(),
  title: ZText(300).optional(),
  description: ZText(10_000).nullable().optional(),
  approach: z.enum(APPROACHES).optional(),
  ownerId: z.uuid().nullable().optional(),
  riskSourceId: z.uuid().nullable().optional(),
  desiredEndState: ZText(2000).nullable().optional(),
  path: ZPath.optional().describe('Replaces the path'),
  assets: links.assets.optional().describe('Replaces the list'),
  threats: links.threats.optional().describe('Replaces the list'),
  vulnerabilities: links.vulnerabilities.optional().describe('Replaces the list'),
  existingControls: links.existingControls.optional().describe('Replaces the list'),
  tags: z.array(ZText(100)).max(50).optional(),
  closed: z.boolean().optional().describe('true: close (no longer relevant, kept for history); false: reopen'),
  version: ZVersion.optional(),
});

const ZRatingInput = z.strictObject({
  likelihood: z.number().int().describe('Zero-based position on the likelihood scale'),
  consequence: z.number().int().describe('Zero-based position on the consequence scale'),
});

export const ZAssessment = z.strictObject({
  inherent: ZRatingInput.nullable().optional().describe('Without any control; null clears, omitted keeps'),
  current: ZRatingInput.nullable().optional().describe('With the existing controls; evaluated against the acceptance rules'),
  target: ZRatingInput.nullable().optional().describe('Once the treatment plan is done'),
  rationale: z
    .strictObject({
      inherent: ZText(5000).nullable().optional(),
      current: ZText(5000).nullable().optional(),
      target: ZText(5000).nullable().optional(),
    })
    .optional()
    .describe('Why each rating is what it is'),
  strengthOfKnowledge: z.enum(STRENGTH_OF_KNOWLEDGE).nullable().optional(),
  useLatestCriteria: z
    .boolean()
    .default(false)
    .describe('Re-base on the criteria set’s current version (ratings kept are re-rated with it); otherwise the version stays'),
  version: ZVersion.optional(),
});

export const ZTreatmentInput = z.strictObject({
  option: z.enum(TREATMENT_OPTIONS),
  justification: ZText(5000),
  plannedControls: ZIdList('control').default([]).describe('Applied controls of the treatment plan'),
  version: ZVersion.optional(),
});

export const ZAcceptanceInput = z.strictObject({
  justification: ZText(5000),
  conditions: ZText(5000).nullable().optional(),
  expiresOn: z.iso.date().optional().describe('YYYY-MM-DD; today + the level’s longest period when omitted'),
  version: ZVersion.optional(),
});

export const ZReviewInput = z.strictObject({
  note: ZText(5000).optional(),
  version: ZVersion.optional(),
});

export const ZRating = z.object({
  likelihood: z.number().int(),
  consequence: z.number().int(),
  level: z.number().int().describe('Risk level from the matrix of the scenario’s criteria version'),
  likelihoodName: z.string(),
  consequenceName: z.string(),
  levelName: z.string(),
  colour: z.string(),
});

export const ZControlRef = z.object({
  id: z.uuid(),
  refId: z.string().nullable(),
  title: z.string(),
  status: z.enum(CONTROL_STATUSES),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  effectiveness: z.number().int().nullable(),
});

export const ZAcceptance = z.object({
  id: z.uuid(),
  level: z.number().int().describe('The residual risk level accepted'),
  levelName: z.string(),
  criteriaVersion: z.number().int(),
  acceptedBy: z.object({ id: z.uuid(), label: z.string() }),
  authority: z.enum(ACCEPTANCE_AUTHORITIES).describe('The rule that gave the authority: risk-owner or role'),
  justification: z.string(),
  conditions: z.string().nullable(),
  acceptedAt: z.iso.datetime(),
  expiresOn: z.iso.date().describe('Valid through this day'),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: z.string().nullable(),
  expired: z.boolean().describe('expiresOn has passed'),
  inForce: z.boolean().describe('The newest acceptance not withdrawn, and not expired'),
});

const ZRequirements = {
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
};

export const ZSuggestion = z.object({
  ownAssets: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), ...ZRequirements })).describe('The assets named'),
  primaryAssets: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        kind: z.string(),
        ...ZRequirements,
        distance: z.number().int().describe('Hops from the nearest asset or organization named'),
        reachedFrom: z.uuid().describe('That asset or organization'),
      }),
    )
    .describe('Primary assets in the blast radius of those named (from the dependency graph), nearest first'),
  highestRequirement: z
    .object({
      level: z.number().int(),
      levelName: z.string(),
      property: z.enum(['confidentiality', 'integrity', 'availability']),
      assetId: z.uuid(),
    })
    .nullable()
    .describe('The highest CIA requirement among all those assets; null when none is set'),
  consequence: z
    .object({ index: z.number().int(), name: z.string() })
    .nullable()
    .describe('The suggested consequence on the criteria’s scale'),
  mapping: z.string().describe('How the requirement was mapped onto the consequence scale'),
  truncated: z.boolean().describe('true when a blast radius was too large to follow whole'),
});

export const ZAssetSuggestion = ZSuggestion.extend({
  criteria: z
    .object({ id: z.uuid(), name: z.string(), version: z.number().int() })
    .describe('The criteria whose consequence scale was used'),
});

export const ZScenario = z.object({
  id: z.uuid(),
  refId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  approach: z.enum(APPROACHES),
  status: z.enum(SCENARIO_STATUSES),
  owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  criteria: z.object({
    id: z.uuid(),
    name: z.string(),
    version: z.number().int().describe('The version the ratings use'),
    latestVersion: z.number().int().describe('The set’s current version (re-base with useLatestCriteria)'),
  }),
  riskSource: z.object({ id: z.uuid(), name: z.string(), category: z.string().nullable() }).nullable(),
  desiredEndState: z.string().nullable(),
  path: z.array(
    z.object({
      position: z.number().int(),
      type: z.enum(PATH_STEP_TYPES),
      id: z.uuid(),
      name: z.string(),
      kind: z.string().describe('The asset kind, or "organization"'),
      note: z.string().nullable(),
    }),
  ),
  assets: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), criticality: z.number().int() })),
  threats: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string(), externalId: z.string().nullable() })),
  vulnerabilities: z.array(
    z.object({
      id: z.uuid(),
      cveId: z.string().nullable(),
      title: z.string(),
      cvssScore: z.number().nullable(),
      cvssSeverity: z.string().nullable(),
      knownExploited: z.boolean().describe('In the organization’s copy of the CISA KEV catalogue'),
    }),
  ),
  existingControls: z.array(ZControlRef),
  inherent: ZRating.nullable(),
  current: ZRating.nullable(),
  target: ZRating.nullable(),
  residual: ZRating.nullable().describe('Current moved towards target as the plan’s controls are put in place'),
  rationale: z.object({ inherent: z.string().optional(), current: z.string().optional(), target: z.string().optional() }),
  strengthOfKnowledge: z.enum(STRENGTH_OF_KNOWLEDGE).nullable(),
  evaluation: z.enum(EVALUATIONS).nullable(),
  treatment: z
    .object({
      option: z.enum(TREATMENT_OPTIONS),
      justification: z.string().nullable(),
      plannedControls: z.array(ZControlRef),
      progress: z.object({ planned: z.number().int(), inPlace: z.number().int(), percent: z.number().int() }),
    })
    .nullable(),
  acceptance: ZAcceptance.nullable().describe('The newest acceptance not withdrawn (see expired)'),
  acceptanceExpired: z.boolean(),
  reviewDue: z.iso.date().nullable(),
  reviewOverdue: z.boolean(),
  lastReviewedAt: z.iso.datetime().nullable(),
  suggestion: ZSuggestion,
  tags: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZAcceptanceList = z.object({ items: z.array(ZAcceptance).describe('Newest first') });
export const ZAcceptanceResult = z.object({ acceptance: ZAcceptance, scenario: ZScenario });

export const ZHistoryEntry = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).describe('field → [before, after]'),
  note: z.string().nullable(),
});
export const ZHistory = z.object({
  items: z.array(ZHistoryEntry).describe('Oldest first'),
  names: z
    .record(z.string(), z.string())
    .describe(
      'Names of the assets, organizations, threats, vulnerabilities, controls and members the changes mention by id (those that still exist)',
    ),
});

export const ZScenarioParams = ZOrgParams.extend({ scenarioId: z.uuid() });
export const ZAcceptanceParams = ZScenarioParams.extend({ acceptanceId: z.uuid() });
export const ZAssetSuggestionParams = ZOrgParams.extend({ assetId: z.uuid() });
export const ZSuggestionQuery = z.strictObject({
  criteriaId: z.uuid().optional().describe('The organization’s default criteria when omitted'),
});

export type TCreateScenario = z.infer<typeof ZCreateScenario>;
export type TUpdateScenario = z.infer<typeof ZUpdateScenario>;
export type TPathStepInput = z.infer<typeof ZPathStepInput>;
export type TAssessment = z.infer<typeof ZAssessment>;
export type TTreatmentInput = z.infer<typeof ZTreatmentInput>;
export type TAcceptanceInput = z.infer<typeof ZAcceptanceInput>;
export type TReviewInput = z.infer<typeof ZReviewInput>;
export type TScenario = z.infer<typeof ZScenario>;
export type TAcceptance = z.infer<typeof ZAcceptance>;
export type TControlRef = z.infer<typeof ZControlRef>;
export type TSuggestion = z.infer<typeof ZSuggestion>;
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
