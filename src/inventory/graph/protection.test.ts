import { describe, expect, it } from 'vitest';
import type { InventoryGraph } from './graph.ts';
import { effectiveProtection, explainProtection, type ProtectionResult } from './protection.ts';
import { buildGraph, ints, idsOf } from './testing/fixtures.ts';
import { supplyChainGraph } from './testing/supply-chain.ts';
import type { ProtectionProperty } from './types.ts';

function levelOf(g: InventoryGraph, result: ProtectionResult, id: string, property: ProtectionProperty): number {
  return result[property].level[ints(g, id)[0]!]!;
}

function why(g: InventoryGraph, result: ProtectionResult, id: string, property: ProtectionProperty): string[] {
  return idsOf(g, explainProtection(g, result, ints(g, id)[0]!, property));
}

describe('effectiveProtection', () => {
  it('gives a cloud provider the highest requirement of every primary asset built on it, with the path', () => {
    const g = supplyChainGraph();
    const result = effectiveProtection(g);
    expect(levelOf(g, result, 'aws', 'confidentiality')).toBe(4);
    expect(why(g, result, 'aws', 'confidentiality')).toEqual(['aws', 'vm-db', 'hr-db', 'hr-data']);
    expect(levelOf(g, result, 'aws', 'availability')).toBe(4);
    expect(why(g, result, 'aws', 'availability')).toEqual(['aws', 'stripe', 'shop-app', 'web-shop']);
    expect(levelOf(g, result, 'aws', 'integrity')).toBe(3);
  });

  it('lets a primary asset inherit from a primary asset that depends on it', () => {
    const g = supplyChainGraph();
    const result = effectiveProtection(g);
    expect(levelOf(g, result, 'hr-data', 'confidentiality')).toBe(4);
    expect(why(g, result, 'hr-data', 'confidentiality')).toEqual(['hr-data']);
    expect(levelOf(g, result, 'hr-data', 'integrity')).toBe(3);
    expect(why(g, result, 'hr-data', 'integrity')).toEqual(['hr-data', 'payroll']);
  });

  it("counts a supporting asset's own requirement for itself only", () => {
    const g = supplyChainGraph();
    const result = effectiveProtection(g);
    expect(levelOf(g, result, 'lan', 'availability')).toBe(4);
    expect(why(g, result, 'lan', 'availability')).toEqual(['lan', 'host-1', 'shop-app', 'web-shop']);
    const g2 = buildGraph(
      [
        { id: 'host', kind: 'host', availability: 3 },
        { id: 'site', kind: 'site' },
      ],
      [['host', 'site']],
    );
    const r2 = effectiveProtection(g2);
    expect(levelOf(g2, r2, 'host', 'availability')).toBe(3);
    expect(why(g2, r2, 'host', 'availability')).toEqual(['host']);
    expect(levelOf(g2, r2, 'site', 'availability')).toBe(0);
    expect(why(g2, r2, 'site', 'availability')).toEqual([]);
    expect(r2.availability.source[ints(g2, 'site')[0]!]).toBe(-1);
  });

  it('shares the maximum around a cycle and explains it along cycle edges', () => {
    const g = buildGraph(
      [
        { id: 'p', kind: 'service', isPrimary: true, integrity: 2 },
        { id: 'q', kind: 'service', isPrimary: true, integrity: 4 },
        'a',
        'b',
        'c',
        'sink',
      ],
      [
        ['p', 'a'],
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['q', 'b'],
        ['c', 'sink'],
      ],
    );
    const result = effectiveProtection(g);
    for (const id of ['a', 'b', 'c', 'sink']) expect(levelOf(g, result, id, 'integrity')).toBe(4);
    expect(levelOf(g, result, 'p', 'integrity')).toBe(2);
    expect(why(g, result, 'a', 'integrity')).toEqual(['a', 'c', 'b', 'q']);
    expect(why(g, result, 'sink', 'integrity')).toEqual(['sink', 'c', 'b', 'q']);
  });

  it('resolves a diamond to the higher branch and leaves disconnected nodes alone', () => {
    const g = buildGraph(
      [
        { id: 'top', kind: 'service', isPrimary: true, confidentiality: 1 },
        { id: 'left', kind: 'information', isPrimary: true, confidentiality: 3 },
        'right',
        'bottom',
        { id: 'island', kind: 'host', confidentiality: 2 },
      ],
      [
        ['top', 'left'],
        ['top', 'right'],
        ['left', 'bottom'],
        ['right', 'bottom'],
      ],
    );
    const result = effectiveProtection(g);
    expect(levelOf(g, result, 'bottom', 'confidentiality')).toBe(3);
    expect(why(g, result, 'bottom', 'confidentiality')).toEqual(['bottom', 'left']);
    expect(levelOf(g, result, 'right', 'confidentiality')).toBe(1);
    expect(levelOf(g, result, 'island', 'confidentiality')).toBe(2);
  });

  it('follows only the chosen edge types', () => {
    const g = supplyChainGraph();
    const result = effectiveProtection(g, { edgeTypes: ['depends_on', 'runs_on'] });
    expect(levelOf(g, result, 'aws', 'confidentiality')).toBe(0);
    expect(levelOf(g, result, 'host-1', 'availability')).toBe(4);
    expect(levelOf(g, result, 'lan', 'availability')).toBe(3);
  });
});
