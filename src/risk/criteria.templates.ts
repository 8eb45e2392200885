import { ZCriteriaDefinition, type TCriteriaDefinition, type TCriteriaInput } from './criteria.definition.ts';

/*
 * Starting points an organization copies and adapts: 5×5, 4×4 and 3×3 matrices. The wording is ours.
 * Levels run lowest first; a matrix cell is the index of a risk level. Acceptance follows common practice:
 * low risks by their owner, the middle ones by a risk manager, the top by an administrator or nobody.
 */

const GREEN = '#2F9E44';
const YELLOW = '#F2C94C';
const ORANGE = '#F2994A';
const RED = '#E03131';

/** Who accepts at four risk levels: the owner, a risk manager, an administrator, nobody; shorter as risk grows. */
const FOUR_LEVEL_ACCEPTANCE: TCriteriaInput['acceptance'] = [
  { by: 'risk-owner', maxDays: 730 },
  { by: 'role', role: 'risk-manager', maxDays: 365 },
  { by: 'role', role: 'admin', maxDays: 180 },
  { by: 'nobody' },
];
const FOUR_LEVEL_REVIEW_DAYS = [365, 180, 90, 30];

const FIVE: TCriteriaInput = {
  name: 'Standard 5×5',
  description: 'Five likelihood and five consequence levels giving four risk levels.',
  currency: 'EUR',
  likelihood: [
    { name: 'Rare', description: 'Not expected within ten years', eventsPerYear: { min: 0, max: 0.1 } },
    { name: 'Unlikely', description: 'Could happen within ten years', eventsPerYear: { min: 0.1, max: 0.3 } },
    { name: 'Possible', description: 'Could happen within a few years', eventsPerYear: { min: 0.3, max: 1 } },
    { name: 'Likely', description: 'Expected about once a year', eventsPerYear: { min: 1, max: 5 } },
    { name: 'Almost certain', description: 'Expected several times a year', eventsPerYear: { min: 5, max: 365 } },
  ],
  consequence: [
    {
      name: 'Negligible',
      description: 'Absorbed in normal operations',
      monetary: { min: 0, max: 10_000 },
      areas: { operational: 'No noticeable disruption' },
    },
    {
      name: 'Minor',
      description: 'Limited, short-lived effect',
      monetary: { min: 10_000, max: 100_000 },
      areas: { operational: 'Degraded service for hours' },
    },
    {
      name: 'Moderate',
      description: 'Noticeable effect on objectives',
      monetary: { min: 100_000, max: 1_000_000 },
      areas: { operational: 'Outage of a service for a day', 'legal-regulatory': 'Reportable incident' },
    },
    {
      name: 'Major',
      description: 'Serious effect; management attention',
      monetary: { min: 1_000_000, max: 10_000_000 },
      areas: { operational: 'Outage of key services for days', reputation: 'National press coverage' },
    },
    {
      name: 'Severe',
      description: 'Threatens the organization’s objectives',
      monetary: { min: 10_000_000, max: 1_000_000_000 },
      areas: { operational: 'Prolonged loss of core business', safety: 'Harm to people' },
    },
  ],
  levels: [
    { name: 'Low', description: 'Acceptable as it is', colour: GREEN },
    { name: 'Medium', description: 'Acceptable with monitoring', colour: YELLOW },
    { name: 'High', description: 'To be treated', colour: ORANGE },
    { name: 'Critical', description: 'Not acceptable; treat at once', colour: RED },
  ],
  matrix: [
    [0, 0, 0, 1, 1],
    [0, 0, 1, 1, 2],
    [0, 1, 1, 2, 2],
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3, 3],
  ],
  acceptance: FOUR_LEVEL_ACCEPTANCE,
  reviewDays: FOUR_LEVEL_REVIEW_DAYS,
};

const FOUR: TCriteriaInput = {
  name: 'Standard 4×4',
  description: 'Four likelihood and four consequence levels giving four risk levels.',
  likelihood: [
    { name: 'Unlikely', description: 'Not expected in the coming years' },
    { name: 'Possible', description: 'Could happen in the coming years' },
    { name: 'Likely', description: 'Expected within the year' },
    { name: 'Very likely', description: 'Expected several times a year' },
  ],
  consequence: [
    { name: 'Limited', description: 'Little effect on objectives' },
    { name: 'Significant', description: 'Noticeable effect on objectives' },
    { name: 'Serious', description: 'Objectives at risk' },
    { name: 'Critical', description: 'Survival of the activity at stake' },
  ],
  levels: [
    { name: 'Low', description: 'Acceptable as it is', colour: GREEN },
    { name: 'Medium', description: 'Acceptable with monitoring', colour: YELLOW },
    { name: 'High', description: 'To be treated', colour: ORANGE },
    { name: 'Very high', description: 'Not acceptable', colour: RED },
  ],
  matrix: [
    [0, 0, 1, 2],
    [0, 1, 2, 2],
    [1, 2, 2, 3],
    [2, 2, 3, 3],
  ],
  acceptance: FOUR_LEVEL_ACCEPTANCE,
  reviewDays: FOUR_LEVEL_REVIEW_DAYS,
};

const THREE: TCriteriaInput = {
  name: 'Simple 3×3',
  description: 'Three likelihood and three consequence levels giving three risk levels.',
  likelihood: [
    { name: 'Low', description: 'Infrequent' },
    { name: 'Medium', description: 'Occasional' },
    { name: 'High', description: 'Frequent' },
  ],
  consequence: [
    { name: 'Low', description: 'Small effect' },
    { name: 'Medium', description: 'Noticeable effect' },
    { name: 'High', description: 'Serious effect' },
  ],
  levels: [
    { name: 'Low', description: 'Acceptable', colour: GREEN },
    { name: 'Medium', description: 'Treat within the planning cycle', colour: YELLOW },
    { name: 'High', description: 'Not acceptable', colour: RED },
  ],
  matrix: [
    [0, 0, 1],
    [0, 1, 2],
    [1, 2, 2],
  ],
  acceptance: [{ by: 'risk-owner', maxDays: 365 }, { by: 'role', role: 'risk-manager', maxDays: 180 }, { by: 'nobody' }],
  reviewDays: [365, 180, 60],
};

export const CRITERIA_TEMPLATES = ['5x5', '4x4', '3x3'] as const;
export type CriteriaTemplate = (typeof CRITERIA_TEMPLATES)[number];

const SOURCES: Record<CriteriaTemplate, TCriteriaInput> = { '5x5': FIVE, '4x4': FOUR, '3x3': THREE };

/** A template, checked like any definition (a broken template fails the tests, not a user). */
export function criteriaTemplate(template: CriteriaTemplate): TCriteriaDefinition {
  return ZCriteriaDefinition.parse(SOURCES[template]);
}
