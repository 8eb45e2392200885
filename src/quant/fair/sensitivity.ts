import type { SensitivityEntry } from './analysis.ts';

/**
 * The tornado: for each leaf input, the mean annual loss over the iterations where that input drew its lowest
 * tenth of values, and over those where it drew its highest tenth. The lowest decile is the ⌊m/10⌋ iterations
 * with the lowest draws, ties broken by iteration order (iterations are exchangeable, so this is fair). NaN
 * draws (a compound year without any event has no magnitude) are left out. An input that never varies (a
 * constant, or fewer than 10 usable iterations) is listed with swing 0 and low = high = the mean annual loss.
 */
export function tornado(names: readonly string[], trace: readonly Float64Array[], annual: Float64Array): SensitivityEntry[] {
  const m = annual.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += annual[i]!;
  const mean = m > 0 ? total / m : 0;
  const entries = names.map((factor, l) => entry(factor, trace[l]!, annual, mean));
  // Array.prototype.sort is stable: equal swings keep the model's order.
  return entries.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing));
}

function entry(factor: string, draws: Float64Array, annual: Float64Array, mean: number): SensitivityEntry {
  const sorted = draws.filter((x) => !Number.isNaN(x)).sort();
  const valid = sorted.length;
  const k = Math.floor(valid / 10);
  if (k === 0 || sorted[0] === sorted[valid - 1]) return { factor, low: mean, high: mean, swing: 0 };
  const low = decileMean(draws, annual, sorted[k - 1]!, k, -1);
  const high = decileMean(draws, annual, sorted[valid - k]!, k, 1);
  return { factor, low, high, swing: high - low };
}

/**
 * Mean annual loss over the k iterations beyond `threshold` (side −1: below it, +1: above it), topped up with
 * iterations exactly at the threshold in iteration order.
 */
function decileMean(draws: Float64Array, annual: Float64Array, threshold: number, k: number, side: -1 | 1): number {
  let sum = 0;
  let taken = 0;
  const n = draws.length;
  for (let i = 0; i < n; i++) {
    const x = draws[i]!;
    if (side < 0 ? x < threshold : x > threshold) {
      sum += annual[i]!;
      taken++;
    }
  }
  for (let i = 0; i < n && taken < k; i++) {
    if (draws[i] === threshold) {
      sum += annual[i]!;
      taken++;
    }
  }
  return sum / taken;
}
