import { describe, expect, it } from 'vitest';
import { FairParameterError } from './errors.ts';
import { exceedanceCurve, percentileInPlace, percentileOfSorted, portfolio, summarize } from './outputs.ts';
import { Random } from './random.ts';

describe('loss summary', () => {
  it('mean, percentiles (numpy linear interpolation) and probability of loss', () => {
    const losses = Float64Array.from([0, 0, 10, 20, 30, 40, 50, 60, 70, 1000]);
    const s = summarize(losses);
    expect(s.mean).toBe(128);
    expect(s.median).toBe(35);
    expect(s.p90).toBeCloseTo(70 + 0.1 * 930, 9);
    expect(s.p99).toBeCloseTo(70 + 0.91 * 930, 9);
    expect(s.probabilityOfLoss).toBe(0.8);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(s.histogram.edges).toHaveLength(51);
  });

  it('exceedance curve: log-spaced, P(L ≥ x) decreasing from P(any loss) to 1/n', () => {
    const losses = Float64Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : 10 ** (i / 250)));
    const curve = exceedanceCurve(Float64Array.from(losses).sort(), 80);
    expect(curve).toHaveLength(80);
    expect(curve[0]!.probability).toBe(0.5);
    expect(curve.at(-1)!.probability).toBe(0.001);
    for (let k = 1; k < curve.length; k++) {
      expect(curve[k]!.loss).toBeGreaterThan(curve[k - 1]!.loss);
      expect(curve[k]!.probability).toBeLessThanOrEqual(curve[k - 1]!.probability);
    }
    const ratio = curve[1]!.loss / curve[0]!.loss;
    expect(curve[2]!.loss / curve[1]!.loss).toBeCloseTo(ratio, 9);
    expect(exceedanceCurve(new Float64Array(5))).toEqual([]);
  });

  it('portfolio sums per iteration and checks lengths', () => {
    expect(portfolio([Float64Array.from([1, 2]), Float64Array.from([10, 20])])).toEqual(Float64Array.from([11, 22]));
    expect(() => portfolio([new Float64Array(2), new Float64Array(3)])).toThrow(FairParameterError);
    expect(() => summarize(new Float64Array(0))).toThrow(FairParameterError);
  });
});

describe('percentileInPlace', () => {
  it('equals the sorted percentile bit for bit, on random, tied and sorted data', () => {
    const rng = new Random(1);
    const samples = [
      Float64Array.from({ length: 10_001 }, () => Math.exp(10 * rng.nextDouble())),
      Float64Array.from({ length: 5000 }, () => Math.floor(rng.nextDouble() * 4)),
      Float64Array.from({ length: 3000 }, (_, i) => i),
      Float64Array.from({ length: 3000 }, (_, i) => -i),
      new Float64Array(17),
      Float64Array.of(7),
    ];
    for (const values of samples) {
      for (const p of [0, 0.05, 0.5, 0.9, 0.95, 0.99, 1]) {
        expect(percentileInPlace(Float64Array.from(values), p)).toBe(percentileOfSorted(Float64Array.from(values).sort(), p));
      }
    }
  });
});
