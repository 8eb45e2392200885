import { describe, expect, it } from 'vitest';
import {
  analyzePortfolio,
  analyzeScenario,
  FairCancelledError,
  type FairControl,
  type LossInput,
  type ProductAnalysisInputs,
  type ScenarioAnalysis,
} from './analysis.ts';
import type { Distribution } from './distributions.ts';
import { errorParameter } from './errors.testkit.ts';
import { simulateCompoundModel, simulateProductModel } from './model.ts';
import { summarize } from './outputs.ts';

const pert = (min: number, mode: number, max: number): Distribution => ({ kind: 'pert', min, mode, max });
const constant = (value: number): Distribution => ({ kind: 'constant', value });
const uniform = (min: number, max: number): Distribution => ({ kind: 'uniform', min, max });

const w1 = {
  threatEventFrequency: pert(5.3, 26.5, 106.2),
  vulnerability: pert(0.19, 0.38, 0.61),
  primaryLoss: pert(708_000, 2_360_000, 14_160_000),
  secondaryLossEventFrequency: pert(0.05, 0.2, 0.6),
  secondaryLossMagnitude: pert(236_000, 1_180_000, 23_600_000),
} satisfies ProductAnalysisInputs;
const product = (inputs: Partial<ProductAnalysisInputs>, controls: FairControl[] = []): ScenarioAnalysis => ({
  model: 'product',
  inputs: { ...w1, ...inputs },
  controls,
});
/** Constant inputs: LEF = 12 × 0.5 × 0.25 = 1.5 a year, LM = 1000 + 0.5 × 400 = 1200, ALE = 1800. */
const constants: ProductAnalysisInputs = {
  threatEventFrequency: { contactFrequency: constant(12), probabilityOfAction: constant(0.5) },
  vulnerability: constant(0.25),
  primaryLoss: constant(1000),
  secondaryLossEventFrequency: constant(0.5),
  secondaryLossMagnitude: constant(400),
};

/** |a − b| within k standard errors of a mean of n draws with standard deviation sd. */
const withinMc = (a: number, b: number, sd: number, n: number, k = 4): void =>
  expect(Math.abs(a - b)).toBeLessThan((k * sd) / Math.sqrt(n));

