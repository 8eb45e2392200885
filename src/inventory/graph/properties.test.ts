import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathInReach } from './bfs.ts';
import { concentration } from './concentration.ts';
import { dominatorTree, dominatorsOf } from './dominators.ts';
import { blastRadius, upstreamExposure } from './exposure.ts';
import type { InventoryGraph } from './graph.ts';
import { graphFromRecords } from './records.ts';
import { pathsBetween } from './paths.ts';
import { effectiveProtection, explainProtection } from './protection.ts';
import { singlePointsOfFailure } from './spof.ts';
import { arbitraryGraph, idsOf, type RandomGraphSpec } from './testing/fixtures.ts';
import { ReferenceGraph } from './testing/reference.ts';
import { EDGE_TYPES, PROTECTION_PROPERTIES, type EdgeType } from './types.ts';

const edgeTypes = fc.option(fc.subarray([...EDGE_TYPES], { minLength: 1 }), { nil: undefined });
const maxDepth = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined });

const graphWith = (maxNodes: number) =>
  fc.tuple(arbitraryGraph(maxNodes), fc.nat(), fc.nat(), edgeTypes, maxDepth).map(([spec, a, b, types, depth]) => ({
    spec,
    start: a % spec.nodes.length,
    other: b % spec.nodes.length,
    types,
    depth,
  }));
const withGraph = graphWith(24);
// Simple-path enumeration by the reference is exponential: keep those graphs smaller.
const withSmallGraph = graphWith(12);

function setup(spec: RandomGraphSpec): { g: InventoryGraph; ref: ReferenceGraph } {
  return { g: graphFromRecords(spec.nodes, spec.edges), ref: new ReferenceGraph(spec.nodes, spec.edges) };
}

function hasEdge(ref: ReferenceGraph, from: string, to: string, types: readonly EdgeType[] | undefined): boolean {
  return ref.out.get(from)!.some((e) => e.to === to && (types === undefined || types.includes(e.type)));
}

