import type { AnalysisOptions, PortfolioEntry, PortfolioResult } from './analysis.ts';
import { accumulateNoEvent, compile, probabilityOfAnyEvent, run } from './engine.ts';
import { FairParameterError, parameterDetail } from './errors.ts';
import { percentileInPlace, summarizeInPlace } from './outputs.ts';
import { driverKeysOf, parseAnalysis } from './parse-analysis.ts';
import { Progress } from './progress.ts';
import { Random } from './random.ts';
import { checkRunOptions, DRIVER_STREAM } from './scenario.ts';
import { ENGINE_VERSION } from './simulation.ts';

/** FNV-1a, 32 bits: a driver's stream depends on its key only, not on which scenarios a portfolio holds. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Driver key → stream, distinct for every key of this run (a hash collision moves to the next free stream). */
function driverStreams(keys: string[]): Map<string, number> {
  const streams = new Map<string, number>();
  const taken = new Set<number>();
  for (const key of [...keys].sort()) {
    let h = hashKey(key);
    while (taken.has(h)) h = (h + 1) >>> 0;
    taken.add(h);
    streams.set(key, DRIVER_STREAM + h);
  }
  return streams;
}

/**
 * Scenarios independent (scenario k draws from stream k of the seed), except a threat event frequency drawn
 * from a shared driver: one draw per iteration, from the driver's own stream, common to every scenario naming
 * it. Each scenario that names a driver replays that stream from its start, so no per-iteration driver array
 * is kept. Before controls; no sensitivity. Memory: the total, a scratch array, the loss event frequencies and the no-event chances: four arrays of `iterations` values.
 * @throws FairParameterError with a path relative to `entries` (`2.analysis.inputs.primaryLoss.max`), or `drivers.KEY…`
 */
export function analyzePortfolio(entries: PortfolioEntry[], options: AnalysisOptions): PortfolioResult {
  const { iterations: n, seed } = checkRunOptions(options);
  if (!Array.isArray(entries) || entries.length === 0) throw new FairParameterError('entries', 'must hold at least one scenario');
  const plans = entries.map((entry, k) => {
    if (typeof entry?.id !== 'string') throw new FairParameterError(`${k}.id`, 'must be a text');
    try {
      const analysis = parseAnalysis(entry.analysis);
      return { id: entry.id, analysis, plan: compile(analysis, options.drivers) };
    } catch (error) {
      // A driver's own distribution is the run's, not the entry's: its path stays `drivers.KEY…`.
      if (error instanceof FairParameterError && !error.parameter.startsWith('drivers.')) {
        throw new FairParameterError(`${k}.analysis.${error.parameter}`, parameterDetail(error));
      }
      throw error;
    }
  });
  const named = new Map<string, number>();
  for (const { analysis } of plans) for (const key of driverKeysOf(analysis)) named.set(key, (named.get(key) ?? 0) + 1);
  const streams = driverStreams([...named.keys()]);

  const progress = new Progress(n * plans.length, options);
  const total = new Float64Array(n);
  const scratch = new Float64Array(n);
  const lef = new Float64Array(n);
  const noEvent = new Float64Array(n).fill(1);
  const perScenario = plans.map(({ id, plan }, k) => {
    scratch.fill(0);
    const driver = plan.model === 'product' && 'driver' in plan.tef && plan.tef.driver !== null ? plan.tef.driver : null;
    const driverRng = driver !== null ? new Random(seed, streams.get(driver)!) : undefined;
    run(plan, [], n, { main: new Random(seed, k), driver: driverRng }, { annual: scratch, lef }, progress);
    accumulateNoEvent(plan.model, lef, noEvent);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += scratch[i]!;
      total[i]! += scratch[i]!;
    }
    const p95 = percentileInPlace(scratch, 0.95);
    return { id, mean: sum / n, p95 };
  });
  const summary = summarizeInPlace(total);
  progress.finish();
  return {
    engine: ENGINE_VERSION,
    iterations: n,
    seed,
    total: summary,
    probabilityOfLossEvent: probabilityOfAnyEvent(noEvent),
    scenarios: perScenario.map((s) => ({ ...s, shareOfMean: summary.mean > 0 ? s.mean / summary.mean : 0 })),
    drivers: [...named]
      .filter(([, count]) => count >= 2)
      .map(([key]) => key)
      .sort(),
  };
}