describe('analyzeScenario: the product model', () => {
  it('constant inputs give the exact ALE, loss event frequency and magnitude', () => {
    const r = analyzeScenario({ model: 'product', inputs: constants }, { iterations: 1000, seed: 1 });
    expect(r.annualLoss.mean).toBeCloseTo(1800, 9);
    expect(r.annualLoss.p99).toBeCloseTo(1800, 9);
    // Every simulated year "loses" 1800 (an expected value); a loss event happens with chance 1 − e^−1.5.
    expect(r.annualLoss.probabilityOfLoss).toBe(1);
    expect(r.lossEventFrequency).toMatchObject({ mean: 1.5, median: 1.5, p90: 1.5 });
    expect(r.lossEventFrequency.probabilityOfAny).toBeCloseTo(1 - Math.exp(-1.5), 12);
    expect(r.lossMagnitude!.mean).toBeCloseTo(1200, 9);
    expect(r.lossMagnitude!.median).toBe(1200);
    expect(r.controls).toEqual([]);
    expect(r.allControls).toBeNull();
  });

  it('draws exactly what simulateProductModel draws when there are no forms or drivers', () => {
    const r = analyzeScenario(product({}), { iterations: 40_000, seed: 7, sensitivity: false });
    const reference = summarize(simulateProductModel(w1, { iterations: 40_000, seed: 7 }));
    expect(r.annualLoss).toEqual(reference);
  });

  it("pertSampling 'table' draws what simulateProductModel draws from tables, and agrees with exact sampling", () => {
    const options = { iterations: 40_000, seed: 7, sensitivity: false };
    const table = analyzeScenario({ ...product({}), pertSampling: 'table' }, options);
    expect(table.annualLoss).toEqual(summarize(simulateProductModel(w1, { ...options, pertSampling: 'table' })));
    const exact = analyzeScenario(product({}), options);
    expect(table.annualLoss.mean).not.toBe(exact.annualLoss.mean);
    // Two independent estimates of the same mean: within Monte Carlo error of each other (sd from the exact run).
    const sd = (exact.annualLoss.p95 - exact.annualLoss.median) / 1.2;
    withinMc(table.annualLoss.mean, exact.annualLoss.mean, sd * Math.SQRT2, options.iterations);
  });

  it('is reproducible: same seed, same result; another seed, another', () => {
    const analysis = product({}, [{ name: 'EDR', effects: [{ factor: 'vulnerability', reduction: uniform(0.1, 0.5) }] }]);
    const a = analyzeScenario(analysis, { iterations: 5000, seed: 3 });
    expect(analyzeScenario(analysis, { iterations: 5000, seed: 3 })).toEqual(a);
    expect(analyzeScenario(analysis, { iterations: 5000, seed: 4 }).annualLoss.mean).not.toBe(a.annualLoss.mean);
  });

  it('loss forms: each iteration loses the sum of the forms', () => {
    const split = { forms: { response: constant(600), reputation: constant(400) } };
    const exact = analyzeScenario({ model: 'product', inputs: { ...constants, primaryLoss: split } }, { iterations: 100, seed: 1 });
    expect(exact.annualLoss.mean).toBeCloseTo(1800, 9);
    // Random forms: mean loss per event = E[response] + E[productivity] (uniform 0–200 and PERT 100/200/600, mean 250).
    const n = 200_000;
    const r = analyzeScenario(
      {
        model: 'product',
        inputs: {
          threatEventFrequency: constant(1),
          vulnerability: constant(1),
          primaryLoss: { forms: { response: uniform(0, 200), productivity: pert(100, 200, 600) } },
          secondaryLossEventFrequency: constant(0),
          secondaryLossMagnitude: constant(0),
        },
      },
      { iterations: n, seed: 11, sensitivity: false },
    );
    withinMc(r.annualLoss.mean, 100 + 250, Math.hypot(200 / Math.sqrt(12), 500 / Math.sqrt(28)), n);
  });

  it('a driver reference draws the driver on the scenario stream; a missing driver is refused', () => {
    const dist = pert(2, 10, 40);
    const byDriver = analyzeScenario(product({ threatEventFrequency: { driver: 'campaign' } }), {
      iterations: 3000,
      seed: 5,
      drivers: { campaign: dist },
    });
    const direct = analyzeScenario(product({ threatEventFrequency: dist }), { iterations: 3000, seed: 5 });
    expect(byDriver.annualLoss).toEqual(direct.annualLoss);
    expect(
      errorParameter(() => analyzeScenario(product({ threatEventFrequency: { driver: 'campaign' } }), { iterations: 10, seed: 1 })),
    ).toBe('inputs.threatEventFrequency.driver');
    expect(
      errorParameter(() =>
        analyzeScenario(product({ threatEventFrequency: { driver: 'campaign' } }), {
          iterations: 10,
          seed: 1,
          drivers: { campaign: pert(5, 1, 9) },
        }),
      ),
    ).toBe('drivers.campaign.mode');
  });

  it('refuses bad options and bad analyses with their paths', () => {
    expect(errorParameter(() => analyzeScenario(product({}), { iterations: 0, seed: 1 }))).toBe('iterations');
    expect(errorParameter(() => analyzeScenario(product({}), { iterations: 10, seed: -1 }))).toBe('seed');
    expect(errorParameter(() => analyzeScenario(product({ primaryLoss: pert(1, 5, 3) }), { iterations: 10, seed: 1 }))).toBe(
      'inputs.primaryLoss.mode',
    );
  });
});

