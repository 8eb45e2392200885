import type { FieldIssue } from '../platform/errors/catalogue.ts';
import { rate, type RiskRating, type TCriteriaDefinition } from './criteria.definition.ts';
import type { Evaluation } from './scenarios.vocabulary.ts';

/*
 * Rating arithmetic for scenarios, on one criteria version's definition. Pure: no clock, no store; the day
 * an assessment is made is passed in.
 */

/** A rating as the analyst gives it: zero-based positions on the likelihood and consequence scales. */
export interface RatingInput {
  likelihood: number;
  consequence: number;
}

/** A rating with the names and colour the definition gives its positions, as the API shows it. */
export interface PresentedRating extends RiskRating {
  likelihoodName: string;
  consequenceName: string;
  levelName: string;
  colour: string;
}

/** Problems with a rating against the definition's scales, with the scale size in the message. */
export function ratingIssues(definition: TCriteriaDefinition, input: RatingInput, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (value: number, size: number, scale: 'likelihood' | 'consequence'): void => {
    if (!Number.isInteger(value) || value < 0 || value >= size) {
      issues.push({ path: `${path}.${scale}`, message: `${value} is outside the ${scale} scale of ${size} levels (0 to ${size - 1})` });
    }
  };
  check(input.likelihood, definition.likelihood.length, 'likelihood');
  check(input.consequence, definition.consequence.length, 'consequence');
  return issues;
}

/** The rating with its level from the matrix; call after ratingIssues found nothing. */
export function rateInput(definition: TCriteriaDefinition, input: RatingInput): RiskRating {
  return rate(definition, input.likelihood, input.consequence);
}

/**
 * Names a stored rating with the definition it was made with. The stored level is shown as stored: it is
 * what that version's matrix gave, and a later version must not change how a past rating reads.
 */
export function presentRating(definition: TCriteriaDefinition, rating: RiskRating | null): PresentedRating | null {
  if (rating === null) return null;
  const level = definition.levels[rating.level];
  return {
    ...rating,
    likelihoodName: definition.likelihood[rating.likelihood]?.name ?? `#${rating.likelihood}`,
    consequenceName: definition.consequence[rating.consequence]?.name ?? `#${rating.consequence}`,
    levelName: level?.name ?? `#${rating.level}`,
    colour: level?.colour ?? '#868E96',
  };
}

/**
 * Risk evaluation: a risk its owner may accept under the criteria is within what the organization
 * tolerates without escalation (acceptable); anything that needs a role, or nobody may accept, is to treat.
 */
export function evaluate(definition: TCriteriaDefinition, level: number): Evaluation {
  return definition.acceptance[level]?.by === 'risk-owner' ? 'acceptable' : 'to-treat';
}

/** Review period for the highest and lowest risk levels when the criteria give none (spread evenly between). */
export const DEFAULT_REVIEW_DAYS = { highest: 90, lowest: 365 } as const;

/**
 * Days until the next review of a risk at `level`: the criteria's own period for the level, else 90 days
 * for the highest level, 365 for the lowest, and evenly spaced (rounded) for those between.
 */
export function reviewPeriodDays(definition: TCriteriaDefinition, level: number): number {
  const own = definition.reviewDays?.[level];
  if (own !== undefined) return own;
  const top = definition.levels.length - 1;
  if (top <= 0) return DEFAULT_REVIEW_DAYS.lowest;
  const share = Math.min(Math.max(level, 0), top) / top;
  return Math.round(DEFAULT_REVIEW_DAYS.lowest - share * (DEFAULT_REVIEW_DAYS.lowest - DEFAULT_REVIEW_DAYS.highest));
}

/** `day` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Maps a protection requirement (1 = the lowest level of an `scaleLevels`-level protection scale) onto a
 * consequence scale of `consequenceLevels` (zero-based): lowest onto lowest, highest onto highest, linear
 * between, halves rounded up. With a 4-level protection scale and 5 consequence levels: 1→0, 2→1, 3→3, 4→4.
 */
export function consequenceForRequirement(requirement: number, scaleLevels: number, consequenceLevels: number): number {
  const top = consequenceLevels - 1;
  if (scaleLevels <= 1) return top;
  const clamped = Math.min(Math.max(requirement, 1), scaleLevels);
  return Math.round(((clamped - 1) * top) / (scaleLevels - 1));
}
