import { z } from 'zod';
import { ROLES } from '../platform/auth/roles.ts';

/*
 * Risk criteria (ISO/IEC 27005 §6.3, in our words): the scales a risk is measured on, the matrix that turns a
 * likelihood and a consequence into a risk level, and who may accept a risk at each level. A definition is
 * plain data: stored as JSON in a criteria version, exported as is, and checked here, once, for everything
 * a schema cannot say (the matrix's shape, one acceptance rule per level).
 */

/** The impact areas a consequence level may describe, as risk managers name them. */
export const IMPACT_AREAS = ['financial', 'operational', 'legal-regulatory', 'reputation', 'safety', 'privacy'] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 10;

const ZName = z.string().trim().min(1).max(100);
const ZDescription = z.string().trim().max(2000).nullable().default(null);
const ZColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB');
const ZRange = z
  .strictObject({ min: z.number().min(0), max: z.number().min(0) })
  .refine((range) => range.min <= range.max, { message: 'min must not exceed max', path: ['max'] });

export const ZLikelihoodLevel = z.strictObject({
  name: ZName,
  description: ZDescription,
  /** Optional frequency band: events per year, for mapping quantitative estimates onto the scale. */
  eventsPerYear: ZRange.nullable().default(null),
});

export const ZConsequenceLevel = z.strictObject({
  name: ZName,
  description: ZDescription,
  /** What this level means in each impact area the organization describes (free text per area). */
  areas: z.partialRecord(z.enum(IMPACT_AREAS), z.string().trim().min(1).max(1000)).default({}),
  /** Optional monetary band of a loss at this level, in `currency`. */
  monetary: ZRange.nullable().default(null),
});

export const ZRiskLevel = z.strictObject({
  name: ZName,
  description: ZDescription,
  colour: ZColour,
});

export const ACCEPTORS = ['risk-owner', 'role', 'nobody'] as const;
export const ZAcceptanceRule = z.strictObject({
  /** Who may accept a risk at this level: its owner, a member holding `role`, or nobody (it must be treated). */
  by: z.enum(ACCEPTORS),
  role: z.enum(ROLES).nullable().default(null),
  /** The longest an acceptance at this level may run before it expires, in days. */
  maxDays: z.number().int().min(1).max(3650).nullable().default(null),
});

export const ZCriteriaDefinition = z
  .strictObject({
    name: ZName,
    description: ZDescription,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
      .nullable()
      .default(null),
    likelihood: z.array(ZLikelihoodLevel).min(MIN_LEVELS).max(MAX_LEVELS).describe('Lowest first'),
    consequence: z.array(ZConsequenceLevel).min(MIN_LEVELS).max(MAX_LEVELS).describe('Lowest first'),
    levels: z.array(ZRiskLevel).min(MIN_LEVELS).max(MAX_LEVELS).describe('Risk levels, lowest first'),
    matrix: z
      .array(z.array(z.number().int().min(0)))
      .describe('matrix[likelihood][consequence] = index of the risk level (all zero-based)'),
    acceptance: z.array(ZAcceptanceRule).describe('One rule per risk level, in the same order'),
    /** Days between reviews of a risk at each level (same order as levels); null: no review cycle. */
    reviewDays: z.array(z.number().int().min(1).max(3650)).nullable().default(null),
  })
  .superRefine((definition, ctx) => {
    const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    const levels = definition.levels.length;
    if (definition.matrix.length !== definition.likelihood.length) {
      issue(['matrix'], `needs one row per likelihood level (${definition.likelihood.length}), has ${definition.matrix.length}`);
    }
    definition.matrix.forEach((row, l) => {
      if (row.length !== definition.consequence.length) {
        issue(['matrix', l], `needs one cell per consequence level (${definition.consequence.length}), has ${row.length}`);
      }
      row.forEach((cell, c) => {
        if (cell >= levels) issue(['matrix', l, c], `names risk level ${cell}, but there are only ${levels} (0 to ${levels - 1})`);
      });
    });
    if (definition.acceptance.length !== levels)
      issue(['acceptance'], `needs one rule per risk level (${levels}), has ${definition.acceptance.length}`);
    definition.acceptance.forEach((rule, i) => {
      if (rule.by === 'role' && !rule.role) issue(['acceptance', i, 'role'], 'name the role that may accept');
      if (rule.by !== 'role' && rule.role) issue(['acceptance', i, 'role'], `only a rule "by": "role" names a role`);
      if (rule.by === 'nobody' && rule.maxDays !== null)
        issue(['acceptance', i, 'maxDays'], 'a level nobody may accept has no acceptance period');
    });
    if (definition.reviewDays && definition.reviewDays.length !== levels) {
      issue(['reviewDays'], `needs one period per risk level (${levels}), has ${definition.reviewDays.length}`);
    }
    const names = (list: { name: string }[], path: string): void => {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        const key = entry.name.toLowerCase();
        if (seen.has(key)) issue([path, i, 'name'], `"${entry.name}" appears twice`);
        seen.add(key);
      });
    };
    names(definition.likelihood, 'likelihood');
    names(definition.consequence, 'consequence');
    names(definition.levels, 'levels');
  });

export type TCriteriaDefinition = z.infer<typeof ZCriteriaDefinition>;
export type TCriteriaInput = z.input<typeof ZCriteriaDefinition>;

/** A risk's position on the criteria: zero-based likelihood and consequence, and the level they give. */
export interface RiskRating {
  likelihood: number;
  consequence: number;
  level: number;
}

/** The risk level a likelihood and a consequence give. @throws RangeError outside the scales */
export function rate(definition: TCriteriaDefinition, likelihood: number, consequence: number): RiskRating {
  const level = definition.matrix[likelihood]?.[consequence];
  if (level === undefined) {
    throw new RangeError(
      `likelihood ${likelihood} × consequence ${consequence} is outside a ${definition.likelihood.length}×${definition.consequence.length} matrix`,
    );
  }
  return { likelihood, consequence, level };
}
