import { FairParameterError } from './errors.ts';

/** What a simulation tells a risk owner, from one annual loss per iteration. */
export interface LossSummary {
  iterations: number;
  /** Annualized loss exposure. */
  mean: number;
  median: number;
  p90: number;
  p95: number;
  p99: number;
  /** Share of years with any loss (> 0). */
  probabilityOfLoss: number;
  /** Loss exceedance curve: P(annual loss ≥ loss), at log-spaced losses. */
  exceedance: { loss: number; probability: number }[];
  histogram: Histogram;
}

export interface Histogram {
  /** bins + 1 edges; bin i counts losses in [edges[i], edges[i+1]) (the last bin also holds the maximum). */
  edges: number[];
  counts: number[];
}

export interface SummaryOptions {
  exceedancePoints?: number;
  histogramBins?: number;
}

/** Percentile of sorted values by linear interpolation between order statistics (numpy's default). */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const i = Math.floor(h);
  const lower = sorted[i]!;
  return i + 1 < sorted.length ? lower + (h - i) * (sorted[i + 1]! - lower) : lower;
}

export function summarize(losses: Float64Array, options: SummaryOptions = {}): LossSummary {
  return summarizeInPlace(Float64Array.from(losses), options);
}

/**
 * As `summarize`, but sorts `losses` itself instead of a copy (the caller no longer needs their order): a
 * 10-million-iteration run then needs no second 80 MB array. Same figures as `summarize`, bit for bit.
 */
export function summarizeInPlace(losses: Float64Array, options: SummaryOptions = {}): LossSummary {
  const n = losses.length;
  if (n === 0) throw new FairParameterError('losses', 'must hold at least one iteration');
  let total = 0;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const x = losses[i]!;
    total += x;
    if (x > 0) positive++;
  }
  const sorted = losses.sort();
  return {
    iterations: n,
    mean: total / n,
    median: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    probabilityOfLoss: positive / n,
    exceedance: exceedanceCurve(sorted, options.exceedancePoints ?? 64),
    histogram: histogram(sorted, options.histogramBins ?? 50),
  };
}

/** First index whose value is ≥ x (sorted ascending). */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Loss exceedance curve over sorted losses: `points` losses log-spaced from the smallest positive loss to
 * the largest (losses span orders of magnitude, so a linear grid would waste most points). Empty when no
 * iteration lost anything.
 */
export function exceedanceCurve(sorted: Float64Array, points = 64): { loss: number; probability: number }[] {
  const n = sorted.length;
  const firstPositive = lowerBound(sorted, Number.MIN_VALUE);
  if (firstPositive === n) return [];
  const lo = sorted[firstPositive]!;
  const hi = sorted[n - 1]!;
  if (lo === hi || points < 2) return [{ loss: lo, probability: (n - firstPositive) / n }];
  const logLo = Math.log(lo);
  const step = (Math.log(hi) - logLo) / (points - 1);
  const curve: { loss: number; probability: number }[] = [];
  for (let k = 0; k < points; k++) {
    // The end points exactly, so the curve starts at P(any loss) and ends at P(max) whatever exp rounds to.
    const loss = k === 0 ? lo : k === points - 1 ? hi : Math.exp(logLo + k * step);
    curve.push({ loss, probability: (n - lowerBound(sorted, loss)) / n });
  }
  return curve;
}

/** Equal-width histogram of sorted values between their minimum and maximum. */
export function histogram(sorted: Float64Array, bins = 50): Histogram {
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return { edges: [min, max], counts: [sorted.length] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const bin = Math.min(bins - 1, Math.floor((sorted[i]! - min) / width));
    counts[bin]!++;
  }
  return { edges, counts };
}

/** Portfolio loss per iteration: the sum over scenarios (each simulated on its own stream, so independent). */
export function portfolio(scenarioLosses: readonly Float64Array[]): Float64Array {
  if (scenarioLosses.length === 0) throw new FairParameterError('scenarios', 'must hold at least one scenario');
  const n = scenarioLosses[0]!.length;
  const total = new Float64Array(n);
  scenarioLosses.forEach((losses, s) => {
    if (losses.length !== n) throw new FairParameterError(`scenarios.${s}`, 'must have as many iterations as the others');
    for (let i = 0; i < n; i++) total[i]! += losses[i]!;
  });
  return total;
}

/**
 * percentileOfSorted's value without sorting: quickselect (O(n)) for the order statistic below the rank, then
 * the smallest value above it. Reorders `values`. Same result as sorting, bit for bit (same two order
 * statistics, same interpolation); a portfolio takes each scenario's p95 this way.
 */
export function percentileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lower = select(values, i);
  if (i + 1 >= n) return lower;
  let upper = Infinity;
  for (let j = i + 1; j < n; j++) if (values[j]! < upper) upper = values[j]!;
  return lower + (h - i) * (upper - lower);
}

/** Puts the k-th smallest at index k, smaller-or-equal values before it and greater-or-equal after (Hoare, median of three). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, so sorted or constant runs stay linear.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
