import { describe, expect, it } from 'vitest';
import type { InventoryGraph } from './graph.ts';
import { pathsBetween, shortestPath, type GraphPath } from './paths.ts';
import { buildGraph, ints, idsOf } from './testing/fixtures.ts';

function named(g: InventoryGraph, paths: GraphPath[]): string[] {
  return paths.map((p) => idsOf(g, p.nodes).join('>'));
}

// An internet-facing proxy, two network zones and a crown-jewel database; dmz and lan link both ways.
const network = (): InventoryGraph =>
  buildGraph(
    ['proxy', 'dmz', 'lan', 'jump', 'db', 'backup'],
    [
      ['proxy', 'dmz', 'connects_to'],
      ['dmz', 'lan', 'connects_to'],
      ['lan', 'dmz', 'connects_to'],
      ['dmz', 'jump', 'connects_to'],
      ['jump', 'lan', 'connects_to'],
      ['lan', 'db', 'connects_to'],
      ['jump', 'db', 'depends_on'],
      ['backup', 'db', 'connects_to'],
    ],
  );

describe('pathsBetween', () => {
  it('lists the shortest simple paths first, over the chosen edge types', () => {
    const g = network();
    const [proxy, db] = ints(g, 'proxy', 'db');
    expect(named(g, pathsBetween(g, proxy!, db!, { edgeTypes: ['connects_to'] }))).toEqual(['proxy>dmz>lan>db', 'proxy>dmz>jump>lan>db']);
    expect(named(g, pathsBetween(g, proxy!, db!, { maxPaths: 2 }))).toEqual(['proxy>dmz>lan>db', 'proxy>dmz>jump>db']);
    const all = pathsBetween(g, proxy!, db!, { maxPaths: 10 });
    expect(named(g, all)).toEqual(['proxy>dmz>lan>db', 'proxy>dmz>jump>db', 'proxy>dmz>jump>lan>db']);
    expect(all[1]!.edgeTypes).toEqual(['connects_to', 'connects_to', 'depends_on']);
  });

  it('respects maxDepth and returns nothing when the target is out of reach', () => {
    const g = network();
    const [proxy, db, backup] = ints(g, 'proxy', 'db', 'backup');
    expect(pathsBetween(g, proxy!, db!, { maxDepth: 2 })).toEqual([]);
    expect(named(g, pathsBetween(g, proxy!, db!, { maxDepth: 3, maxPaths: 10 }))).toEqual(['proxy>dmz>lan>db', 'proxy>dmz>jump>db']);
    expect(pathsBetween(g, proxy!, backup!)).toEqual([]);
    expect(shortestPath(g, db!, proxy!)).toBeNull();
  });

  it('gives the one-node path from a node to itself', () => {
    const g = network();
    const [lan] = ints(g, 'lan');
    expect(pathsBetween(g, lan!, lan!)).toEqual([{ nodes: [lan], edgeTypes: [] }]);
  });
});