describe('analyzeScenario: controls', () => {
  it('a constant reduction r on primary loss (no secondary loss) scales the annual loss by exactly 1 − r', () => {
    const analysis = product({ secondaryLossEventFrequency: constant(0) }, [
      { name: 'Backups', controlId: 'A.8.13', yearlyCost: 50_000, effects: [{ factor: 'primaryLoss', reduction: constant(0.3) }] },
    ]);
    const r = analyzeScenario(analysis, { iterations: 20_000, seed: 2, sensitivity: false });
    const [c] = r.controls;
    expect(c!.after.mean / r.annualLoss.mean).toBeCloseTo(0.7, 12);
    expect(c!.after.p95 / r.annualLoss.p95).toBeCloseTo(0.7, 12);
    expect(c!.reduction.mean).toBeCloseTo(0.3 * r.annualLoss.mean, 4);
    expect(c!.returnOnControl).toBeCloseTo(c!.reduction.mean / 50_000, 12);
    expect(c!.controlId).toBe('A.8.13');
    expect(r.allControls!.name).toBe('All controls');
    expect(r.allControls!.after.mean).toBeCloseTo(c!.after.mean, 6);
  });

  it('controls never change the baseline, and each control sees the same years', () => {
    const edr: FairControl = { name: 'EDR', yearlyCost: 100, effects: [{ factor: 'vulnerability', reduction: pert(0.2, 0.4, 0.7) }] };
    const mfa: FairControl = { name: 'MFA', effects: [{ factor: 'threatEventFrequency', reduction: uniform(0.1, 0.3) }] };
    const options = { iterations: 20_000, seed: 9, sensitivity: false };
    const none = analyzeScenario(product({}), options);
    const one = analyzeScenario(product({}, [edr]), options);
    const both = analyzeScenario(product({}, [edr, mfa]), options);
    expect(one.annualLoss).toEqual(none.annualLoss);
    expect(both.annualLoss).toEqual(none.annualLoss);
    // Each control draws its reductions from its own stream: adding MFA leaves EDR's outcome as it was.
    expect(both.controls[0]).toEqual(one.controls[0]);
    // All together: V × (1 − r₁) and TEF × (1 − r₂) → mean ≈ ALE × (1 − E r₁)(1 − E r₂) (independent factors).
    const expected = none.annualLoss.mean * (1 - (0.2 + 4 * 0.4 + 0.7) / 6) * (1 - 0.2);
    expect(Math.abs(both.allControls!.after.mean / expected - 1)).toBeLessThan(0.03);
    expect(both.allControls!.after.mean).toBeLessThan(Math.min(both.controls[0]!.after.mean, both.controls[1]!.after.mean));
    // Costs add up only when every control has one.
    expect(both.allControls!.yearlyCost).toBeNull();
    expect(one.allControls!.yearlyCost).toBe(100);
  });
});

describe('analyzeScenario: the compound model', () => {
  const compound = (magnitude: LossInput, controls: FairControl[] = []) =>
    ({ model: 'compound', inputs: { lossEventFrequency: 3, magnitude }, controls }) as ScenarioAnalysis;

  it('draws exactly what simulateCompoundModel draws, lognormal or not', () => {
    for (const magnitude of [{ kind: 'lognormal', lo: 1e4, hi: 1e6 } as Distribution, pert(1, 5, 20)]) {
      const r = analyzeScenario(compound(magnitude), { iterations: 30_000, seed: 8, sensitivity: false });
      expect(r.annualLoss).toEqual(summarize(simulateCompoundModel({ lossEventFrequency: 3, magnitude }, { iterations: 30_000, seed: 8 })));
    }
  });

  it('counts and magnitudes: LEF is the Poisson count, magnitude the per-event sum of the forms', () => {
    const n = 100_000;
    const r = analyzeScenario(compound({ forms: { response: constant(10), reputation: uniform(0, 20) } }), {
      iterations: n,
      seed: 4,
      sensitivity: false,
    });
    withinMc(r.lossEventFrequency.mean, 3, Math.sqrt(3), n);
    expect(r.lossEventFrequency.median).toBe(3);
    withinMc(r.lossMagnitude!.mean, 20, 20 / Math.sqrt(12), 3 * n);
    expect(r.lossMagnitude!.median).toBeCloseTo(20, 0);
    const none = analyzeScenario(
      { model: 'compound', inputs: { lossEventFrequency: 0, magnitude: constant(5) } },
      { iterations: 100, seed: 1 },
    );
    expect(none.lossMagnitude).toBeNull();
    expect(none.annualLoss.mean).toBe(0);
  });

  it('a loss event frequency reduction r, drawn per year, scales that year’s λ by 1 − r; a magnitude reduction scales each event', () => {
    const n = 100_000;
    const r = analyzeScenario(
      compound(constant(100), [
        { name: 'fewer', effects: [{ factor: 'lossEventFrequency', reduction: uniform(0.2, 0.6) }] },
        { name: 'smaller', effects: [{ factor: 'magnitude', reduction: constant(0.25) }] },
      ]),
      { iterations: n, seed: 6, sensitivity: false },
    );
    const [fewer, smaller] = r.controls;
    // λ = 3, r ~ U(0.2, 0.6) each year: P(no event) = E[e^−3(1−r)] = (e^−1.2 − e^−2.4) / 1.2 ≈ 0.1754, where one
    // λ' = 3 × (1 − E[r]) for every year would give e^−1.8 ≈ 0.1653 (8 standard errors away); mean loss 180 either way.
    const p0 = (Math.exp(-1.2) - Math.exp(-2.4)) / 1.2;
    withinMc(1 - fewer!.after.probabilityOfLoss, p0, Math.sqrt(p0 * (1 - p0)), n);
    expect(Math.abs(1 - fewer!.after.probabilityOfLoss - Math.exp(-1.8))).toBeGreaterThan(0.005);
    withinMc(fewer!.after.mean, 180, 100 * Math.sqrt(3), n);
    expect(smaller!.after.mean / r.annualLoss.mean).toBeCloseTo(0.75, 12);
    expect(r.allControls!.after.mean / fewer!.after.mean).toBeCloseTo(0.75, 12);
  });
});

