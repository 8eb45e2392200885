import { describe, expect, it } from 'vitest';
import type { Distribution } from './distributions.ts';
import { FairParameterError } from './errors.ts';
import { KS_CRITICAL, KS_N, ksStatistic } from './ks.testkit.ts';
import { normal } from './normal.ts';
import { Random } from './random.ts';
import { lognormalParameters, pertShapes, sample } from './samplers.ts';
import { logFactorial, normalCdf, regularizedIncompleteBeta } from './special-functions.ts';

const draw = (dist: Distribution, seed = 7): Float64Array => sample(dist, new Random(seed), new Float64Array(KS_N));

describe('special functions', () => {
  it('match known values', () => {
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 12);
    expect(normalCdf(-3.5)).toBeCloseTo(2.3262907903552504e-4, 14);
    expect(regularizedIncompleteBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 12); // Σ_{j=2..4} C(4,j) x^j (1−x)^(4−j)
    expect(regularizedIncompleteBeta(0.5, 3.7, 3.7)).toBeCloseTo(0.5, 12);
    expect(logFactorial(300)).toBeCloseTo(1414.905849, 5);
  });
});

describe('samplers against their exact CDF (Kolmogorov–Smirnov, α = 0.001)', () => {
  it('standard normal (ziggurat), including the tails', () => {
    const rng = new Random(3);
    const xs = new Float64Array(KS_N).map(() => normal(rng));
    expect(ksStatistic(xs, normalCdf)).toBeLessThan(KS_CRITICAL);
  });

  it('uniform', () => {
    const xs = draw({ kind: 'uniform', min: -2, max: 5 });
    expect(ksStatistic(xs, (x) => Math.min(1, Math.max(0, (x + 2) / 7)))).toBeLessThan(KS_CRITICAL);
  });

  it('triangular', () => {
    const [a, c, b] = [1, 2, 6];
    const cdf = (x: number): number =>
      x <= a ? 0 : x >= b ? 1 : x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c));
    expect(ksStatistic(draw({ kind: 'triangular', min: a, mode: c, max: b }), cdf)).toBeLessThan(KS_CRITICAL);
  });

  it.each([
    [5.3, 26.5, 106.2, 4],
    [0.05, 0.2, 0.6, 4],
    [0, 0, 10, 4], // mode at the minimum: α = 1
    [1e5, 9e5, 1e6, 2.5],
    [0, 0.5, 1, 0.5], // low shape: α, β < 2 (still ≥ 1)
  ])('PERT(%d, %d, %d, shape %d) via Beta(α, β)', (min, mode, max, shape) => {
    const { alpha, beta } = pertShapes(min, mode, max, shape);
    const xs = draw({ kind: 'pert', min, mode, max, shape });
    expect(ksStatistic(xs, (x) => regularizedIncompleteBeta((x - min) / (max - min), alpha, beta))).toBeLessThan(KS_CRITICAL);
  });

  it.each([
    [5.3, 26.5, 106.2, 4],
    [0, 0, 10, 4],
    [0, 0.5, 1, 0.5],
  ])('PERT(%d, %d, %d, shape %d) from the inverse-CDF table (opt-in) also passes', (min, mode, max, shape) => {
    const { alpha, beta } = pertShapes(min, mode, max, shape);
    const xs = sample({ kind: 'pert', min, mode, max, shape }, new Random(12), new Float64Array(KS_N), KS_N, 'table');
    expect(ksStatistic(xs, (x) => regularizedIncompleteBeta((x - min) / (max - min), alpha, beta))).toBeLessThan(KS_CRITICAL);
  });

  it('lognormal from a 90% interval puts 5% below lo and 5% above hi', () => {
    const [lo, hi] = [607_803, 15_919_818];
    const { mu, sigma } = lognormalParameters(lo, hi);
    const xs = draw({ kind: 'lognormal', lo, hi });
    expect(ksStatistic(xs, (x) => normalCdf((Math.log(x) - mu) / sigma))).toBeLessThan(KS_CRITICAL);
    expect(normalCdf((Math.log(lo) - mu) / sigma)).toBeCloseTo(0.05, 12);
    expect(normalCdf((Math.log(hi) - mu) / sigma)).toBeCloseTo(0.95, 12);
  });

  it('empirical resamples the given values with equal weight', () => {
    const values = [3, 1, 4, 1, 5];
    const xs = draw({ kind: 'empirical', values });
    const ones = xs.filter((x) => x === 1).length / KS_N;
    expect(xs.every((x) => values.includes(x))).toBe(true);
    // P(1) = 0.4; 5 standard errors of a proportion at n = 20,000 is 0.017.
    expect(Math.abs(ones - 0.4)).toBeLessThan(0.017);
  });

  it('constant gives the value exactly', () => {
    expect(draw({ kind: 'constant', value: 12.5 }).every((x) => x === 12.5)).toBe(true);
  });
});

