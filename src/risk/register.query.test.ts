import { describe, expect, it } from 'vitest';
import { containsPattern, heatMapSql, orderByOf, registerPageSql, type FilterScope } from './register.query.ts';

const scope: FilterScope = { orgId: 'org', criteriaId: 'crit', restrictCriteria: true, today: '2025-06-01', cellVersions: [2, 3] };

describe('register SQL', () => {
  it('escapes ILIKE wildcards and the escape character', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b\\c')).toBe('%a\\_b\\\\c%');
  });

  it('orders by priority highest first with unrated last, and flips every key for the other direction', () => {
    expect(orderByOf('priority', undefined)).toBe(
      's.current_level desc nulls last, s.current_consequence desc nulls last, s.current_likelihood desc nulls last, lower(s.ref_id) asc',
    );
    expect(orderByOf('priority', 'asc')).toBe(
      's.current_level asc nulls last, s.current_consequence asc nulls last, s.current_likelihood asc nulls last, lower(s.ref_id) desc',
    );
    expect(orderByOf('title', 'asc')).toBe('lower(s.title) asc, s.id asc');
    expect(orderByOf('updated', undefined)).toBe('s.updated_at desc, s.id desc');
  });

  it('passes every value as a parameter and restricts a cell to the versions of the same scale', () => {
    const built = registerPageSql(
      scope,
      { q: "x'; drop table users; --", cell: { rating: 'residual', likelihood: 1, consequence: 2 }, status: ['assessed'] },
      'priority',
      undefined,
      { limit: 50, offset: 100 },
      true,
    );
    expect(built.text).not.toContain('drop table');
    expect(built.text).toContain('s.residual_likelihood = $3::smallint and s.residual_consequence = $4::smallint');
    expect(built.text).toContain('s.criteria_version = any($5::int[])');
    expect(built.params).toEqual(['org', 'crit', 1, 2, [2, 3], ['assessed'], "%x'; drop table users; --%", 50, 100]);
  });

  it('leaves out the criteria condition when the organization has one set only', () => {
    const built = heatMapSql({ ...scope, restrictCriteria: false }, {}, 'current');
    expect(built.text).not.toContain('criteria_id');
    expect(built.params).toEqual(['org']);
  });
});
