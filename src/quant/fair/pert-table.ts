import type { Random } from './random.ts';

/**
 * Approximate PERT sampling through an inverse-CDF table: the opt-in fast path (`pertSampling: 'table'`).
 * The Beta(α, β) density is integrated by the trapezoid rule on GRID cells, the CDF inverted at
 * QUANTILES + 1 evenly spaced probabilities, and each draw is one 32-bit word and a linear interpolation
 * between neighbouring quantiles: no Gamma rejection loops. The exact sampler stays the default; this one
 * trades a small error (the exact CDF at the table's quantiles is off by < 1e-6; between them the quantile
 * function is linear; the KS tests at n = 20,000 pass) for speed on portfolios of many scenarios.
 */

const GRID = 4096;
const QUANTILES = 1024;
const TWO_POW_MINUS_32 = 1 / 4294967296;

/** ln(i/GRID) and ln(1 − i/GRID), shared by every table: one exp per grid point is then all a table costs. */
const logX = new Float64Array(GRID + 1);
const logOneMinusX = new Float64Array(GRID + 1);
for (let i = 1; i < GRID; i++) {
  logX[i] = Math.log(i / GRID);
  logOneMinusX[i] = Math.log1p(-i / GRID);
}

/** QUANTILES + 1 values of min + width·X at probabilities k/QUANTILES, X ~ Beta(alpha, beta), α, β ≥ 1. */
export function pertQuantiles(min: number, width: number, alpha: number, beta: number): Float64Array {
  const cdf = new Float64Array(GRID + 1);
  // Unnormalised density at the ends: x^(α−1)(1−x)^(β−1) is 1 at x = 0 when α = 1, else 0 (same at x = 1).
  let previous = alpha === 1 ? 1 : 0;
  for (let i = 1; i <= GRID; i++) {
    const density = i === GRID ? (beta === 1 ? 1 : 0) : Math.exp((alpha - 1) * logX[i]! + (beta - 1) * logOneMinusX[i]!);
    cdf[i] = cdf[i - 1]! + 0.5 * (previous + density);
    previous = density;
  }
  const total = cdf[GRID]!;
  const quantiles = new Float64Array(QUANTILES + 1);
  let cell = 0;
  for (let k = 0; k <= QUANTILES; k++) {
    const target = (k / QUANTILES) * total;
    while (cell < GRID - 1 && cdf[cell + 1]! < target) cell++;
    const span = cdf[cell + 1]! - cdf[cell]!;
    const within = span > 0 ? Math.min(1, Math.max(0, (target - cdf[cell]!) / span)) : 0;
    quantiles[k] = min + (width * (cell + within)) / GRID;
  }
  return quantiles;
}

export function fillFromQuantiles(quantiles: Float64Array, rng: Random, out: Float64Array, count: number): void {
  for (let i = 0; i < count; i++) {
    const position = (rng.nextInt32() >>> 0) * TWO_POW_MINUS_32 * QUANTILES;
    const k = position | 0;
    const lower = quantiles[k]!;
    out[i] = lower + (position - k) * (quantiles[k + 1]! - lower);
  }
}
