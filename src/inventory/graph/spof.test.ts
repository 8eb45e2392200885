import { describe, expect, it } from 'vitest';
import { dominatorTree, dominatorsOf } from './dominators.ts';
import type { InventoryGraph } from './graph.ts';
import { singlePointsOfFailure } from './spof.ts';
import { buildGraph, ints, idsOf } from './testing/fixtures.ts';
import { supplyChainGraph } from './testing/supply-chain.ts';

function spofs(g: InventoryGraph, service: string): Record<string, [bottomsLost: number, nodesLost: number]> {
  const result = singlePointsOfFailure(g, ints(g, service)[0]!);
  return Object.fromEntries(result.points.map((p) => [g.ids[p.node]!, [p.bottomsLost, p.nodesLost]]));
}

function bottomsAmong(g: InventoryGraph, service: string): string[] {
  const result = singlePointsOfFailure(g, ints(g, service)[0]!);
  return idsOf(
    g,
    result.points.filter((p) => p.isBottom).map((p) => p.node),
  ).sort();
}

describe('dominatorTree', () => {
  it('finds immediate dominators in a diamond with a tail', () => {
    const g = buildGraph(
      ['s', 'a', 'b', 'j', 't'],
      [
        ['s', 'a'],
        ['s', 'b'],
        ['a', 'j'],
        ['b', 'j'],
        ['j', 't'],
      ],
    );
    const tree = dominatorTree(g, ints(g, 's')[0]!);
    expect(idsOf(g, dominatorsOf(tree, ints(g, 't')[0]!))).toEqual(['t', 'j', 's']);
    expect(idsOf(g, dominatorsOf(tree, ints(g, 'a')[0]!))).toEqual(['a', 's']);
    expect(tree.idom[0]).toBe(-1);
  });

  it('handles a cycle back to the root and unreachable nodes', () => {
    const g = buildGraph(
      ['s', 'a', 'b', 'x'],
      [
        ['s', 'a'],
        ['a', 'b'],
        ['b', 's'],
        ['x', 'a'],
      ],
    );
    const tree = dominatorTree(g, ints(g, 's')[0]!);
    expect(idsOf(g, tree.nodes)).toEqual(['s', 'a', 'b']);
    expect(idsOf(g, dominatorsOf(tree, ints(g, 'b')[0]!))).toEqual(['b', 'a', 's']);
    expect(dominatorsOf(tree, ints(g, 'x')[0]!)).toEqual([]);
  });
});

describe('singlePointsOfFailure', () => {
  it('finds the shared site, the lone network and the payment chain, not the redundant hosts', () => {
    const g = supplyChainGraph();
    expect(spofs(g, 'web-shop')).toEqual({
      'shop-app': [3, 7],
      'dc-paris': [1, 1],
      'host-1': [1, 2],
      lan: [1, 1],
      stripe: [1, 2],
      aws: [1, 1],
    });
    const result = singlePointsOfFailure(g, ints(g, 'web-shop')[0]!);
    expect(result.upstream).toBe(7);
    expect(result.bottoms).toBe(3);
    expect(g.ids[result.points[0]!.node]).toBe('shop-app');
    expect(bottomsAmong(g, 'web-shop')).toEqual(['aws', 'dc-paris', 'lan']);
    expect(singlePointsOfFailure(g, ints(g, 'web-shop')[0]!, { limit: 2 }).points.map((p) => g.ids[p.node])).toEqual([
      'shop-app',
      'host-1',
    ]);
  });

  it('treats paths to the same bottom as alternatives and a bottom cycle as one bottom', () => {
    const g = buildGraph(
      ['s', 'a', 'b', 'c1', 'c2'],
      [
        ['s', 'a'],
        ['s', 'b'],
        ['a', 'c1'],
        ['b', 'c2'],
        ['c1', 'c2'],
        ['c2', 'c1'],
      ],
    );
    expect(spofs(g, 's')).toEqual({});
    const g2 = buildGraph(
      ['s', 'a', 'c1', 'c2'],
      [
        ['s', 'a'],
        ['a', 'c1'],
        ['a', 'c2'],
        ['c1', 'c2'],
        ['c2', 'c1'],
      ],
    );
    expect(spofs(g2, 's')).toEqual({ a: [1, 3] });
  });

  it('reports nothing for a service without dependencies or one only in a cycle with itself', () => {
    const g = buildGraph(
      ['s', 'a'],
      [
        ['s', 'a'],
        ['a', 's'],
      ],
    );
    expect(spofs(g, 's')).toEqual({});
    const alone = buildGraph(['s'], []);
    expect(singlePointsOfFailure(alone, 0)).toEqual({ service: 0, upstream: 0, bottoms: 1, points: [] });
  });

  it('marks a member of a bottom cycle that alone leads into it as a bottom', () => {
    const g = buildGraph(
      ['s', 'a', 'c1', 'c2'],
      [
        ['s', 'a'],
        ['a', 'c1'],
        ['c1', 'c2'],
        ['c2', 'c1'],
      ],
    );
    expect(spofs(g, 's')).toEqual({ a: [1, 3], c1: [1, 2] });
    expect(bottomsAmong(g, 's')).toEqual(['c1']);
  });
});
