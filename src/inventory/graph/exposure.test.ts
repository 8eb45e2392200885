import { describe, expect, it } from 'vitest';
import { pathInReach } from './bfs.ts';
import { blastRadius, upstreamExposure } from './exposure.ts';
import type { InventoryGraph } from './graph.ts';
import { buildGraph, ints, idsOf } from './testing/fixtures.ts';
import { supplyChainGraph } from './testing/supply-chain.ts';

function distances(g: InventoryGraph, reach: { nodes: Uint32Array; distance: Uint32Array }): Record<string, number> {
  return Object.fromEntries(idsOf(g, reach.nodes).map((id, i) => [id, reach.distance[i]!]));
}

describe('blastRadius', () => {
  it('a cloud provider outage reaches every service built on it, directly or through a supplier', () => {
    const g = supplyChainGraph();
    const [aws] = ints(g, 'aws');
    const reach = blastRadius(g, aws!);
    expect(distances(g, reach)).toEqual({
      aws: 0,
      'vm-hr': 1,
      'vm-db': 1,
      stripe: 1,
      'hr-app': 2,
      'hr-db': 2,
      'shop-app': 2,
      payroll: 3,
      'hr-data': 3,
      'web-shop': 3,
    });
    // Each node on the explained path depends on the one before it.
    expect(idsOf(g, pathInReach(reach, ints(g, 'web-shop')[0]!))).toEqual(['aws', 'stripe', 'shop-app', 'web-shop']);
  });

  it('stops at maxDepth and follows only the chosen edge types', () => {
    const g = supplyChainGraph();
    const [aws] = ints(g, 'aws');
    expect(idsOf(g, blastRadius(g, aws!, { maxDepth: 1 }).nodes).sort()).toEqual(['aws', 'stripe', 'vm-db', 'vm-hr']);
    expect(idsOf(g, blastRadius(g, aws!, { maxDepth: 0 }).nodes)).toEqual(['aws']);
    expect(idsOf(g, blastRadius(g, aws!, { edgeTypes: ['provided_by'] }).nodes).sort()).toEqual([
      'aws',
      'shop-app',
      'stripe',
      'vm-db',
      'vm-hr',
    ]);
  });

  it('terminates on cycles and visits each node once', () => {
    const g = buildGraph(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'c'],
      ],
    );
    const reach = blastRadius(g, ints(g, 'a')[0]!);
    expect(distances(g, reach)).toEqual({ a: 0, c: 1, b: 2, d: 2 });
  });

  it('reaches nothing from a disconnected node and throws on an unknown one', () => {
    const g = buildGraph(['a', 'b', 'lonely'], [['a', 'b']]);
    expect(idsOf(g, blastRadius(g, ints(g, 'lonely')[0]!).nodes)).toEqual(['lonely']);
    expect(() => blastRadius(g, 99)).toThrow(RangeError);
  });
});

describe('upstreamExposure', () => {
  it('lists what a service relies on and its outside organizations by tier', () => {
    const g = supplyChainGraph();
    const exposure = upstreamExposure(g, ints(g, 'web-shop')[0]!);
    expect(distances(g, exposure)).toEqual({
      'web-shop': 0,
      'shop-app': 1,
      'host-1': 2,
      'host-2': 2,
      stripe: 2,
      'dc-paris': 3,
      lan: 3,
      aws: 3,
    });
    expect(exposure.organizations.map((o) => ({ ...o, node: g.ids[o.node] }))).toEqual([
      { node: 'stripe', distance: 2, tier: 1 },
      { node: 'aws', distance: 3, tier: 2 },
    ]);
    expect(exposure.byTier.map((tier) => idsOf(g, tier))).toEqual([['stripe'], ['aws']]);
  });

  it('counts a provider reached without an intermediary as tier 1', () => {
    const g = supplyChainGraph();
    const exposure = upstreamExposure(g, ints(g, 'payroll')[0]!);
    expect(exposure.byTier.map((tier) => idsOf(g, tier))).toEqual([['aws']]);
  });
});
