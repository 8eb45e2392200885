import { describe, expect, it } from 'vitest';
import { criteriaTemplate } from './criteria.templates.ts';
import {
  addDays,
  consequenceForRequirement,
  evaluate,
  presentRating,
  rateInput,
  ratingIssues,
  reviewPeriodDays,
} from './scenario-rating.ts';

const five = criteriaTemplate('5x5');

describe('scenario ratings', () => {
  it('rates a likelihood and consequence with the matrix and names them from the same definition', () => {
    const rating = rateInput(five, { likelihood: 3, consequence: 3 });
    expect(rating).toEqual({ likelihood: 3, consequence: 3, level: 2 });
    expect(presentRating(five, rating)).toEqual({
      likelihood: 3,
      consequence: 3,
      level: 2,
      likelihoodName: 'Likely',
      consequenceName: 'Major',
      levelName: 'High',
      colour: '#F2994A',
    });
    expect(presentRating(five, null)).toBeNull();
  });

  it('shows a stored level as stored, even when another matrix would rate the cell otherwise', () => {
    const stored = { likelihood: 0, consequence: 0, level: 3 };
    expect(presentRating(five, stored)).toMatchObject({ level: 3, levelName: 'Critical', likelihoodName: 'Rare' });
  });

  it('reports each value outside the scales with its path and the scale size', () => {
    expect(ratingIssues(five, { likelihood: 4, consequence: 0 }, 'body.current')).toEqual([]);
    expect(ratingIssues(five, { likelihood: 5, consequence: -1 }, 'body.current')).toEqual([
      { path: 'body.current.likelihood', message: '5 is outside the likelihood scale of 5 levels (0 to 4)' },
      { path: 'body.current.consequence', message: '-1 is outside the consequence scale of 5 levels (0 to 4)' },
    ]);
    const three = criteriaTemplate('3x3');
    expect(ratingIssues(three, { likelihood: 0, consequence: 3 }, 'body.target')[0]?.message).toContain('of 3 levels (0 to 2)');
  });

  it('evaluates a level its owner may accept as acceptable, any other as to treat', () => {
    expect(evaluate(five, 0)).toBe('acceptable');
    expect(evaluate(five, 1)).toBe('to-treat');
    expect(evaluate(five, 3)).toBe('to-treat');
  });

  it('takes review periods from the criteria, or spreads 365 to 90 days over the levels', () => {
    expect([0, 1, 2, 3].map((level) => reviewPeriodDays(five, level))).toEqual([365, 180, 90, 30]);
    const none = { ...five, reviewDays: null };
    expect([0, 1, 2, 3].map((level) => reviewPeriodDays(none, level))).toEqual([365, 273, 182, 90]);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 365)).toBe('2026-12-31');
  });

  it('maps protection requirements onto the consequence scale end to end, linearly between', () => {
    expect([1, 2, 3, 4].map((level) => consequenceForRequirement(level, 4, 5))).toEqual([0, 1, 3, 4]);
    expect([1, 2, 3].map((level) => consequenceForRequirement(level, 3, 3))).toEqual([0, 1, 2]);
    expect([1, 2, 3, 4, 5].map((level) => consequenceForRequirement(level, 5, 3))).toEqual([0, 1, 1, 2, 2]);
    // A level outside the scale counts as its nearest end.
    expect(consequenceForRequirement(9, 4, 5)).toBe(4);
  });
});
