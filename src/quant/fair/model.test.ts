import { describe, expect, it } from 'vitest';
import type { Distribution } from './distributions.ts';
import { errorParameter } from './errors.testkit.ts';
import { simulateCompoundModel, simulateProductModel, type ProductModelInput } from './model.ts';
import { portfolio } from './outputs.ts';
import { Random } from './random.ts';
import { lognormalParameters } from './samplers.ts';

const pert = (min: number, mode: number, max: number): Distribution => ({ kind: 'pert', min, mode, max });
const constant = (value: number): Distribution => ({ kind: 'constant', value });

const scenario: ProductModelInput = {
  threatEventFrequency: pert(5.3, 26.5, 106.2),
  vulnerability: pert(0.19, 0.38, 0.61),
  primaryLoss: pert(708_000, 2_360_000, 14_160_000),
  secondaryLossEventFrequency: pert(0.05, 0.2, 0.6),
  secondaryLossMagnitude: pert(236_000, 1_180_000, 23_600_000),
};

describe('random streams', () => {
  it('same seed and stream repeat; another seed or stream differs', () => {
    const draws = (seed: number, stream: number): number[] => {
      const rng = new Random(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextDouble());
    };
    expect(draws(42, 0)).toEqual(draws(42, 0));
    expect(draws(42, 0)).not.toEqual(draws(43, 0));
    expect(draws(42, 0)).not.toEqual(draws(42, 1));
    expect(draws(2 ** 40, 0)).not.toEqual(draws(0, 0)); // high seed bits matter
  });

  it('doubles are in [0, 1) and open draws in (0, 1)', () => {
    const rng = new Random(5);
    for (let i = 0; i < 100_000; i++) {
      const u = rng.nextDouble();
      const v = rng.nextOpen();
      expect(u >= 0 && u < 1 && v > 0 && v < 1).toBe(true);
    }
  });
});

