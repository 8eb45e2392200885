import { z } from 'zod';
import { ZJob } from '../platform/jobs/jobs.schema.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';

/*
 * FAIR in the API: a scenario's analysis, runs, settings, the portfolio. The analysis inputs are checked by the
 * engine (parseAnalysis), not here, so a bad value is a 422 naming its path (`body.inputs.primaryLoss.mode`)
 * rather than a schema mismatch; the engine's types (src/quant/fair/analysis.ts) describe them.
 * Results are loose objects: the engine may add fields, and they pass through.
 */

export const FAIR_MODELS = ['product', 'compound'] as const;
export const RATING_TARGETS = ['inherent', 'current', 'target'] as const;
export const PERT_SAMPLINGS = ['exact', 'table'] as const;
/**
 * Runs up to this much engine work run in the request; more goes to a worker thread as a job. Work is simulated
 * years: a scenario's iterations × (1 + controls) plus its tornado's traced years (see inlineWork); a portfolio's
 * iterations × scenarios. At this size a run takes about a quarter of a second, for which the event loop waits.
 */
export const INLINE_LIMIT = 300_000;
export const DEFAULT_ITERATIONS = 100_000;

const ZCurvePoint = z.strictObject({
  loss: z.number().describe('Annual loss, in the settings’ currency'),
  probability: z.number().describe('Probability that a year’s loss reaches it (0–1)'),
});
const ZPoint = z.object({ loss: z.number(), probability: z.number() });

export const ZFairAnalysisInput = z.strictObject({
  model: z.enum(FAIR_MODELS).describe('product: TEF × vulnerability × loss; compound: a loss event frequency and a magnitude'),
  inputs: z
    .record(z.string(), z.unknown())
    .describe(
      'ProductAnalysisInputs or CompoundAnalysisInputs (src/quant/fair/analysis.ts): distributions ({kind: pert|triangular|uniform|lognormal|constant|poisson, …}), loss split by forms, {driver: key} references',
    ),
  controls: z.array(z.unknown()).max(50).optional().describe('FairControl[]: name, controlId, yearlyCost, effects [{factor, reduction}]'),
  pertSampling: z
    .enum(PERT_SAMPLINGS)
    .optional()
    .describe('How PERT inputs are drawn: exact (default) or table (an inverse-CDF table per input: faster, approximate)'),
  iterations: z
    .number()
    .optional()
    .describe(`Simulated years, 1 to 10,000,000 (default ${DEFAULT_ITERATIONS.toLocaleString('en')})`),
  seed: z.number().optional().describe('An integer ≥ 0; random when omitted. Same seed and inputs → the same result'),
  version: z.number().int().optional().describe('The analysis version you read (or If-Match); omitted: last write wins'),
});

export const ZFairAnalysis = z.object({
  model: z.enum(FAIR_MODELS),
  inputs: z.record(z.string(), z.unknown()),
  controls: z.array(z.unknown()),
  pertSampling: z.enum(PERT_SAMPLINGS),
  iterations: z.number().int(),
  seed: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});

const ZHistogram = z.looseObject({ edges: z.array(z.number()), counts: z.array(z.number()) });
export const ZLossSummary = z.looseObject({
  iterations: z.number(),
  mean: z.number(),
  median: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  probabilityOfLoss: z.number(),
  exceedance: z.array(ZPoint).describe('Loss exceedance curve: P(annual loss ≥ loss)'),
  histogram: ZHistogram,
});
const ZSpread = z.looseObject({ mean: z.number(), median: z.number(), p90: z.number() });
const ZControlOutcome = z.looseObject({
  name: z.string(),
  controlId: z.string().nullable(),
  after: ZLossSummary,
  reduction: z.looseObject({ mean: z.number(), p95: z.number() }),
  yearlyCost: z.number().nullable(),
  returnOnControl: z.number().nullable(),
});
export const ZScenarioResult = z.looseObject({
  engine: z.string(),
  model: z.enum(FAIR_MODELS),
  iterations: z.number(),
  seed: z.number(),
  annualLoss: ZLossSummary.describe('Before controls'),
  lossEventFrequency: ZSpread.extend({
    probabilityOfAny: z.number().optional().describe('Chance of at least one loss event in a year (engine 0.2 and later)'),
  }).describe('Loss events per year'),
  lossMagnitude: ZSpread.nullable().describe('Per loss event; null when no event occurred'),
  sensitivity: z
    .array(z.looseObject({ factor: z.string(), low: z.number().nullable(), high: z.number().nullable(), swing: z.number().nullable() }))
    .describe('Mean annual loss with each input in its lowest and highest decile, largest swing first'),
  controls: z.array(ZControlOutcome).describe('Each control alone'),
  allControls: ZControlOutcome.nullable(),
});
const ZCurveComparison = z
  .looseObject({
    exceeds: z.boolean(),
    worst: z.looseObject({ loss: z.number(), probability: z.number(), limit: z.number() }).nullable(),
  })
  .nullable()
  .describe('Where the total loss exceedance curve lies above the curve; null when the curve is not set');
