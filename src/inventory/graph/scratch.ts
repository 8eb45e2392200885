/**
 * Buffers shared by the queries of one graph, so a query allocates little beyond its result. Fresh
 * memory is not free: every new page is faulted in and zeroed (on a virtual machine that can cost more
 * than the traversal itself), and large typed arrays are not pooled by the runtime.
 *
 * A node is "marked" when its entry equals the current epoch; a new epoch clears every mark in O(1).
 * Marks are bytes (the visited array of a million nodes stays 1 MB, as in the bare BFS), so once every
 * 255 epochs they are cleared for real. Queries run one at a time (JavaScript is single-threaded and
 * none of them yields); a query that nests traversals takes a fresh epoch for each.
 */
export interface Scratch {
  size: number;
  epoch: number;
  /** Visited marks. */
  mark: Uint8Array;
  /** Second mark array (blocked nodes in path search). */
  block: Uint8Array;
  /** BFS queue. */
  queue: Uint32Array;
  /** parent[i] = queue position of the node that discovered queue[i]; −1 for the start. */
  parent: Int32Array;
  /** A per-node int for the query's own use (local ids, edge types). */
  slot: Uint32Array;
  /** Word arrays for whole-graph passes (Tarjan's stacks), allocated on first use. */
  words: Uint32Array[];
}

/** The graph's scratch buffers, (re)allocated when the graph has grown past them. */
export function scratchFor(g: { n: number; alive: Uint8Array; scratch: Scratch | undefined }): Scratch {
  const current = g.scratch;
  if (current !== undefined && current.size >= g.n) return current;
  const size = Math.max(g.n, g.alive.length);
  const fresh: Scratch = {
    size,
    epoch: 0,
    mark: new Uint8Array(size),
    block: new Uint8Array(size),
    queue: new Uint32Array(size),
    parent: new Int32Array(size),
    slot: new Uint32Array(size),
    words: [],
  };
  g.scratch = fresh;
  return fresh;
}

/** A new epoch: every mark taken before is cleared. */
export function nextEpoch(s: Scratch): number {
  if (s.epoch === 255) {
    s.mark.fill(0);
    s.block.fill(0);
    s.epoch = 0;
  }
  return ++s.epoch;
}

/** `count` word arrays of at least `size` entries each, with unspecified contents. */
export function wordArrays(s: Scratch, count: number): Uint32Array[] {
  while (s.words.length < count) s.words.push(new Uint32Array(s.size));
  return s.words.slice(0, count);
}
