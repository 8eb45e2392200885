import { describe, expect, it } from 'vitest';
import { compareToCurve, limitAt } from './curve.ts';

const appetite = [
  { loss: 1_000, probability: 0.5 },
  { loss: 100_000, probability: 0.1 },
  { loss: 10_000_000, probability: 0.01 },
];

describe('compareToCurve', () => {
  it('interpolates the limit linearly in log(loss), 1 below its first point and flat beyond its last', () => {
    expect(limitAt(appetite, 10_000)).toBeCloseTo(0.3, 12); // halfway between 1e3 and 1e5 in log
    expect(limitAt(appetite, 500)).toBe(1);
    expect(limitAt(appetite, 1e9)).toBe(0.01);
    expect(limitAt(appetite, 100_000)).toBe(0.1);
  });

  it('a curve below the limit everywhere does not exceed it', () => {
    const lec = [
      { loss: 2_000, probability: 0.3 },
      { loss: 50_000, probability: 0.05 },
      { loss: 5_000_000, probability: 0.001 },
    ];
    expect(compareToCurve(lec, appetite)).toEqual({ exceeds: false, worst: null });
    expect(compareToCurve([], appetite)).toEqual({ exceeds: false, worst: null });
    expect(compareToCurve(lec, [])).toEqual({ exceeds: false, worst: null });
  });

  it('finds where it lies above, worst by ratio, including at the limit points between exceedance points', () => {
    const lec = [
      { loss: 2_000, probability: 0.4 }, // limit ≈ 0.44: fine
      { loss: 1_000_000, probability: 0.05 }, // limit 0.055: fine
      { loss: 20_000_000, probability: 0.02 }, // limit 0.01: twice the limit
    ];
    const result = compareToCurve(lec, appetite);
    expect(result.exceeds).toBe(true);
    // Worse still at the limit's own point 1e7: the curve there is 0.05 − 0.03·log(10)/log(20) ≈ 0.027, 2.7 × 0.01.
    expect(result.worst!.loss).toBe(10_000_000);
    expect(result.worst!.probability).toBeCloseTo(0.05 - (0.03 * Math.log(10)) / Math.log(20), 12);
    expect(result.worst!.limit).toBe(0.01);
    // At the limit's point 1e7 the curve (interpolated between 1e6 and 2e7) is ≈ 0.027 > 0.01.
    const between = compareToCurve(
      [
        { loss: 1_000_000, probability: 0.05 },
        { loss: 100_000_000, probability: 0.001 },
      ],
      appetite,
    );
    expect(between.exceeds).toBe(true);
    expect(between.worst!.loss).toBe(10_000_000);
    expect(between.worst!.probability).toBeCloseTo(0.0255, 10);
  });
});
