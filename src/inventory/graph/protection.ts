import { assertNode, type InventoryGraph } from './graph.ts';
import { componentsOf, type Components } from './scc.ts';
import { nextEpoch, scratchFor } from './scratch.ts';
import { edgeTypeMask, type EdgeType, type ProtectionProperty } from './types.ts';

/** For one protection property, per node. */
export interface PropertyProtection {
  /** Effective requirement level (0 = none set on the node nor on anything that depends on it). */
  level: Uint8Array;
  /** The node whose own requirement sets `level`: the node itself or a primary asset; −1 when level is 0. */
  source: Int32Array;
  /**
   * Toward the highest primary asset that depends on the node: a node that depends on it directly
   * (edge nextHop[u] → u), −1 at that primary asset. Followed by explainProtection.
   */
  nextHop: Int32Array;
}

export type ProtectionResult = Record<ProtectionProperty, PropertyProtection> & { graphVersion: number };

/**
 * For every node, the highest confidentiality, integrity and availability requirement among its own and
 * those of every primary asset that depends on it, directly or transitively, with the reason.
 * Supporting assets' own requirements count for themselves only; primary assets' requirements flow
 * down their dependencies. Ties go to the node's own requirement, then to the first source found.
 *
 * Cycles: strongly connected components are condensed (iterative Tarjan), the condensation is walked in
 * topological order (dependents before dependencies), and every member of a component shares its
 * maximum. Reasons are kept as (source, next hop) per node and property; inside a component the next hops
 * come from a breadth-first search from the node where the maximum entered it. O(n + m) time overall.
 */
export function effectiveProtection(g: InventoryGraph, options: { edgeTypes?: readonly EdgeType[] } = {}): ProtectionResult {
  const mask = edgeTypeMask(options.edgeTypes);
  const components = componentsOf(g, mask);
  const [confidentiality, integrity, availability] = propagate(g, components, mask);
  return { confidentiality, integrity, availability, graphVersion: g.version };
}

const PROPERTIES = 3;

/**
 * The three properties in one pass over the condensation: the inherited levels of a node are packed in
 * one word (C | I << 8 | A << 16), so an in-edge costs one random read for all three.
 */