describe('Poisson', () => {
  /** Chi-square against the pmf over cells with expected count ≥ 5, tail lumped, at α = 0.001. */
  function chiSquare(xs: Float64Array, lambda: number): { statistic: number; critical: number } {
    const n = xs.length;
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    let statistic = 0;
    let cells = 0;
    let coveredP = 0;
    let coveredObserved = 0;
    const pmf = (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
    for (let k = 0; k < lambda * 3 + 50; k++) {
      const expected = n * pmf(k);
      if (expected < 5) continue;
      const observed = counts.get(k) ?? 0;
      statistic += (observed - expected) ** 2 / expected;
      coveredP += pmf(k);
      coveredObserved += observed;
      cells++;
    }
    const restExpected = n * (1 - coveredP);
    if (restExpected >= 5) {
      statistic += (n - coveredObserved - restExpected) ** 2 / restExpected;
      cells++;
    }
    // Wilson–Hilferty approximation of the χ² 0.999 quantile with cells − 1 degrees of freedom.
    const df = cells - 1;
    const critical = df * (1 - 2 / (9 * df) + 3.090232 * Math.sqrt(2 / (9 * df))) ** 3;
    return { statistic, critical };
  }

  it.each([0.3, 1.05, 4, 9.99, 10, 37.5, 480])('λ = %d: mean, variance and pmf (χ²)', (lambda) => {
    const xs = draw({ kind: 'poisson', lambda });
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / KS_N;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (KS_N - 1);
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / KS_N));
    // Var of the sample variance ≈ (λ + 2λ²)/n for a Poisson.
    expect(Math.abs(variance - lambda)).toBeLessThan(4 * Math.sqrt((lambda + 2 * lambda * lambda) / KS_N));
    const { statistic, critical } = chiSquare(xs, lambda);
    expect(statistic).toBeLessThan(critical);
  });

  it('λ = 0 never has an event', () => {
    expect(draw({ kind: 'poisson', lambda: 0 }).every((x) => x === 0)).toBe(true);
  });
});

describe('parameter errors name the parameter', () => {
  const cases: [Distribution, string][] = [
    [{ kind: 'pert', min: 5, mode: 1, max: 10 }, 'distribution.mode'],
    [{ kind: 'pert', min: 5, mode: 5, max: 5 }, 'distribution.max'],
    [{ kind: 'pert', min: 1, mode: 2, max: 3, shape: 0 }, 'distribution.shape'],
    [{ kind: 'triangular', min: 0, mode: Number.NaN, max: 1 }, 'distribution.mode'],
    [{ kind: 'uniform', min: 0, max: Infinity }, 'distribution.max'],
    [{ kind: 'lognormal', lo: 0, hi: 10 }, 'distribution.lo'],
    [{ kind: 'lognormal', lo: 10, hi: 10 }, 'distribution.hi'],
    [{ kind: 'poisson', lambda: -1 }, 'distribution.lambda'],
    [{ kind: 'empirical', values: [] }, 'distribution.values'],
    [{ kind: 'empirical', values: [1, Number.NaN] }, 'distribution.values.1'],
    [{ kind: 'beta' } as unknown as Distribution, 'distribution.kind'],
  ];
  it.each(cases)('%j → %s', (dist, parameter) => {
    const attempt = (): unknown => sample(dist, new Random(1), new Float64Array(4));
    expect(attempt).toThrow(FairParameterError);
    try {
      attempt();
    } catch (error) {
      expect((error as FairParameterError).parameter).toBe(parameter);
    }
  });
});
