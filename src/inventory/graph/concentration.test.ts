import { describe, expect, it } from 'vitest';
import { concentration, type ConcentrationEntry } from './concentration.ts';
import type { InventoryGraph } from './graph.ts';
import { buildGraph, type EdgeSpec, type NodeSpec } from './testing/fixtures.ts';
import { supplyChainGraph } from './testing/supply-chain.ts';

function named(g: InventoryGraph, entries: ConcentrationEntry[]): [string, number, number, number][] {
  return entries.map((e) => [g.ids[e.node]!, e.primaryDependents, e.criticalitySum, e.criticalityMax]);
}

describe('concentration', () => {
  it('ranks the cloud provider under every service first, then the payment provider', () => {
    const g = supplyChainGraph();
    const result = concentration(g, { topK: 3 });
    expect(result.exhaustive).toBe(true);
    expect(named(g, result.organizations)).toEqual([
      ['aws', 3, 12, 5],
      ['stripe', 1, 5, 5],
    ]);
    expect(named(g, result.assets)).toEqual([
      ['hr-db', 2, 7, 4],
      ['vm-db', 2, 7, 4],
      ['shop-app', 1, 5, 5],
    ]);
  });

  it('does not count a primary asset as its own dependent, and counts cycle members once', () => {
    const g = buildGraph(
      [
        { id: 'p', kind: 'service', isPrimary: true, criticality: 2 },
        { id: 'q', kind: 'service', isPrimary: true, criticality: 3 },
        { id: 'vendor', kind: 'organization' },
      ],
      [
        ['p', 'q'],
        ['q', 'p'],
        ['q', 'vendor', 'provided_by'],
        ['p', 'vendor', 'provided_by'],
      ],
    );
    const result = concentration(g);
    expect(named(g, result.organizations)).toEqual([['vendor', 2, 5, 3]]);
    expect(named(g, result.assets)).toEqual([
      ['p', 1, 3, 3],
      ['q', 1, 2, 2],
    ]);
  });

  it('on a large graph, counts every organization exactly and finds the deep hub among the candidates', () => {
    // 600 primary services on 600 apps on 60 hosts on one storage array; each app has its own vendor.
    const nodes: NodeSpec[] = [{ id: 'array', kind: 'storage' }];
    const edges: EdgeSpec[] = [];
    for (let h = 0; h < 60; h++) {
      nodes.push({ id: `host${h}`, kind: 'host' });
      edges.push([`host${h}`, 'array', 'stores']);
    }
    for (let i = 0; i < 600; i++) {
      nodes.push({ id: `svc${i}`, kind: 'service', isPrimary: true, criticality: 1 + (i % 3) });
      nodes.push({ id: `app${i}`, kind: 'software' }, { id: `vendor${i}`, kind: 'organization' });
      edges.push([`svc${i}`, `app${i}`], [`app${i}`, `host${i % 60}`, 'runs_on'], [`app${i}`, `vendor${i}`, 'provided_by']);
    }
    const g = buildGraph(nodes, edges);
    const result = concentration(g, { topK: 2, exhaustiveBelow: 0 });
    expect(result.exhaustive).toBe(false);
    expect(result.evaluated).toBe(600 + 8);
    expect(named(g, result.assets)[0]).toEqual(['array', 600, 1200, 3]);
    expect(result.assets[1]!.primaryDependents).toBe(10);
    expect(result.organizations).toHaveLength(2);
    expect(result.organizations.every((o) => o.primaryDependents === 1)).toBe(true);
  });
});
