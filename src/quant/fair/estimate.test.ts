import { describe, expect, it } from 'vitest';
import { analyzeScenario, estimateRun, type ScenarioAnalysis } from './analysis.ts';
import type { Distribution } from './distributions.ts';

const pert = (min: number, mode: number, max: number): Distribution => ({ kind: 'pert', min, mode, max });
const analysis: ScenarioAnalysis = {
  model: 'product',
  inputs: {
    threatEventFrequency: pert(5.3, 26.5, 106.2),
    vulnerability: pert(0.19, 0.38, 0.61),
    primaryLoss: { forms: { response: pert(1, 2, 9), reputation: pert(1, 5, 9) } },
    secondaryLossEventFrequency: pert(0.05, 0.2, 0.6),
    secondaryLossMagnitude: pert(236_000, 1_180_000, 23_600_000),
  },
  controls: [1, 2].map((i) => ({ name: `c${i}`, effects: [{ factor: 'vulnerability' as const, reduction: pert(0.1, 0.3, 0.5) }] })),
};

describe('estimateRun', () => {
  it('grows with iterations, scenarios, controls and the tornado', () => {
    const base = estimateRun(1, 100_000);
    expect(estimateRun(1, 1_000_000).seconds).toBeGreaterThan(base.seconds);
    expect(estimateRun(1, 1_000_000).bytes).toBeGreaterThan(base.bytes);
    expect(estimateRun(1, 100_000, { controls: 5 }).seconds).toBeGreaterThan(base.seconds);
    expect(estimateRun(1, 100_000, { controls: 5 }).bytes).toBeGreaterThan(base.bytes);
    expect(estimateRun(1, 100_000, { sensitivity: false }).seconds).toBeLessThan(base.seconds);
    expect(estimateRun(50, 100_000).seconds).toBeGreaterThan(estimateRun(10, 100_000).seconds);
    // Memory covers at least the result arrays: 10 M iterations × (annual, LEF, LM, 3 controls + all) × 8 bytes.
    expect(estimateRun(1, 10_000_000, { controls: 3 }).bytes).toBeGreaterThan(10_000_000 * 7 * 8);
    // A compound scenario with many events a year costs more than one with few, when the analysis is given.
    const compound = (f: number): ScenarioAnalysis => ({ model: 'compound', inputs: { lossEventFrequency: f, magnitude: pert(1, 2, 3) } });
    expect(estimateRun(1, 100_000, { analyses: [compound(1000)] }).seconds).toBeGreaterThan(
      10 * estimateRun(1, 100_000, { analyses: [compound(1)] }).seconds,
    );
  });

  it('over-estimates: the estimate is above the time a run takes here', () => {
    const iterations = 200_000;
    const started = performance.now();
    analyzeScenario(analysis, { iterations, seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    expect(estimateRun(1, iterations, { controls: 2 }).seconds).toBeGreaterThan(seconds);
    expect(estimateRun(1, iterations, { controls: 2, analyses: [analysis] }).seconds).toBeGreaterThan(seconds);
  });
});
