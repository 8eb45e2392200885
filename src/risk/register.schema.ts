import { z } from 'zod';
import { EVALUATIONS, SCENARIO_STATUSES, TREATMENT_OPTIONS, APPROACHES } from './scenarios.vocabulary.ts';

/*
 * The risk register (list, heat map, reports): what a caller may ask and what comes back. Level indexes are
 * per criteria set, so the register shows one set at a time (the organization's default unless `criteriaId`).
 */

/** A repeatable parameter that also takes a comma list: `status=a&status=b` or `status=a,b`. */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    )
    // The item schemas coerce from text; zod cannot see that through the generic, hence the cast.
    .pipe(z.array(item).min(1).max(max) as unknown as z.ZodType<z.output<T>[], string[]>);

const ZLevelIndex = z.coerce.number().int().min(0).max(9);

export const HEAT_MAP_RATINGS = ['inherent', 'current', 'residual'] as const;
export type HeatMapRating = (typeof HEAT_MAP_RATINGS)[number];

export const REGISTER_SORTS = ['priority', 'ref', 'title', 'residual', 'reviewDue', 'updated'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

export interface CellFilter {
  rating: HeatMapRating;
  likelihood: number;
  consequence: number;
}

const ZCell = z
  .string()
  .regex(/^(inherent|current|residual):\d{1,2}:\d{1,2}$/, 'rating:likelihood:consequence, e.g. current:3:4 (zero-based)')
  .transform((text): CellFilter => {
    const [rating, likelihood, consequence] = text.split(':');
    return { rating: rating as HeatMapRating, likelihood: Number(likelihood), consequence: Number(consequence) };
  });

/** The filters the register, the heat map and the reports share. */
const filters = {
  criteriaId: z.uuid().optional().describe('The criteria set shown (default: the organization’s default set)'),
  level: listOf(ZLevelIndex, 10)
    .optional()
    .describe('Current risk level indexes (zero-based, of the criteria set shown), repeated or comma-separated'),
  residualLevel: listOf(ZLevelIndex, 10).optional().describe('Residual risk level indexes, repeated or comma-separated'),
  ownerId: z.uuid().optional().describe('The risk owner (a user id)'),
  assetId: z.uuid().optional().describe('Scenarios that name this asset, in any role'),
  status: listOf(z.enum(SCENARIO_STATUSES), SCENARIO_STATUSES.length)
    .optional()
    .describe(`Statuses, repeated or comma-separated: ${SCENARIO_STATUSES.join(', ')}`),
  treatment: listOf(z.enum(TREATMENT_OPTIONS), TREATMENT_OPTIONS.length)
    .optional()
    .describe(`Treatment options, repeated or comma-separated: ${TREATMENT_OPTIONS.join(', ')}`),
  source: z.uuid().optional().describe('A risk source or a threat the scenario names'),
  evaluation: z.enum(EVALUATIONS).optional(),
  reviewOverdue: z.stringbool().optional().describe('true: review date passed; false: not overdue (or no date)'),
  acceptanceExpired: z.stringbool().optional().describe('true: the acceptance in force has expired'),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the reference or the title'),
};

export const ZRegisterQuery = z.strictObject({
  ...filters,
  cell: ZCell.optional().describe('A heat-map cell: `<inherent|current|residual>:<likelihood>:<consequence>`'),
  sort: z.enum(REGISTER_SORTS).default('priority').describe('priority: current level, consequence, likelihood (highest first), then ref'),
  direction: z.enum(['asc', 'desc']).optional().describe('Default: desc for priority, residual, updated; asc otherwise'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const ZHeatMapQuery = z.strictObject({
  ...filters,
  rating: z.enum(HEAT_MAP_RATINGS).default('current'),
});

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ZReportQuery = z.strictObject({
  ...filters,
  cell: ZCell.optional(),
  format: z.enum(REPORT_FORMATS).default('pdf'),
});

export type TRegisterQuery = z.infer<typeof ZRegisterQuery>;
export type THeatMapQuery = z.infer<typeof ZHeatMapQuery>;
export type TReportQuery = z.infer<typeof ZReportQuery>;
/** What every register view filters by (the sort, page and rating aside). */
export type TRegisterFilter = Omit<TRegisterQuery, 'sort' | 'direction' | 'limit' | 'offset'>;

const ZCriteriaRef = z
  .object({ id: z.uuid(), name: z.string(), version: z.number().int() })
  .nullable()
  .describe('The criteria set shown (level indexes are per set); null when the organization has none yet');

export const ZRatingView = z.object({
  likelihood: z.number().int(),
  consequence: z.number().int(),
  level: z.number().int(),
  likelihoodName: z.string(),
  consequenceName: z.string(),
  levelName: z.string(),
  colour: z.string(),
});
export type TRatingView = z.infer<typeof ZRatingView>;

export const ZRegisterItem = z.object({
  id: z.uuid(),
  refId: z.string(),
  title: z.string(),
  approach: z.enum(APPROACHES),
  status: z.enum(SCENARIO_STATUSES),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  criteriaVersion: z.number().int().describe('The version of the set the ratings were made with (names come from it)'),
  ratings: z.object({
    inherent: ZRatingView.nullable(),
    current: ZRatingView.nullable(),
    target: ZRatingView.nullable(),
    residual: ZRatingView.nullable(),
  }),
  evaluation: z.enum(EVALUATIONS).nullable(),
  treatmentOption: z.enum(TREATMENT_OPTIONS).nullable(),
  progress: z.object({
    planned: z.number().int().describe('Controls in the treatment plan'),
    inPlace: z.number().int().describe('Of those, implemented or verified'),
  }),
  reviewDue: z.string().nullable(),
  reviewOverdue: z.boolean(),
  acceptance: z.object({ expiresOn: z.string(), expired: z.boolean() }).nullable().describe('The acceptance in force, if any'),
  updatedAt: z.iso.datetime(),
});
export type TRegisterItem = z.infer<typeof ZRegisterItem>;

export const ZRegisterPage = z.object({
  criteria: ZCriteriaRef,
  items: z.array(ZRegisterItem),
  total: z.number().int().describe('Scenarios matching the filters (exact)'),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TRegisterPage = z.infer<typeof ZRegisterPage>;

export const ZHeatMap = z.object({
  criteria: ZCriteriaRef,
  rating: z.enum(HEAT_MAP_RATINGS),
  likelihood: z.array(z.string()).describe('Likelihood names, lowest first (the set’s current version)'),
  consequence: z.array(z.string()).describe('Consequence names, lowest first'),
  levels: z.array(z.object({ name: z.string(), colour: z.string() })),
  cells: z
    .array(z.array(z.object({ count: z.number().int(), level: z.number().int() })))
    .describe('cells[likelihood][consequence]: scenarios rated there, and the risk level of the cell'),
  total: z.number().int().describe('Scenarios counted in cells'),
  unrated: z.number().int().describe('Scenarios matching the filters without this rating'),
  otherScale: z.number().int().describe('Rated on a version of the set whose scales have other sizes (not placed in cells)'),
});
export type THeatMap = z.infer<typeof ZHeatMap>;