describe('against the naive reference on random graphs with cycles', () => {
  it('blastRadius and upstreamExposure give the reference distances and valid paths', () => {
    fc.assert(
      fc.property(withGraph, ({ spec, start, types, depth }) => {
        const { g, ref } = setup(spec);
        const options = { edgeTypes: types, maxDepth: depth };
        for (const [direction, reach] of [
          ['in', blastRadius(g, start, options)],
          ['out', upstreamExposure(g, start, options)],
        ] as const) {
          const got = new Map(idsOf(g, reach.nodes).map((id, i) => [id, reach.distance[i]!]));
          expect(got).toEqual(ref.distances(`n${start}`, direction, types, depth));
          for (const node of reach.nodes) {
            const path = idsOf(g, pathInReach(reach, node));
            expect(path.length - 1).toBe(got.get(g.ids[node]!));
            for (let i = 0; i + 1 < path.length; i++) {
              const [a, b] = direction === 'out' ? [path[i]!, path[i + 1]!] : [path[i + 1]!, path[i]!];
              expect(hasEdge(ref, a, b, types)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('effectiveProtection gives the reference levels, and every explanation is an edge path to its source', () => {
    fc.assert(
      fc.property(withGraph, ({ spec, types }) => {
        const { g, ref } = setup(spec);
        const result = effectiveProtection(g, { edgeTypes: types });
        for (const property of PROTECTION_PROPERTIES) {
          for (let u = 0; u < g.n; u++) {
            const level = result[property].level[u]!;
            expect(level).toBe(ref.effectiveLevel(`n${u}`, property, types));
            const path = explainProtection(g, result, u, property);
            if (level === 0) {
              expect(path).toEqual([]);
              continue;
            }
            const source = path[path.length - 1]!;
            expect(path[0]).toBe(u);
            expect(source).toBe(result[property].source[u]);
            expect(spec.nodes[source]![property]).toBe(level);
            if (source !== u) expect(spec.nodes[source]!.isPrimary).toBe(true);
            for (let i = 0; i + 1 < path.length; i++) {
              expect(hasEdge(ref, `n${path[i + 1]}`, `n${path[i]}`, types)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('dominatorTree matches removal-based dominators', () => {
    fc.assert(
      fc.property(withGraph, ({ spec, start, types }) => {
        const { g, ref } = setup(spec);
        const tree = dominatorTree(g, start, { edgeTypes: types });
        expect(new Set(idsOf(g, tree.nodes))).toEqual(new Set(ref.distances(`n${start}`, 'out', types).keys()));
        for (const node of tree.nodes) {
          const expected = ref.dominators(`n${start}`, `n${node}`, types);
          expected.add(`n${node}`);
          expect(new Set(idsOf(g, dominatorsOf(tree, node)))).toEqual(expected);
        }
      }),
    );
  });

  it('singlePointsOfFailure are the nodes that alone cut the service from some bottom', () => {
    fc.assert(
      fc.property(withGraph, ({ spec, start, types }) => {
        const { g, ref } = setup(spec);
        const root = `n${start}`;
        const upstream = [...ref.distances(root, 'out', types).keys()];
        const closure = new Map(upstream.map((u) => [u, new Set(ref.distances(u, 'out', types).keys())]));
        const bottoms = upstream
          .map((b) => upstream.filter((u) => closure.get(b)!.has(u) && closure.get(u)!.has(b)))
          .filter((members) => [...closure.get(members[0]!)!].every((x) => members.includes(x)));
        const expected = upstream.filter(
          (v) =>
            v !== root &&
            bottoms.some((members) => members.every((b) => b === v || !ref.distances(root, 'out', types, Infinity, v).has(b))),
        );
        const result = singlePointsOfFailure(g, start, { edgeTypes: types });
        expect(
          new Set(
            idsOf(
              g,
              result.points.map((p) => p.node),
            ),
          ),
        ).toEqual(new Set(expected));
        expect(result.upstream).toBe(upstream.length - 1);
      }),
    );
  });

  it('concentration counts primary dependents exactly', () => {
    fc.assert(
      fc.property(withGraph, ({ spec, types }) => {
        const { g, ref } = setup(spec);
        const result = concentration(g, { topK: g.n, edgeTypes: types });
        const counted = new Map([...result.organizations, ...result.assets].map((e) => [e.node, e]));
        for (let u = 0; u < g.n; u++) {
          const dependents = ref.primaryDependents(`n${u}`, types).map((id) => Number(id.slice(1)));
          const entry = counted.get(u);
          expect(entry?.primaryDependents ?? 0).toBe(dependents.length);
          const criticality = dependents.map((p) => spec.nodes[p]!.criticality ?? 0);
          expect(entry?.criticalitySum ?? 0).toBe(criticality.reduce((a, b) => a + b, 0));
          expect(entry?.criticalityMax ?? 0).toBe(Math.max(0, ...criticality));
        }
      }),
    );
  });

  it('pathsBetween returns the k shortest simple paths', () => {
    fc.assert(
      fc.property(withSmallGraph, fc.integer({ min: 1, max: 6 }), ({ spec, start, other, types, depth }, k) => {
        const { g, ref } = setup(spec);
        const paths = pathsBetween(g, start, other, { edgeTypes: types, maxDepth: depth, maxPaths: k });
        const all = ref.simplePaths(`n${start}`, `n${other}`, types, depth).map((p) => p.length);
        expect(paths.map((p) => p.nodes.length)).toEqual(all.sort((a, b) => a - b).slice(0, k));
        expect(new Set(paths.map((p) => p.nodes.join())).size).toBe(paths.length);
        for (const path of paths) {
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          path.nodes.slice(1).forEach((node, i) => {
            const from = `n${path.nodes[i]}`;
            expect(ref.out.get(from)!.some((e) => e.to === `n${node}` && e.type === path.edgeTypes[i])).toBe(true);
            if (types !== undefined) expect(types).toContain(path.edgeTypes[i]);
          });
        }
      }),
    );
  });
});
