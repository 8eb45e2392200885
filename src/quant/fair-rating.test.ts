import { describe, expect, it } from 'vitest';
import { criteriaTemplate } from '../risk/criteria.templates.ts';
import { levelForValue, mapOntoBands, ratingRationale } from './fair-rating.ts';

const bands = (...pairs: ([number, number] | null)[]) =>
  pairs.map((band, i) => ({ name: `L${i}`, band: band ? { min: band[0], max: band[1] } : null }));

describe('levelForValue', () => {
  const scale = bands([0, 0.1], [0.1, 0.3], [0.3, 1], [1, 5], [5, 365]);

  it('puts a value in the band that holds it, a boundary on the upper band', () => {
    expect(levelForValue(scale, 0.05)?.index).toBe(0);
    expect(levelForValue(scale, 0.1)?.index).toBe(1);
    expect(levelForValue(scale, 0.42)?.index).toBe(2);
    expect(levelForValue(scale, 4.999)?.index).toBe(3);
  });

  it('puts values beyond the scale on its ends', () => {
    expect(levelForValue(scale, 1000)?.index).toBe(4);
    expect(levelForValue(bands([1, 2], [2, 3]), 0.5)?.index).toBe(0);
  });

  it('skips levels without a band, and a gap goes to the band below it', () => {
    expect(levelForValue(bands(null, [0, 1], null, [10, 20]), 5)?.index).toBe(1);
    expect(levelForValue(bands(null, [0, 1], null, [10, 20]), 15)?.index).toBe(3);
  });

  it('is null when no level has a band', () => {
    expect(levelForValue(bands(null, null), 3)).toBeNull();
  });
});

describe('mapOntoBands', () => {
  const definition = criteriaTemplate('5x5');

  it('maps frequency and magnitude onto the 5×5 template’s bands', () => {
    const result = mapOntoBands(definition, 0.5, 250_000);
    expect('mapping' in result && [result.mapping.likelihood.index, result.mapping.consequence.index]).toEqual([2, 2]);
  });

  it('names each scale that has no band', () => {
    const bare = {
      ...definition,
      likelihood: definition.likelihood.map((l) => ({ ...l, eventsPerYear: null })),
      consequence: definition.consequence.map((c) => ({ ...c, monetary: null })),
    };
    const result = mapOntoBands(bare, 0.5, 250_000);
    expect('problems' in result && result.problems.map((p) => p.scale)).toEqual(['likelihood', 'consequence']);
  });

  it('writes a rationale naming the run and the figures', () => {
    const result = mapOntoBands(definition, 0.5, 250_000);
    if (!('mapping' in result)) throw new Error('unmapped');
    const text = ratingRationale({ id: 'run-1', engine: 'e', iterations: 1000, seed: 3 }, result.mapping, {
      eventsPerYear: 0.5,
      lossPerEvent: 250_000,
      annualLossMean: 125_000,
      currency: 'EUR',
    });
    expect(text).toContain('run-1');
    expect(text).toContain('0.5 per year');
    expect(text).toContain('250,000 EUR');
  });
});
