import type { AnalysisOptions, ControlOutcome, ScenarioAnalysis, ScenarioResult } from './analysis.ts';
import {
  accumulateNoEvent,
  Collected,
  compile,
  compileControls,
  MAGNITUDE_SAMPLE,
  probabilityOfAnyEvent,
  run,
  type Plan,
} from './engine.ts';
import { FairParameterError } from './errors.ts';
import { MAX_ITERATIONS, MIN_ITERATIONS } from './model.ts';
import { percentileOfSorted, summarizeInPlace, type LossSummary } from './outputs.ts';
import { parseAnalysis } from './parse-analysis.ts';
import { Progress } from './progress.ts';
import { Random } from './random.ts';
import { tornado } from './sensitivity.ts';
import { ENGINE_VERSION } from './simulation.ts';

/**
 * Streams of a run's seed. The baseline of scenario k draws from stream k (a lone scenario: 0, so a one-scenario
 * portfolio's total equals the scenario's annual loss); the others sit far above any scenario index.
 */
export const REDUCTION_STREAM = 2 ** 40; // + control index
export const SENSITIVITY_STREAM = 2 ** 41;
export const DRIVER_STREAM = 2 ** 42; // + a 32-bit hash of the driver key (portfolio)
/** The tornado's traced run has at most this many iterations. */
export const SENSITIVITY_ITERATIONS = 100_000;

/** Iterations of the tornado's traced run: the run's own, up to SENSITIVITY_ITERATIONS; none without a tornado. */
export const tracedIterations = (iterations: number, sensitivity: boolean): number =>
  sensitivity ? Math.min(iterations, SENSITIVITY_ITERATIONS) : 0;

export function checkRunOptions(options: AnalysisOptions): { iterations: number; seed: number } {
  const { iterations, seed } = options ?? ({} as AnalysisOptions);
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new FairParameterError('iterations', `must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) throw new FairParameterError('seed', 'must be an integer ≥ 0');
  return { iterations, seed };
}

const stats = (sorted: Float64Array, mean: number): { mean: number; median: number; p90: number } => ({
  mean,
  median: percentileOfSorted(sorted, 0.5),
  p90: percentileOfSorted(sorted, 0.9),
});

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * One scenario: annual loss before controls, loss event frequency and magnitude, each control alone and all
 * together (same baseline draws, reductions from each control's stream), and the tornado from a traced run of
 * min(iterations, 100,000) iterations on a stream of its own. Validates the analysis again (parseAnalysis), so
 * whatever reaches the engine (a stored row, a worker message) is checked.
 *
 * Loss magnitude per event: the product model's mean is Σ(LEF·LM)/Σ LEF over iterations (the mean annual loss
 * divided by the mean LEF), its median and p90 those of LM over the iterations with LEF > 0 (not weighted by
 * LEF); the compound model's are those of its events (median and p90 from the first 1,000,000 events, which
 * are independent draws).
 */
export function analyzeScenario(analysis: ScenarioAnalysis, options: AnalysisOptions): ScenarioResult {
  const { iterations: n, seed } = checkRunOptions(options);
  const parsed = parseAnalysis(analysis);
  const plan = compile(parsed, options.drivers);
  const controls = compileControls(parsed.model, parsed.controls);
  const withSensitivity = options.sensitivity ?? true;
  const traced = tracedIterations(n, withSensitivity);
  const progress = new Progress(n + traced, options);

  const annual = new Float64Array(n);
  const lef = new Float64Array(n);
  const magnitudes = new Collected(plan.model === 'product' ? n : MAGNITUDE_SAMPLE, plan.model === 'product' ? n : 4096);
  const controlLosses = controls.length > 0 ? Array.from({ length: controls.length + 1 }, () => new Float64Array(n)) : undefined;
  const reductions = controls.map((_, c) => new Random(seed, REDUCTION_STREAM + c));
  run(plan, controls, n, { main: new Random(seed, 0), reductions }, { annual, lef, magnitudes, controls: controlLosses }, progress);

  const annualLoss = summarizeInPlace(annual);
  const lefMean = meanOf(lef);
  const noEvent = new Float64Array(n).fill(1);
  accumulateNoEvent(plan.model, lef, noEvent);
  const lossEventFrequency = { ...stats(lef.sort(), lefMean), probabilityOfAny: probabilityOfAnyEvent(noEvent) };
  const events = magnitudes.values.subarray(0, magnitudes.count).sort();
  const lossMagnitude = lefMean > 0 && events.length > 0 ? stats(events, annualLoss.mean / lefMean) : null;

  const outcome = (name: string, controlId: string | null, yearlyCost: number | null, losses: Float64Array): ControlOutcome => {
    const after = summarizeInPlace(losses);
    const reduction = { mean: annualLoss.mean - after.mean, p95: annualLoss.p95 - after.p95 };
    return { name, controlId, after, reduction, yearlyCost, returnOnControl: yearlyCost ? reduction.mean / yearlyCost : null };
  };
  const controlOutcomes = (parsed.controls ?? []).map((c, i) =>
    outcome(c.name, c.controlId ?? null, c.yearlyCost ?? null, controlLosses![i]!),
  );
  let allControls: ControlOutcome | null = null;
  if (controlLosses) {
    const costs = (parsed.controls ?? []).map((c) => c.yearlyCost ?? null);
    // The total cost only when every control has one: a partial sum would overstate the return.
    const cost = costs.every((x) => x !== null) ? costs.reduce((a, b) => a + b, 0) : null;
    allControls = outcome('All controls', null, cost, controlLosses[controls.length]!);
  }

  const sensitivity = traced > 0 ? sensitivityOf(plan, traced, seed, progress) : [];
  progress.finish();
  return {
    engine: ENGINE_VERSION,
    model: parsed.model,
    iterations: n,
    seed,
    annualLoss: annualLoss as LossSummary,
    lossEventFrequency,
    lossMagnitude,
    sensitivity,
    controls: controlOutcomes,
    allControls,
  };
}

function sensitivityOf(plan: Plan, iterations: number, seed: number, progress: Progress): ScenarioResult['sensitivity'] {
  const annual = new Float64Array(iterations);
  const trace = plan.leaves.map(() => new Float64Array(iterations));
  run(plan, [], iterations, { main: new Random(seed, SENSITIVITY_STREAM) }, { annual, trace }, progress);
  return tornado(
    plan.leaves.map((l) => l.name),
    trace,
    annual,
  );
}