function propagate(g: InventoryGraph, cs: Components, mask: number): [PropertyProtection, PropertyProtection, PropertyProtection] {
  const n = g.n;
  const { inOffsets, inSources, inTypes } = g.base;
  const { isPrimary } = g;
  const { count, order, start } = cs;
  const own = [g.confidentiality, g.integrity, g.availability];
  const packed = new Uint32Array(n);
  const empty = (): PropertyProtection => ({
    level: new Uint8Array(n),
    source: new Int32Array(n).fill(-1),
    nextHop: new Int32Array(n).fill(-1),
  });
  const results: [PropertyProtection, PropertyProtection, PropertyProtection] = [empty(), empty(), empty()];
  const [sourceC, sourceI, sourceA] = [results[0].source, results[1].source, results[2].source];
  const nextHops = results.map((r) => r.nextHop);
  const { confidentiality, integrity, availability } = g;
  // Highest component first = dependents before what they depend on. The three properties are unrolled
  // into locals (best level, its source, the member it entered by, and the node it came from).
  for (let c = count - 1; c >= 0; c--) {
    const first = start[c]!;
    const last = start[c + 1]!;
    let bc = 0,
      bi = 0,
      ba = 0;
    let sc = -1,
      si = -1,
      sa = -1;
    let ec = -1,
      ei = -1,
      ea = -1;
    let fc = -1,
      fi = -1,
      fa = -1;
    for (let k = first; k < last; k++) {
      const v = order[k]!;
      if (isPrimary[v] !== 1) continue;
      if (confidentiality[v]! > bc) {
        bc = confidentiality[v]!;
        sc = v;
        ec = v;
        fc = -1;
      }
      if (integrity[v]! > bi) {
        bi = integrity[v]!;
        si = v;
        ei = v;
        fi = -1;
      }
      if (availability[v]! > ba) {
        ba = availability[v]!;
        sa = v;
        ea = v;
        fa = -1;
      }
    }
    for (let k = first; k < last; k++) {
      const v = order[k]!;
      for (let r = inOffsets[v]!, end = inOffsets[v + 1]!; r < end; r++) {
        if (((mask >>> inTypes[r]!) & 1) === 0) continue;
        const u = inSources[r]!;
        // Members of this component are still 0 here, so they never win.
        const levels = packed[u]!;
        if (levels === 0) continue;
        const lc = levels & 0xff;
        const li = (levels >>> 8) & 0xff;
        const la = levels >>> 16;
        if (lc > bc) {
          bc = lc;
          sc = sourceC[u]!;
          ec = v;
          fc = u;
        }
        if (li > bi) {
          bi = li;
          si = sourceI[u]!;
          ei = v;
          fi = u;
        }
        if (la > ba) {
          ba = la;
          sa = sourceA[u]!;
          ea = v;
          fa = u;
        }
      }
    }
    const word = bc | (bi << 8) | (ba << 16);
    if (word === 0) continue;
    for (let k = first; k < last; k++) {
      const v = order[k]!;
      packed[v] = word;
      if (bc > 0) sourceC[v] = sc;
      if (bi > 0) sourceI[v] = si;
      if (ba > 0) sourceA[v] = sa;
    }
    const best = [bc, bi, ba];
    const entry = [ec, ei, ea];
    const from = [fc, fi, fa];
    for (let p = 0; p < PROPERTIES; p++) {
      if (best[p] === 0) continue;
      nextHops[p]![entry[p]!] = from[p]!;
      if (last - first === 1) continue;
      // Share one search between properties that entered the component at the same node.
      const shared = p > 0 && best[p - 1]! > 0 && entry[p - 1] === entry[p] ? p - 1 : -1;
      if (shared >= 0) {
        for (let k = first; k < last; k++) {
          const v = order[k]!;
          if (v !== entry[p]) nextHops[p]![v] = nextHops[shared]![v]!;
        }
      } else {
        linkInsideComponent(g, cs, c, entry[p]!, nextHops[p]!, mask);
      }
    }
  }
  // A node's own requirement counts for itself (ties included) but does not flow on, so it is applied
  // after propagation and leaves the next hops toward the inherited source intact.
  for (let p = 0; p < PROPERTIES; p++) {
    const { level, source } = results[p]!;
    const mine = own[p]!;
    const shift = p << 3;
    for (let v = 0; v < n; v++) {
      const inherited = (packed[v]! >>> shift) & 0xff;
      if (mine[v]! > 0 && mine[v]! >= inherited) {
        level[v] = mine[v]!;
        source[v] = v;
      } else {
        level[v] = inherited;
      }
    }
  }
  return results;
}

/** Next hops of a component's members: a breadth-first search from `entry` along the component's edges. */
function linkInsideComponent(g: InventoryGraph, cs: Components, c: number, entry: number, nextHop: Int32Array, mask: number): void {
  const { outOffsets, outTargets, outTypes } = g.base;
  const s = scratchFor(g);
  const epoch = nextEpoch(s);
  const { mark, queue } = s;
  mark[entry] = epoch;
  queue[0] = entry;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let e = outOffsets[u]!, end = outOffsets[u + 1]!; e < end; e++) {
      if (((mask >>> outTypes[e]!) & 1) === 0) continue;
      const v = outTargets[e]!;
      if (mark[v] !== epoch && cs.comp[v] === c) {
        mark[v] = epoch;
        nextHop[v] = u;
        queue[tail++] = v;
      }
    }
  }
}

/**
 * Why `node` has its effective level for `property`: [node, …, source], where each node in the list is
 * depended on by the next (the edge runs from the later node to the earlier), ending at the primary asset
 * that sets the level. [node] when the node's own requirement sets it; [] when the level is 0.
 */
export function explainProtection(g: InventoryGraph, result: ProtectionResult, node: number, property: ProtectionProperty): number[] {
  assertNode(g, node);
  const { level, source, nextHop } = result[property];
  const target = source[node]!;
  if (level[node] === 0 || target < 0) return [];
  const path = [node];
  for (let u = node; u !== target;) {
    u = nextHop[u]!;
    if (u < 0 || path.length > g.n) throw new Error('protection result does not match the graph');
    path.push(u);
  }
  return path;
}
