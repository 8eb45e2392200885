import { settle } from './compaction.ts';
import { assertNode, type InventoryGraph } from './graph.ts';
import { nextEpoch, scratchFor } from './scratch.ts';
import { edgeTypeName, edgeTypeMask, type EdgeType, type EdgeTypeMask } from './types.ts';

/** A simple path: nodes[0] = from, last = to; edgeTypes[i] is the type of the edge nodes[i] → nodes[i+1]. */
export interface GraphPath {
  nodes: number[];
  edgeTypes: EdgeType[];
}

export interface PathOptions {
  edgeTypes?: readonly EdgeType[];
  /** At most this many paths. Default 5. */
  maxPaths?: number;
  /** At most this many edges per path. Unbounded when omitted. */
  maxDepth?: number;
}

interface Blocked {
  nodes: number[];
  /** Edges u→v not to use, by u. */
  edges: Map<number, number[]>;
}

/** One shortest path from `from` to `to` along edge direction (breadth-first), or null. */
export function shortestPath(g: InventoryGraph, from: number, to: number, options: PathOptions = {}): GraphPath | null {
  assertNode(g, from);
  assertNode(g, to);
  const limit = options.maxDepth ?? Number.POSITIVE_INFINITY;
  return search(g, from, to, edgeTypeMask(options.edgeTypes), limit, { nodes: [], edges: new Map() });
}

/**
 * Up to maxPaths shortest simple paths from `from` to `to`, shortest first (Yen's algorithm with a
 * breadth-first search for each spur; ties in length keep discovery order). E.g. from an internet-facing
 * asset to a crown jewel over connects_to edges. Paths are simple in nodes; parallel edges of other
 * types between the same nodes do not make new paths. O(K · L · (n + m)) worst case for K paths of
 * length L; each search stops at `to` and at maxDepth.
 */
export function pathsBetween(g: InventoryGraph, from: number, to: number, options: PathOptions = {}): GraphPath[] {
  const first = shortestPath(g, from, to, options);
  if (first === null) return [];
  const mask = edgeTypeMask(options.edgeTypes);
  const maxPaths = options.maxPaths ?? 5;
  const limit = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const found: GraphPath[] = [first];
  const candidates: GraphPath[] = [];
  const known = new Set<string>([first.nodes.join(',')]);
  while (found.length < maxPaths) {
    const previous = found[found.length - 1]!;
    for (let i = 0; i + 1 < previous.nodes.length; i++) {
      const rootNodes = previous.nodes.slice(0, i + 1);
      const blocked: Blocked = { nodes: rootNodes.slice(0, i), edges: new Map() };
      for (const path of found) {
        if (path.nodes.length > i + 1 && rootNodes.every((node, j) => path.nodes[j] === node)) {
          const u = path.nodes[i]!;
          blocked.edges.set(u, [...(blocked.edges.get(u) ?? []), path.nodes[i + 1]!]);
        }
      }
      const spur = search(g, rootNodes[i]!, to, mask, limit - i, blocked);
      if (spur === null) continue;
      const path: GraphPath = {
        nodes: [...rootNodes.slice(0, i), ...spur.nodes],
        edgeTypes: [...previous.edgeTypes.slice(0, i), ...spur.edgeTypes],
      };
      const key = path.nodes.join(',');
      if (known.has(key)) continue;
      known.add(key);
      candidates.push(path);
    }
    if (candidates.length === 0) break;
    let best = 0;
    for (let k = 1; k < candidates.length; k++) {
      if (candidates[k]!.nodes.length < candidates[best]!.nodes.length) best = k;
    }
    found.push(candidates.splice(best, 1)[0]!);
  }
  return found;
}

/** Breadth-first search from → to avoiding blocked nodes and edges, at most `limit` edges long. */
function search(g: InventoryGraph, from: number, to: number, mask: EdgeTypeMask, limit: number, blocked: Blocked): GraphPath | null {
  settle(g);
  const s = scratchFor(g);
  const blockEpoch = nextEpoch(s);
  for (const node of blocked.nodes) s.block[node] = blockEpoch;
  const epoch = nextEpoch(s);
  const { mark, queue, parent, slot, block } = s; // slot[i] = type of the edge that reached queue[i]
  const { base, overlay } = g;
  mark[from] = epoch;
  queue[0] = from;
  parent[0] = -1;
  let tail = 1;
  let levelEnd = 1;
  let depth = 0;
  let reached = from === to ? 0 : -1;
  const visit = (head: number, v: number, t: number): void => {
    if (((mask >>> t) & 1) === 0 || mark[v] === epoch || block[v] === blockEpoch) return;
    if (blocked.edges.get(queue[head]!)?.includes(v)) return;
    mark[v] = epoch;
    parent[tail] = head;
    slot[tail] = t;
    if (v === to) reached = tail;
    queue[tail++] = v;
  };
  for (let head = 0; head < tail && reached < 0; head++) {
    if (head === levelEnd) {
      levelEnd = tail;
      if (++depth >= limit) break;
    }
    if (limit <= 0) break;
    const u = queue[head]!;
    if (u < base.n) {
      for (let e = base.outOffsets[u]!, end = base.outOffsets[u + 1]!; e < end && reached < 0; e++) {
        visit(head, base.outTargets[e]!, base.outTypes[e]!);
      }
    }
    const extra = overlay.out.get(u);
    for (let i = 0; extra !== undefined && i < extra.length && reached < 0; i += 2) visit(head, extra[i]!, extra[i + 1]!);
  }
  if (reached < 0) return null;
  const nodes: number[] = [];
  const edgeTypes: EdgeType[] = [];
  for (let i = reached; i >= 0; i = parent[i]!) {
    nodes.push(queue[i]!);
    if (parent[i]! >= 0) edgeTypes.push(edgeTypeName(slot[i]!));
  }
  return { nodes: nodes.reverse(), edgeTypes: edgeTypes.reverse() };
}
