import fc from 'fast-check';
import type { InventoryGraph } from '../graph.ts';
import { graphFromRecords, type EdgeRecord, type NodeRecord } from '../records.ts';
import { EDGE_TYPES, NODE_KINDS, type EdgeType } from '../types.ts';

export type NodeSpec = Partial<NodeRecord> & { id: string };
export type EdgeSpec = [from: string, to: string, type?: EdgeType];

/** A graph from short specs: kind defaults to software, edge type to depends_on. */
export function buildGraph(nodes: readonly (NodeSpec | string)[], edges: readonly EdgeSpec[]): InventoryGraph {
  const records: NodeRecord[] = nodes.map((node) =>
    typeof node === 'string' ? { id: node, kind: 'software' } : { kind: 'software', ...node },
  );
  const edgeRecords: EdgeRecord[] = edges.map(([from, to, type]) => ({ from, to, type: type ?? 'depends_on' }));
  return graphFromRecords(records, edgeRecords);
}

/** The dense ints of the given ids. */
export function ints(g: InventoryGraph, ...ids: string[]): number[] {
  return ids.map((id) => {
    const u = g.index.get(id);
    if (u === undefined) throw new Error(`no node ${id}`);
    return u;
  });
}

/** The ids of the given dense ints. */
export function idsOf(g: InventoryGraph, nodes: Iterable<number>): string[] {
  return Array.from(nodes, (u) => g.ids[u]!);
}

export interface RandomGraphSpec {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

/** Random small graphs with cycles, parallel edges of different types and self-loops. */
export function arbitraryGraph(maxNodes = 24): fc.Arbitrary<RandomGraphSpec> {
  return fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .record({
        attributes: fc.array(
          fc.record({
            kind: fc.constantFrom(...NODE_KINDS),
            isPrimary: fc.boolean(),
            confidentiality: fc.integer({ min: 0, max: 4 }),
            integrity: fc.integer({ min: 0, max: 4 }),
            availability: fc.integer({ min: 0, max: 4 }),
            criticality: fc.integer({ min: 0, max: 4 }),
          }),
          { minLength: n, maxLength: n },
        ),
        edges: fc.uniqueArray(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.constantFrom(...EDGE_TYPES)), {
          maxLength: n * 3,
          selector: ([a, b, t]) => `${a}>${b}:${t}`,
        }),
      })
      .map(({ attributes, edges }) => ({
        nodes: attributes.map((attrs, u) => ({ id: `n${u}`, ...attrs })),
        edges: edges.map(([a, b, type]) => ({ from: `n${a}`, to: `n${b}`, type })),
      })),
  );
}
