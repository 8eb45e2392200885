import type { FairFactor, PertSampling } from '../../../../src/quant/fair/analysis.ts';
import type { LossSummary } from '../../../../src/quant/fair/outputs.ts';
import type { paths } from '../../api/schema';
import { LOSS_FORMS } from '../../../../src/quant/fair/factors.ts';

/*
 * The FAIR API's shapes. Envelopes (runs, settings, the portfolio, jobs) come from the generated OpenAPI types;
 * what the engine reads and writes (distributions, inputs, results) the API passes through as loose JSON, so
 * it is spelt out here after the engine's own types (src/quant/fair/analysis.ts, distributions.ts, outputs.ts).
 */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> | JsonBody<R[201 & keyof R]> : never;

type GeneratedScenarioFair = Ok<paths['/api/orgs/{org}/scenarios/{scenarioId}/fair']['get']>;
type GeneratedRun = Ok<paths['/api/orgs/{org}/fair-runs/{runId}']['get']>;
type GeneratedSettings = Ok<paths['/api/orgs/{org}/fair-settings']['get']>;
type GeneratedPortfolio = Ok<paths['/api/orgs/{org}/fair/portfolio']['get']>;
export type Job = Ok<paths['/api/orgs/{org}/jobs/{jobId}']['get']>;

export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'pert'; min: number; mode: number; max: number; shape?: number }
  | { kind: 'lognormal'; lo: number; hi: number };
// The UI edits these five kinds; the engine (src/quant/fair/distributions.ts) also takes Poisson and empirical.
export type DistributionKind = Distribution['kind'];

// The engine's own list and summary shape, so the page cannot drift from what the engine computes.
export { LOSS_FORMS };
export type { LossSummary };
export type LossForm = (typeof LOSS_FORMS)[number];
export type LossInput = Distribution | { forms: Partial<Record<LossForm, Distribution>> };
export interface DriverRef {
  driver: string;
}

export interface ProductInputs {
  threatEventFrequency: Distribution | DriverRef | { contactFrequency: Distribution; probabilityOfAction: Distribution };
  vulnerability: Distribution | { threatCapability: Distribution; resistanceStrength: Distribution };
  primaryLoss: LossInput;
  secondaryLossEventFrequency: Distribution;
  secondaryLossMagnitude: LossInput;
}
export interface CompoundInputs {
  lossEventFrequency: number;
  magnitude: LossInput;
}
export type FairModel = 'product' | 'compound';
export type { FairFactor, PertSampling };
export interface ControlEffect {
  // The engine's factors and PERT sampling choices (FairFactor, PertSampling), the UI's narrower Distribution.
  factor: FairFactor;
  reduction: Distribution;
}
export interface FairControl {
  name: string;
  controlId?: string | null;
  yearlyCost?: number | null;
  effects: ControlEffect[];
}

export type AnalysisInputs = { model: 'product'; inputs: ProductInputs } | { model: 'compound'; inputs: CompoundInputs };
/** The PUT body; `version` is the analysis version read (a stale one is a 409). */
export type AnalysisBody = AnalysisInputs & {
  controls?: FairControl[];
  pertSampling?: PertSampling;
  iterations?: number;
  seed?: number;
  version?: number;
};
export type FairAnalysis = AnalysisInputs & {
  controls: FairControl[];
  pertSampling: PertSampling;
  iterations: number;
  seed: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
};

export interface CurvePoint {
  loss: number;
  probability: number;
}
/** null when the engine could not tell (an input that never varies). */
export interface SensitivityEntry {
  factor: string;
  low: number | null;
  high: number | null;
  swing: number | null;
}
export interface ControlOutcome {
  name: string;
  controlId: string | null;
  after: LossSummary;
  reduction: { mean: number; p95: number };
  yearlyCost: number | null;
  returnOnControl: number | null;
}
export interface ScenarioResult {
  engine: string;
  model: FairModel;
  iterations: number;
  seed: number;
  annualLoss: LossSummary;
  /** probabilityOfAny: chance of at least one loss event in a year (absent from runs before engine 0.2). */
  lossEventFrequency: { mean: number; median: number; p90: number; probabilityOfAny?: number };
  lossMagnitude: { mean: number; median: number; p90: number } | null;
  sensitivity: SensitivityEntry[];
  controls: ControlOutcome[];
  allControls: ControlOutcome | null;
}
export interface CurveComparison {
  exceeds: boolean;
  worst: { loss: number; probability: number; limit: number } | null;
}
export interface PortfolioResult {
  engine: string;
  iterations: number;
  seed: number;
  total: LossSummary;
  /** Chance of at least one loss event in a year, any scenario (absent from runs before engine 0.2). */
  probabilityOfLossEvent?: number;
  scenarios: { id: string; refId: string | null; title: string | null; mean: number; p95: number; shareOfMean: number }[];
  drivers: string[];
  appetite?: CurveComparison | null;
  tolerance?: CurveComparison | null;
}

type RunBase = Omit<GeneratedRun, 'kind' | 'result' | 'model'> & { model: FairModel | null };
export type ScenarioRun = RunBase & { kind: 'scenario'; result: ScenarioResult };
export type PortfolioRun = RunBase & { kind: 'portfolio'; result: PortfolioResult };
export type FairRun = ScenarioRun | PortfolioRun;

export type ScenarioFair = Omit<GeneratedScenarioFair, 'analysis' | 'latestRun'> & {
  analysis: FairAnalysis | null;
  latestRun: ScenarioRun | null;
};
export interface RunStarted<Run> {
  run: Run | null;
  job: Job | null;
}
export type RatingName = 'inherent' | 'current' | 'target';

export type SharedDriver = Omit<GeneratedSettings['drivers'][number], 'distribution'> & { distribution: Distribution };
export type FairSettings = Omit<GeneratedSettings, 'drivers'> & { drivers: SharedDriver[] };
export type FairSettingsInput = Pick<FairSettings, 'currency' | 'appetite' | 'tolerance' | 'drivers'>;
export type Portfolio = Omit<GeneratedPortfolio, 'latestRun' | 'settings'> & { latestRun: PortfolioRun | null; settings: FairSettings };
