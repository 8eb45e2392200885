import { settle } from './compaction.ts';
import type { Direction, InventoryGraph } from './graph.ts';
import { nextEpoch, scratchFor } from './scratch.ts';
import { ALL_EDGE_TYPES, type EdgeTypeMask } from './types.ts';

/**
 * Nodes reached by a breadth-first traversal, as parallel arrays in visiting order (start first).
 * Nodes at distance d are nodes[levels[d] .. levels[d + 1]).
 */
export class Reach {
  #distance: Uint32Array | undefined;

  constructor(
    readonly start: number,
    readonly nodes: Uint32Array,
    /** parent[i] = index in `nodes` of the node through which nodes[i] was reached; −1 for the start. */
    readonly parent: Int32Array,
    readonly levels: Uint32Array,
  ) {}

  /** distance[i] = hops from the start to nodes[i]. Made from `levels` on first use. */
  get distance(): Uint32Array {
    if (this.#distance === undefined) {
      this.#distance = new Uint32Array(this.nodes.length);
      for (let d = 0; d + 1 < this.levels.length; d++) this.#distance.fill(d, this.levels[d], this.levels[d + 1]);
    }
    return this.#distance;
  }

  /** Hops from the start to nodes[i], by binary search over the levels. */
  distanceAt(i: number): number {
    let low = 0;
    let high = this.levels.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.levels[mid]! <= i) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/**
 * Breadth-first traversal from `start` following edges in `direction` whose type is in `mask`,
 * expanding nodes up to `maxDepth` hops. The hot loop reads the CSR row, then the overlay list when
 * the overlay has edges; it allocates nothing per node (epoch marks and the queue are reused).
 */
export function traverse(
  g: InventoryGraph,
  start: number,
  direction: Direction,
  mask: EdgeTypeMask = ALL_EDGE_TYPES,
  maxDepth = Number.POSITIVE_INFINITY,
): Reach {
  settle(g);
  const s = scratchFor(g);
  const epoch = nextEpoch(s);
  const { mark, queue, parent } = s;
  const base = g.base;
  const baseN = base.n;
  const offsets = direction === 'out' ? base.outOffsets : base.inOffsets;
  const ends = direction === 'out' ? base.outTargets : base.inSources;
  const types = direction === 'out' ? base.outTypes : base.inTypes;
  const extraLists = direction === 'out' ? g.overlay.out : g.overlay.in;
  const hasExtra = extraLists.size > 0;
  // Tombstones carry a type no mask has, so only a full mask without tombstones may skip the check.
  const checkTypes = mask !== ALL_EDGE_TYPES || g.overlay.tombstones > 0;

  const levels: number[] = [0];
  mark[start] = epoch;
  queue[0] = start;
  parent[0] = -1;
  let head = 0;
  let tail = 1;
  let levelEnd = 1;
  let depth = 0;
  if (maxDepth <= 0) head = tail;
  while (head < tail) {
    if (head === levelEnd) {
      levels.push(head);
      levelEnd = tail;
      if (++depth >= maxDepth) break;
    }
    const u = queue[head]!;
    if (u < baseN) {
      const end = offsets[u + 1]!;
      if (checkTypes) {
        for (let e = offsets[u]!; e < end; e++) {
          if (((mask >>> types[e]!) & 1) === 0) continue;
          const v = ends[e]!;
          if (mark[v] !== epoch) {
            mark[v] = epoch;
            parent[tail] = head;
            queue[tail++] = v;
          }
        }
      } else {
        for (let e = offsets[u]!; e < end; e++) {
          const v = ends[e]!;
          if (mark[v] !== epoch) {
            mark[v] = epoch;
            parent[tail] = head;
            queue[tail++] = v;
          }
        }
      }
    }
    if (hasExtra) {
      const extra = extraLists.get(u);
      if (extra !== undefined) {
        for (let i = 0; i < extra.length; i += 2) {
          const v = extra[i]!;
          if ((mask >>> extra[i + 1]!) & 1 && mark[v] !== epoch) {
            mark[v] = epoch;
            parent[tail] = head;
            queue[tail++] = v;
          }
        }
      }
    }
    head++;
  }
  levels.push(tail);
  return new Reach(start, queue.slice(0, tail), parent.slice(0, tail), Uint32Array.from(levels));
}

/**
 * The traversal path from the start to `node` as node ints, start first; [] when `node` was not reached.
 * Consecutive nodes are joined by an edge in the traversal's direction.
 */
export function pathInReach(reach: Reach, node: number): number[] {
  const at = reach.nodes.indexOf(node);
  if (at < 0) return [];
  const path: number[] = [];
  for (let i = at; i >= 0; i = reach.parent[i]!) path.push(reach.nodes[i]!);
  return path.reverse();
}