export const ZPortfolioResult = z.looseObject({
  engine: z.string(),
  iterations: z.number(),
  seed: z.number(),
  total: ZLossSummary,
  probabilityOfLossEvent: z
    .number()
    .optional()
    .describe('Chance of at least one loss event in a year, any scenario (engine 0.2 and later)'),
  scenarios: z.array(
    z.looseObject({
      id: z.string(),
      refId: z.string().nullable(),
      title: z.string().nullable(),
      mean: z.number(),
      p95: z.number(),
      shareOfMean: z.number(),
    }),
  ),
  drivers: z.array(z.string()).describe('Drivers shared by two scenarios or more'),
  appetite: ZCurveComparison,
  tolerance: ZCurveComparison,
});

export const ZFairRun = z.object({
  id: z.uuid(),
  kind: z.enum(['scenario', 'portfolio']),
  scenarioId: z.uuid().nullable(),
  engine: z.string(),
  model: z.enum(FAIR_MODELS).nullable(),
  iterations: z.number().int(),
  seed: z.number().int(),
  analysis: z.unknown().describe('What was run: the analysis and drivers (a portfolio: its entries and drivers)'),
  result: z.union([ZScenarioResult, ZPortfolioResult]),
  durationMs: z.number().int(),
  jobId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});

export const ZFairRunSummary = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  iterations: z.number().int(),
  seed: z.number().int(),
  engine: z.string(),
  mean: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});

export const ZScenarioFair = z.object({
  analysis: ZFairAnalysis.nullable(),
  latestRun: ZFairRun.nullable(),
  currency: z.string().nullable(),
});

export const ZRunRequest = z.strictObject({
  sensitivity: z.boolean().default(true).describe('Compute the tornado (which input moves the loss most)'),
});
export const ZRunStarted = z.object({
  run: ZFairRun.nullable().describe('Set when it ran in the request (201)'),
  job: ZJob.nullable().describe('Set when it was queued (202): kind fair.simulate; its result is {runId}'),
});

export const ZRunListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });
export const ZRunList = z.object({ items: z.array(ZFairRunSummary).describe('Newest first') });
export const ZRunParams = ZOrgParams.extend({ runId: z.uuid() });

export const ZApplyRating = z.strictObject({
  runId: z.uuid().describe('A run of this scenario'),
  rating: z.enum(RATING_TARGETS),
  version: z.number().int().optional().describe('The scenario version you read (or If-Match); omitted: the current one'),
});

const ZDriver = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, up to 63'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().default(null),
  distribution: z.record(z.string(), z.unknown()).describe('A distribution, checked by the engine'),
});

export const ZFairSettingsInput = z.strictObject({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
    .nullable()
    .optional(),
  appetite: z.array(ZCurvePoint).max(50).optional().describe('Loss exceedance points the organization accepts'),
  tolerance: z.array(ZCurvePoint).max(50).optional().describe('Loss exceedance points it will not go beyond'),
  drivers: z.array(ZDriver).max(100).optional().describe('The whole list; a driver a stored analysis names cannot be removed'),
});

export const ZFairSettings = z.object({
  currency: z.string().nullable(),
  appetite: z.array(ZPoint),
  tolerance: z.array(ZPoint),
  drivers: z.array(
    z.object({ key: z.string(), name: z.string(), description: z.string().nullable(), distribution: z.record(z.string(), z.unknown()) }),
  ),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
});

export const ZPortfolioRunRequest = z.strictObject({
  scenarioIds: z.array(z.uuid()).min(1).max(1000).optional().describe('Default: every scenario with an analysis'),
  iterations: z
    .number()
    .optional()
    .describe(`Default ${DEFAULT_ITERATIONS.toLocaleString('en')}`),
  seed: z.number().optional().describe('Random when omitted'),
});

export const ZPortfolio = z.object({
  latestRun: ZFairRun.nullable(),
  settings: ZFairSettings,
  scenarios: z.array(
    z.object({
      id: z.uuid(),
      refId: z.string(),
      title: z.string(),
      mean: z.number().nullable().describe('Annual loss mean of its latest run; null when never run'),
      latestRunAt: z.iso.datetime().nullable(),
    }),
  ),
});

export type TFairAnalysisInput = z.infer<typeof ZFairAnalysisInput>;
export type TFairAnalysis = z.infer<typeof ZFairAnalysis>;
export type TFairRun = z.infer<typeof ZFairRun>;
export type TFairRunSummary = z.infer<typeof ZFairRunSummary>;
export type TScenarioFair = z.infer<typeof ZScenarioFair>;
export type TRunStarted = z.infer<typeof ZRunStarted>;
export type TFairSettingsInput = z.infer<typeof ZFairSettingsInput>;
export type TFairSettings = z.infer<typeof ZFairSettings>;
export type TPortfolioRunRequest = z.infer<typeof ZPortfolioRunRequest>;
export type TPortfolio = z.infer<typeof ZPortfolio>;