describe('sensitivity (tornado)', () => {
  it('a wider input swings more, a constant one not at all; sorted by |swing|', () => {
    const r = analyzeScenario(
      {
        model: 'product',
        inputs: {
          threatEventFrequency: constant(2),
          vulnerability: uniform(0.4, 0.6),
          primaryLoss: { forms: { response: uniform(0, 1000), productivity: uniform(400, 600) } },
          secondaryLossEventFrequency: constant(0.5),
          secondaryLossMagnitude: pert(0, 10, 20),
        },
      },
      { iterations: 50_000, seed: 12 },
    );
    const by = Object.fromEntries(r.sensitivity.map((e) => [e.factor, e]));
    expect(Object.keys(by).sort()).toEqual(
      [
        'threatEventFrequency',
        'vulnerability',
        'primaryLoss.forms.response',
        'primaryLoss.forms.productivity',
        'secondaryLossEventFrequency',
        'secondaryLossMagnitude',
      ].sort(),
    );
    expect(r.sensitivity[0]!.factor).toBe('primaryLoss.forms.response');
    expect(by['primaryLoss.forms.response']!.swing).toBeGreaterThan(3 * by['primaryLoss.forms.productivity']!.swing);
    expect(by['primaryLoss.forms.productivity']!.swing).toBeGreaterThan(0);
    for (const name of ['threatEventFrequency', 'secondaryLossEventFrequency']) {
      expect(by[name]).toMatchObject({ swing: 0 });
      expect(by[name]!.low).toBe(by[name]!.high);
    }
    const swings = r.sensitivity.map((e) => Math.abs(e.swing));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // Response uniform 0–1000: its lowest decile averages 50, its highest 950 → swing ≈ 2 × 0.5 × 900.
    expect(by['primaryLoss.forms.response']!.swing).toBeGreaterThan(800);
    expect(by['primaryLoss.forms.response']!.swing).toBeLessThan(1000);
    expect(analyzeScenario(product({}), { iterations: 100, seed: 1, sensitivity: false }).sensitivity).toEqual([]);
  });

  it('compound: the yearly count and the magnitude', () => {
    const r = analyzeScenario(
      { model: 'compound', inputs: { lossEventFrequency: 2, magnitude: pert(1, 10, 100) } },
      { iterations: 20_000, seed: 3 },
    );
    expect(r.sensitivity.map((e) => e.factor).sort()).toEqual(['lossEventFrequency', 'magnitude']);
    for (const e of r.sensitivity) expect(e.swing).toBeGreaterThan(0);
  });
});

