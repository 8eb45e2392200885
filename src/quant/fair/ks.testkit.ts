/** Test helpers: the Kolmogorov–Smirnov statistic of a sample against an exact CDF. */

/** n = 20,000 draws; critical value of D at α = 0.001 is 1.949/√n. */
export const KS_N = 20_000;
export const KS_CRITICAL = 1.949 / Math.sqrt(KS_N);

/** sup |F_n(x) − F(x)| over the sample (both one-sided gaps at every order statistic). */
export function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(sample).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
