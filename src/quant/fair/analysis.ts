import type { Distribution } from './distributions.ts';
import type { COMPOUND_FACTORS, LOSS_FORMS, PRODUCT_FACTORS } from './factors.ts';
import type { LossSummary } from './outputs.ts';
import type { PertSampling } from './samplers.ts';

/**
 * What the product asks of the engine (contract part A, issue 5): a scenario's analysis as stored, with loss
 * forms, shared drivers and controls; its result; a portfolio of scenarios; and the up-front cost of a run.
 * The types live here; the work is done in the files re-exported at the bottom (see README.md).
 */

export type LossForm = (typeof LOSS_FORMS)[number];
/** A loss given whole, or split by the six Open FAIR forms of loss (their per-iteration sum). */
export type LossInput = Distribution | { forms: Partial<Record<LossForm, Distribution>> }; // at least one form
/** A factor drawn from an organization-wide shared driver (see drivers below) instead of its own distribution. */
export interface DriverRef {
  driver: string; // driver key, /^[a-z0-9][a-z0-9-]{0,62}$/
}

export interface ProductAnalysisInputs {
  threatEventFrequency: Distribution | DriverRef | { contactFrequency: Distribution; probabilityOfAction: Distribution };
  vulnerability: Distribution | { threatCapability: Distribution; resistanceStrength: Distribution };
  primaryLoss: LossInput;
  secondaryLossEventFrequency: Distribution;
  secondaryLossMagnitude: LossInput;
}
export interface CompoundAnalysisInputs {
  lossEventFrequency: number;
  magnitude: LossInput;
}

export type FairFactor = (typeof PRODUCT_FACTORS)[number] | (typeof COMPOUND_FACTORS)[number];

/** A control's effect on one factor: the fraction of it the control removes, per iteration (every value in [0,1]). */
export interface ControlEffect {
  factor: FairFactor;
  reduction: Distribution;
}
export interface FairControl {
  name: string;
  controlId?: string | null;
  yearlyCost?: number | null;
  effects: ControlEffect[];
}

/**
 * `pertSampling`: how PERT inputs are drawn. 'exact' (the default): Beta variates from two Gamma draws.
 * 'table': from a 1,024-quantile inverse-CDF table per input (pert-table.ts), about three times faster on
 * PERT-heavy portfolios and approximate (linear between quantiles), as the reference C kernel's pert-table.
 */
export type ScenarioAnalysis =
  | { model: 'product'; inputs: ProductAnalysisInputs; controls?: FairControl[]; pertSampling?: PertSampling }
  | { model: 'compound'; inputs: CompoundAnalysisInputs; controls?: FairControl[]; pertSampling?: PertSampling };

export interface AnalysisOptions {
  iterations: number; // 1 … MAX_ITERATIONS
  seed: number; // integer ≥ 0
  drivers?: Record<string, Distribution>; // key → distribution, for DriverRef
  sensitivity?: boolean; // default true
  /** Called between chunks; units are arbitrary but monotone, done === total at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when true the engine throws FairCancelledError. */
  isCancelled?: () => boolean;
}

export interface SensitivityEntry {
  factor: string; // e.g. 'threatEventFrequency', 'primaryLoss.forms.response', 'vulnerability'
  low: number; // mean annual loss when this input is in its lowest decile
  high: number; // … in its highest decile
  swing: number; // high - low
}
export interface ControlOutcome {
  name: string;
  controlId: string | null;
  after: LossSummary;
  reduction: { mean: number; p95: number };
  yearlyCost: number | null;
  returnOnControl: number | null; // reduction.mean / yearlyCost
}
export interface ScenarioResult {
  engine: string;
  model: 'product' | 'compound';
  iterations: number;
  seed: number;
  annualLoss: LossSummary; // before controls
  /**
   * Loss events per year, and the chance of at least one in a year. The product model's annual loss is an
   * expected value (LEF × LM), positive in almost every simulated year, so annualLoss.probabilityOfLoss says
   * little there; probabilityOfAny treats each year's LEF as the rate of a Poisson process (1 − e^−LEF). In the
   * compound model it is the share of years with at least one event.
   */
  lossEventFrequency: { mean: number; median: number; p90: number; probabilityOfAny: number };
  lossMagnitude: { mean: number; median: number; p90: number } | null; // per loss event; null when no event occurred
  sensitivity: SensitivityEntry[]; // sorted by |swing| desc; [] when sensitivity:false
  controls: ControlOutcome[]; // each control alone, in input order
  allControls: ControlOutcome | null; // all controls together (null when no controls); name 'All controls'
}

export interface PortfolioEntry {
  id: string;
  analysis: ScenarioAnalysis;
}
export interface PortfolioResult {
  engine: string;
  /** Chance of at least one loss event in a year, over every scenario (see ScenarioResult.lossEventFrequency). */
  probabilityOfLossEvent: number;
  iterations: number;
  seed: number;
  total: LossSummary;
  scenarios: { id: string; mean: number; p95: number; shareOfMean: number }[]; // input order
  drivers: string[]; // driver keys shared by ≥ 2 scenarios (their draws are common to those scenarios per iteration)
}

export interface CurvePoint {
  loss: number;
  probability: number;
}

export { FairCancelledError } from './errors.ts';
export { COMPOUND_FACTORS, LOSS_FORMS, PRODUCT_FACTORS } from './factors.ts';
export { parseAnalysis } from './parse-analysis.ts';
export { analyzeScenario } from './scenario.ts';
export { analyzePortfolio } from './portfolio.ts';
export { compareToCurve } from './curve.ts';
export { estimateRun } from './estimate.ts';
export type { PertSampling } from './samplers.ts';