describe('product model', () => {
  it('constant inputs give the exact answer', () => {
    const input: ProductModelInput = {
      threatEventFrequency: { contactFrequency: constant(12), probabilityOfAction: constant(0.5) },
      vulnerability: constant(0.25),
      primaryLoss: constant(1000),
      secondaryLossEventFrequency: constant(0.5),
      secondaryLossMagnitude: constant(400),
    };
    const out = simulateProductModel(input, { iterations: 40_000, seed: 1 });
    expect(out.every((x) => x === 12 * 0.5 * 0.25 * (1000 + 0.5 * 400))).toBe(true);
  });

  it('vulnerability from Threat Capability vs Resistance Strength is P(TCap > RS)', () => {
    const input: ProductModelInput = {
      threatEventFrequency: constant(1),
      vulnerability: { threatCapability: { kind: 'uniform', min: 0, max: 1 }, resistanceStrength: constant(0.7) },
      primaryLoss: constant(1),
      secondaryLossEventFrequency: constant(0),
      secondaryLossMagnitude: constant(0),
    };
    const n = 100_000;
    const out = simulateProductModel(input, { iterations: n, seed: 9 });
    expect(out.every((x) => x === 0 || x === 1)).toBe(true);
    const share = out.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(share - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
  });

  it('mean matches the product of PERT means (independent factors) within 4 standard errors', () => {
    const pertMean = (a: number, m: number, b: number): number => (a + 4 * m + b) / 6;
    const expected =
      pertMean(5.3, 26.5, 106.2) *
      pertMean(0.19, 0.38, 0.61) *
      (pertMean(708_000, 2_360_000, 14_160_000) + pertMean(0.05, 0.2, 0.6) * pertMean(236_000, 1_180_000, 23_600_000));
    const n = 200_000;
    const out = simulateProductModel(scenario, { iterations: n, seed: 3 });
    const mean = out.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(out.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('is reproducible: same seed → identical array, different seed or stream → different', () => {
    const run = (seed: number, stream = 0): Float64Array => simulateProductModel(scenario, { iterations: 50_000, seed, stream });
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    expect(run(42)).not.toEqual(run(42, 1));
  });

  it('chunking does not change results: a longer run starts with the shorter one', () => {
    const short = simulateProductModel(scenario, { iterations: 20_000, seed: 8 });
    const long = simulateProductModel(scenario, { iterations: 70_000, seed: 8 });
    expect(long.subarray(0, 16_384)).toEqual(short.subarray(0, 16_384));
  });

  it('addTo accumulates a portfolio equal to summing separate runs (each scenario on its own stream)', () => {
    const second = { ...scenario, primaryLoss: pert(1, 2, 3) };
    const total = new Float64Array(5_000);
    simulateProductModel(scenario, { iterations: 5_000, seed: 6, stream: 0, addTo: total });
    simulateProductModel(second, { iterations: 5_000, seed: 6, stream: 1, addTo: total });
    const separate = portfolio([
      simulateProductModel(scenario, { iterations: 5_000, seed: 6, stream: 0 }),
      simulateProductModel(second, { iterations: 5_000, seed: 6, stream: 1 }),
    ]);
    expect(total).toEqual(separate);
    expect(errorParameter(() => simulateProductModel(scenario, { iterations: 10, seed: 1, addTo: new Float64Array(9) }))).toBe('addTo');
  });

  it('names the invalid parameter', () => {
    const run = (patch: Partial<ProductModelInput>, iterations = 10): string =>
      errorParameter(() => simulateProductModel({ ...scenario, ...patch }, { iterations, seed: 1 }));
    expect(run({ primaryLoss: pert(10, 30, 20) })).toBe('primaryLoss.mode');
    expect(run({ vulnerability: pert(0.1, 0.5, 1.2) })).toBe('vulnerability');
    expect(run({ threatEventFrequency: { contactFrequency: constant(3), probabilityOfAction: constant(2) } })).toBe(
      'threatEventFrequency.probabilityOfAction',
    );
    expect(run({ secondaryLossMagnitude: { kind: 'uniform', min: -5, max: 5 } })).toBe('secondaryLossMagnitude');
    expect(run({}, 0)).toBe('iterations');
    expect(run({}, 10_000_001)).toBe('iterations');
    expect(run({}, 1.5)).toBe('iterations');
  });
});

describe('compound model', () => {
  it('Poisson–lognormal mean is λ·E[loss] within 4 standard errors', () => {
    const [lambda, lo, hi] = [1.05, 607_803, 15_919_818];
    const { mu, sigma } = lognormalParameters(lo, hi);
    const n = 400_000;
    const out = simulateCompoundModel(
      { lossEventFrequency: lambda, magnitude: { kind: 'lognormal', lo, hi } },
      { iterations: n, seed: 11 },
    );
    const expected = lambda * Math.exp(mu + (sigma * sigma) / 2);
    // Var of a compound Poisson = λ·E[X²].
    const standardError = Math.sqrt((lambda * Math.exp(2 * mu + 2 * sigma * sigma)) / n);
    const mean = out.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
    const noLoss = out.filter((x) => x === 0).length / n;
    expect(Math.abs(noLoss - Math.exp(-lambda))).toBeLessThan(4 * Math.sqrt((Math.exp(-lambda) * (1 - Math.exp(-lambda))) / n));
  });

  it('large frequency and a non-lognormal magnitude (batched path): mean λ·E[X]', () => {
    const n = 50_000;
    const out = simulateCompoundModel({ lossEventFrequency: 40, magnitude: pert(10, 20, 60) }, { iterations: n, seed: 4 });
    const ex = (10 + 80 + 60) / 6;
    const ex2 = ex * ex + ((ex - 10) * (60 - ex)) / 7; // PERT variance (μ−a)(b−μ)/7
    const mean = out.reduce((s, x) => s + x, 0) / n;
    expect(Math.abs(mean - 40 * ex)).toBeLessThan(4 * Math.sqrt((40 * ex2) / n));
  });

  it('constant magnitude and zero frequency give exact answers', () => {
    expect(
      simulateCompoundModel({ lossEventFrequency: 0, magnitude: constant(5) }, { iterations: 1000, seed: 1 }).every((x) => x === 0),
    ).toBe(true);
    const out = simulateCompoundModel({ lossEventFrequency: 3, magnitude: constant(5) }, { iterations: 1000, seed: 1 });
    expect(out.every((x) => x % 5 === 0)).toBe(true);
  });

  it('is reproducible and rejects bad input by name', () => {
    const input = { lossEventFrequency: 2.5, magnitude: { kind: 'lognormal', lo: 1e4, hi: 1e6 } as Distribution };
    expect(simulateCompoundModel(input, { iterations: 30_000, seed: 42 })).toEqual(
      simulateCompoundModel(input, { iterations: 30_000, seed: 42 }),
    );
    expect(simulateCompoundModel(input, { iterations: 30_000, seed: 42 })).not.toEqual(
      simulateCompoundModel(input, { iterations: 30_000, seed: 7 }),
    );
    expect(errorParameter(() => simulateCompoundModel({ ...input, lossEventFrequency: -1 }, { iterations: 10, seed: 1 }))).toBe(
      'lossEventFrequency',
    );
    expect(
      errorParameter(() =>
        simulateCompoundModel({ ...input, magnitude: { kind: 'lognormal', lo: -1, hi: 5 } }, { iterations: 10, seed: 1 }),
      ),
    ).toBe('magnitude.lo');
    expect(errorParameter(() => simulateCompoundModel(input, { iterations: 10, seed: -3 }))).toBe('seed');
  });
});
