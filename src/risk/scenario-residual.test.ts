import { describe, expect, it } from 'vitest';
import { criteriaTemplate } from './criteria.templates.ts';
import { deriveStatus, residualRating, treatmentProgress, type StatusInput } from './scenario-residual.ts';

const five = criteriaTemplate('5x5');
const current = { likelihood: 4, consequence: 4, level: 3 };
const target = { likelihood: 1, consequence: 2, level: 0 };

describe('treatment progress', () => {
  it('weighs in-place controls by effectiveness, an unknown effectiveness as full', () => {
    expect(treatmentProgress([])).toEqual({ planned: 0, inPlace: 0, fraction: null, percent: 0 });
    const progress = treatmentProgress([
      { status: 'implemented', effectiveness: 80 },
      { status: 'planned', effectiveness: 20 },
    ]);
    expect(progress).toMatchObject({ planned: 2, inPlace: 1, percent: 80 });
    expect(
      treatmentProgress([
        { status: 'verified', effectiveness: null },
        { status: 'in-progress', effectiveness: 100 },
      ]).fraction,
    ).toBe(0.5);
    // Nothing weighs anything: counted by number.
    expect(
      treatmentProgress([
        { status: 'implemented', effectiveness: 0 },
        { status: 'planned', effectiveness: 0 },
      ]).fraction,
    ).toBe(0.5);
  });
});

describe('residual rating', () => {
  it('is the current rating without a target or a plan, null before assessment', () => {
    expect(residualRating(five, current, null, 0.5)).toEqual(current);
    expect(residualRating(five, current, target, null)).toEqual(current);
    expect(residualRating(five, null, target, 1)).toBeNull();
  });

  it('moves from current to target with the plan, each scale rounded, the level from the matrix', () => {
    expect(residualRating(five, current, target, 0)).toEqual(current);
    expect(residualRating(five, current, target, 1)).toEqual({ likelihood: 1, consequence: 2, level: 1 });
    // 4 − 0.5 × 3 = 2.5 → 3 (halves round up); 4 − 0.5 × 2 = 3.
    expect(residualRating(five, current, target, 0.5)).toEqual({ likelihood: 3, consequence: 3, level: 2 });
    expect(residualRating(five, current, target, 0.2)).toEqual({ likelihood: 3, consequence: 4, level: 3 });
  });
});

describe('status', () => {
  const none = treatmentProgress([]);
  const half = treatmentProgress([
    { status: 'implemented', effectiveness: null },
    { status: 'planned', effectiveness: null },
  ]);
  const done = treatmentProgress([
    { status: 'implemented', effectiveness: null },
    { status: 'verified', effectiveness: 0 },
  ]);
  const base: StatusInput = { closed: false, assessed: true, treated: false, progress: none, accepted: false };

  it('follows the life of a scenario', () => {
    expect(deriveStatus({ ...base, assessed: false })).toBe('identified');
    expect(deriveStatus(base)).toBe('assessed');
    expect(deriveStatus({ ...base, treated: true })).toBe('assessed');
    expect(deriveStatus({ ...base, treated: true, progress: half })).toBe('in-treatment');
    expect(deriveStatus({ ...base, treated: true, progress: done })).toBe('treated');
    expect(deriveStatus({ ...base, treated: true, progress: half, accepted: true })).toBe('accepted');
    expect(deriveStatus({ ...base, treated: true, progress: done, accepted: true, closed: true })).toBe('closed');
  });

  it('counts a plan treated only when every control is in place, whatever their weights', () => {
    const zeroLeft = treatmentProgress([
      { status: 'implemented', effectiveness: 50 },
      { status: 'planned', effectiveness: 0 },
    ]);
    expect(zeroLeft.fraction).toBe(1);
    expect(deriveStatus({ ...base, treated: true, progress: zeroLeft })).toBe('in-treatment');
  });
});