describe('progress and cancellation', () => {
  it('reports monotone progress ending at done === total', () => {
    const calls: [number, number][] = [];
    analyzeScenario(product({}), { iterations: 50_000, seed: 1, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(3);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    expect(calls.at(-1)![0]).toBe(calls.at(-1)![1]);
  });

  it('throws FairCancelledError between chunks once cancelled', () => {
    let checks = 0;
    const isCancelled = (): boolean => ++checks > 2;
    expect(() => analyzeScenario(product({}), { iterations: 200_000, seed: 1, isCancelled })).toThrow(FairCancelledError);
    expect(checks).toBe(3); // it stopped at the first check that said so
    expect(() => analyzePortfolio([{ id: 'a', analysis: product({}) }], { iterations: 200_000, seed: 1, isCancelled: () => true })).toThrow(
      FairCancelledError,
    );
  });
});

describe('analyzePortfolio', () => {
  it('one scenario: its total is the scenario annual loss', () => {
    const p = analyzePortfolio([{ id: 's1', analysis: product({}) }], { iterations: 10_000, seed: 42 });
    const s = analyzeScenario(product({}), { iterations: 10_000, seed: 42, sensitivity: false });
    expect(p.total).toEqual(s.annualLoss);
    expect(p.scenarios).toEqual([{ id: 's1', mean: s.annualLoss.mean, p95: s.annualLoss.p95, shareOfMean: 1 }]);
    expect(p.drivers).toEqual([]);
  });

  it('a shared driver makes scenarios move together: same means, wider total', () => {
    // TEF is 0 or 1 a year, half the time each; every event loses 1000.
    const scenario = (tef: ProductAnalysisInputs['threatEventFrequency']): ScenarioAnalysis => ({
      model: 'product',
      inputs: {
        threatEventFrequency: tef,
        vulnerability: constant(1),
        primaryLoss: constant(1000),
        secondaryLossEventFrequency: constant(0),
        secondaryLossMagnitude: constant(0),
      },
    });
    const coin: Distribution = { kind: 'empirical', values: [0, 1] };
    const n = 40_000;
    const shared = analyzePortfolio(
      [
        { id: 'a', analysis: scenario({ driver: 'campaign' }) },
        { id: 'b', analysis: scenario({ driver: 'campaign' }) },
        { id: 'c', analysis: scenario({ driver: 'other' }) },
      ],
      { iterations: n, seed: 1, drivers: { campaign: coin, other: coin } },
    );
    const independent = analyzePortfolio(
      [
        { id: 'a', analysis: scenario(coin) },
        { id: 'b', analysis: scenario(coin) },
        { id: 'c', analysis: scenario(coin) },
      ],
      { iterations: n, seed: 1 },
    );
    expect(shared.drivers).toEqual(['campaign']);
    expect(shared.scenarios[0]!.mean).toBe(shared.scenarios[1]!.mean); // the same draws
    withinMc(shared.total.mean, 1500, 1000 * Math.sqrt(1.5), n);
    withinMc(independent.total.mean, 1500, 1000 * Math.sqrt(0.75), n);
    // a + b is 0 or 2000 when shared (variance 1e6), 0/1000/2000 when independent (5e5): P(total ≥ 3000) = 1/4 vs 1/8.
    const atLeast3000 = (r: typeof shared): number => r.total.exceedance.at(-1)!.probability;
    expect(shared.total.exceedance.at(-1)!.loss).toBe(3000);
    withinMc(atLeast3000(shared), 0.25, Math.sqrt(0.25 * 0.75), n);
    withinMc(atLeast3000(independent), 0.125, Math.sqrt(0.125 * 0.875), n);
    expect(shared.scenarios.reduce((s, x) => s + x.shareOfMean, 0)).toBeCloseTo(1, 12);
    // No loss event only in years where every scenario's TEF is 0: with a rate of 1, e^−1 otherwise.
    // Shared: a and b move together, so P(no event) = E[e^−(2A + C)] = (1 + e^−2)/2 · (1 + e^−1)/2.
    const noEventShared = ((1 + Math.exp(-2)) / 2) * ((1 + Math.exp(-1)) / 2);
    const noEventIndependent = ((1 + Math.exp(-1)) / 2) ** 3;
    withinMc(shared.probabilityOfLossEvent, 1 - noEventShared, 0.5, n);
    withinMc(independent.probabilityOfLossEvent, 1 - noEventIndependent, 0.5, n);
  });

  it('a compound scenario: the chance of an event is the share of years with one (e^−λ none)', () => {
    const n = 40_000;
    const r = analyzeScenario(
      { model: 'compound', inputs: { lossEventFrequency: 0.7, magnitude: constant(10) } },
      { iterations: n, seed: 3 },
    );
    withinMc(r.lossEventFrequency.probabilityOfAny, 1 - Math.exp(-0.7), 0.5, n);
    expect(r.lossEventFrequency.probabilityOfAny).toBeCloseTo(r.annualLoss.probabilityOfLoss, 12);
  });

  it('names bad entries by index; a missing driver as well', () => {
    const ok = { id: 'a', analysis: product({}) };
    expect(
      errorParameter(() =>
        analyzePortfolio([ok, { id: 'b', analysis: product({ primaryLoss: pert(1, 0, 2) }) }], { iterations: 10, seed: 1 }),
      ),
    ).toBe('1.analysis.inputs.primaryLoss.mode');
    expect(
      errorParameter(() =>
        analyzePortfolio([{ id: 'b', analysis: product({ threatEventFrequency: { driver: 'x' } }) }], { iterations: 10, seed: 1 }),
      ),
    ).toBe('0.analysis.inputs.threatEventFrequency.driver');
    expect(errorParameter(() => analyzePortfolio([], { iterations: 10, seed: 1 }))).toBe('entries');
  });
});
