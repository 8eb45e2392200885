import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentration } from './concentration.ts';
import { addEdge, addNode, applyChanges, hasEdge, removeEdge, removeNode, setAttributes } from './delta.ts';
import { blastRadius, upstreamExposure } from './exposure.ts';
import { compact, edgeCount } from './compaction.ts';
import type { InventoryGraph } from './graph.ts';
import { graphFromRecords, type EdgeRecord, type NodeRecord } from './records.ts';
import { shortestPath } from './paths.ts';
import { effectiveProtection } from './protection.ts';
import { singlePointsOfFailure } from './spof.ts';
import { arbitraryGraph, buildGraph, ints, idsOf } from './testing/fixtures.ts';
import { EDGE_TYPES, NODE_KINDS, PROTECTION_PROPERTIES } from './types.ts';

const reached = (g: InventoryGraph, id: string): string[] => idsOf(g, blastRadius(g, ints(g, id)[0]!).nodes).sort();

describe('graph changes', () => {
  it('queries see added and removed edges before any rebuild', () => {
    const g = buildGraph(['a', 'b', 'c'], [['a', 'b']]);
    expect(addEdge(g, { from: 'b', to: 'c', type: 'runs_on' })).toBe(true);
    expect(addEdge(g, { from: 'b', to: 'c', type: 'runs_on' })).toBe(false);
    expect(g.overlay.addedEdges).toBe(1);
    expect(reached(g, 'c')).toEqual(['a', 'b', 'c']);
    expect(reached(g, 'c')).toEqual(['a', 'b', 'c']);
    expect(blastRadius(g, ints(g, 'c')[0]!, { edgeTypes: ['depends_on'] }).nodes).toHaveLength(1);
    expect(removeEdge(g, { from: 'a', to: 'b', type: 'depends_on' })).toBe(true);
    expect(removeEdge(g, { from: 'a', to: 'b', type: 'depends_on' })).toBe(false);
    expect(g.overlay.tombstones).toBe(1);
    expect(reached(g, 'c')).toEqual(['b', 'c']);
    expect(edgeCount(g)).toBe(1);
  });

  it('adds nodes past the CSR, removes nodes with all their edges and reuses their slot', () => {
    const g = buildGraph(['a', 'b'], [['a', 'b']]);
    const x = addNode(g, 'x', { kind: 'organization' });
    expect(x).toBe(2);
    addEdge(g, { from: 'b', to: 'x', type: 'provided_by' });
    expect(reached(g, 'x')).toEqual(['a', 'b', 'x']);
    removeNode(g, 'b');
    expect(reached(g, 'x')).toEqual(['x']);
    expect(upstreamExposure(g, ints(g, 'a')[0]!).nodes).toHaveLength(1);
    expect(g.index.has('b')).toBe(false);
    expect(() => addNode(g, 'a', { kind: 'host' })).toThrow(/exists/);
    const y = addNode(g, 'y', { kind: 'host', criticality: 2 });
    expect(y).toBe(1);
    expect(g.criticality[y]).toBe(2);
    expect(hasEdge(g, ints(g, 'a')[0]!, y, 0)).toBe(false);
  });

  it('applies a batch of changes, attributes included', () => {
    const g = buildGraph([{ id: 'svc', kind: 'service', isPrimary: true }, 'app'], [['svc', 'app']]);
    applyChanges(g, [
      { op: 'setAttributes', id: 'svc', attributes: { confidentiality: 3 } },
      { op: 'addNode', id: 'db', attributes: { kind: 'storage' } },
      { op: 'addEdge', edge: { from: 'app', to: 'db', type: 'stores' } },
    ]);
    const result = effectiveProtection(g);
    expect(result.confidentiality.level[ints(g, 'db')[0]!]).toBe(3);
    expect(g.overlay.addedEdges).toBe(0); // the whole-graph pass rebuilt the CSR first
    setAttributes(g, 'svc', { isPrimary: false });
    expect(effectiveProtection(g).confidentiality.level[ints(g, 'db')[0]!]).toBe(0);
  });

  it('rebuilds the CSR at the first query after the overlay passes the threshold', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `n${i}`);
    const g = buildGraph(ids, []);
    for (let i = 1; i < 1100; i++) addEdge(g, { from: `n${i}`, to: `n${i - 1}`, type: 'depends_on' });
    expect(g.overlay.addedEdges).toBe(1099);
    expect(blastRadius(g, 0).nodes).toHaveLength(1100);
    expect(g.overlay.addedEdges).toBe(0);
    expect(g.base.m).toBe(1099);
  });
});

type Op =
  | { op: 'addNode'; kind: (typeof NODE_KINDS)[number]; isPrimary: boolean; level: number }
  | { op: 'removeNode'; pick: number }
  | { op: 'addEdge'; a: number; b: number; type: (typeof EDGE_TYPES)[number] }
  | { op: 'removeEdge'; pick: number }
  | { op: 'setLevel'; pick: number; level: number };

const arbitraryOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('addNode' as const), kind: fc.constantFrom(...NODE_KINDS), isPrimary: fc.boolean(), level: fc.nat(4) }),
  fc.record({ op: fc.constant('removeNode' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('addEdge' as const), a: fc.nat(), b: fc.nat(), type: fc.constantFrom(...EDGE_TYPES) }),
  fc.record({ op: fc.constant('removeEdge' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('setLevel' as const), pick: fc.nat(), level: fc.nat(4) }),
);

/** Applies ops to the graph and to a plain model of records alike. */
function replay(g: InventoryGraph, nodes: Map<string, NodeRecord>, edges: Map<string, EdgeRecord>, ops: Op[]): void {
  let fresh = 0;
  const key = (e: EdgeRecord): string => `${e.from}>${e.to}:${e.type}`;
  for (const op of ops) {
    const ids = [...nodes.keys()];
    const edgeList = [...edges.values()];
    switch (op.op) {
      case 'addNode': {
        const node: NodeRecord = {
          id: `new${fresh++}`,
          kind: op.kind,
          isPrimary: op.isPrimary,
          integrity: op.level,
          criticality: op.level,
        };
        nodes.set(node.id, node);
        addNode(g, node.id, node);
        break;
      }
      case 'removeNode': {
        if (ids.length === 0) break;
        const id = ids[op.pick % ids.length]!;
        nodes.delete(id);
        for (const [k, e] of edges) if (e.from === id || e.to === id) edges.delete(k);
        removeNode(g, id);
        break;
      }
      case 'addEdge': {
        if (ids.length === 0) break;
        const edge: EdgeRecord = { from: ids[op.a % ids.length]!, to: ids[op.b % ids.length]!, type: op.type };
        expect(addEdge(g, edge)).toBe(!edges.has(key(edge)));
        edges.set(key(edge), edge);
        break;
      }
      case 'removeEdge': {
        if (edgeList.length === 0) break;
        const edge = edgeList[op.pick % edgeList.length]!;
        edges.delete(key(edge));
        expect(removeEdge(g, edge)).toBe(true);
        break;
      }
      case 'setLevel': {
        if (ids.length === 0) break;
        const id = ids[op.pick % ids.length]!;
        nodes.set(id, { ...nodes.get(id)!, integrity: op.level });
        setAttributes(g, id, { integrity: op.level });
        break;
      }
    }
  }
}

describe('graph changes against a graph rebuilt from scratch', () => {
  it('every query agrees, before and after the CSR is rebuilt', () => {
    fc.assert(
      fc.property(arbitraryGraph(16), fc.array(arbitraryOp, { maxLength: 40 }), (spec, ops) => {
        const g = graphFromRecords(spec.nodes, spec.edges);
        const nodes = new Map(spec.nodes.map((n) => [n.id, n]));
        const edges = new Map(spec.edges.map((e) => [`${e.from}>${e.to}:${e.type}`, e]));
        replay(g, nodes, edges, ops);
        const expected = graphFromRecords([...nodes.values()], [...edges.values()]);
        expect(edgeCount(g)).toBe(edges.size);
        const ids = [...nodes.keys()];
        const compare = (): void => {
          for (const id of ids) {
            const [u] = ints(g, id);
            const [v] = ints(expected, id);
            expect(idsOf(g, blastRadius(g, u!).nodes).sort()).toEqual(idsOf(expected, blastRadius(expected, v!).nodes).sort());
            expect(idsOf(g, upstreamExposure(g, u!).nodes).sort()).toEqual(idsOf(expected, upstreamExposure(expected, v!).nodes).sort());
            const spofs = (graph: InventoryGraph, w: number): string[] =>
              idsOf(
                graph,
                singlePointsOfFailure(graph, w).points.map((p) => p.node),
              ).sort();
            expect(spofs(g, u!)).toEqual(spofs(expected, v!));
            const [first] = ints(expected, ids[0]!);
            expect(shortestPath(g, ints(g, ids[0]!)[0]!, u!)?.nodes.length).toBe(shortestPath(expected, first!, v!)?.nodes.length);
          }
        };
        compare(); // through the overlay
        const protection = effectiveProtection(g); // rebuilds first
        const reference = effectiveProtection(expected);
        for (const id of ids) {
          for (const property of PROTECTION_PROPERTIES) {
            expect(protection[property].level[ints(g, id)[0]!]).toBe(reference[property].level[ints(expected, id)[0]!]);
          }
        }
        const counts = (graph: InventoryGraph): string[] => {
          const result = concentration(graph, { topK: graph.n });
          return [...result.organizations, ...result.assets].map((e) => `${graph.ids[e.node]}:${e.primaryDependents}`).sort();
        };
        expect(counts(g)).toEqual(counts(expected));
        compact(g);
        compare();
      }),
    );
  });
});
