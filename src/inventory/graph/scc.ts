import { settle } from './compaction.ts';
import type { InventoryGraph } from './graph.ts';
import { scratchFor, wordArrays } from './scratch.ts';
import type { EdgeTypeMask } from './types.ts';

/**
 * Strongly connected components. Components are numbered in reverse topological order of the
 * condensation (sinks first): for an edge u→v between components, comp[u] > comp[v]. The members of
 * component c are order[start[c] .. start[c + 1]).
 */
export interface Components {
  count: number;
  comp: Uint32Array;
  order: Uint32Array;
  start: Uint32Array;
}

/** Discovery index of a node whose component is known: never below a lowlink, so it needs no test. */
const DONE = 0xffffffff;

/**
 * Tarjan's algorithm with an explicit call stack (no recursion: estates have a million nodes and
 * chains deeper than the JavaScript stack), over CSR arrays, following edges whose type is in mask.
 * As in Pearce's variant, a finished node's index is set to DONE instead of keeping an on-stack flag,
 * so an edge costs one random read. O(n + m) time; 3 words per node of output, and 5 words per node of
 * work space, taken from `work` when given (5 arrays of at least n entries, contents ignored).
 */
export function tarjan(
  n: number,
  offsets: Uint32Array,
  targets: Uint32Array,
  types: Uint8Array,
  mask: EdgeTypeMask,
  work: Uint32Array[] = Array.from({ length: 5 }, () => new Uint32Array(n)),
): Components {
  const [index, low, stack, callNode, callEdge] = work;
  if (callEdge === undefined || index === undefined || low === undefined || stack === undefined || callNode === undefined) {
    throw new RangeError('tarjan needs 5 work arrays');
  }
  index.fill(0, 0, n); // 0 = not visited yet, else 1-based discovery order; DONE once assigned
  const comp = new Uint32Array(n);
  const order = new Uint32Array(n);
  const start = new Uint32Array(n + 1);
  let sp = 0;
  let counter = 0;
  let count = 0;
  let filled = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== 0) continue;
    index[root] = low[root] = ++counter;
    stack[sp++] = root;
    callNode[0] = root;
    callEdge[0] = offsets[root]!;
    let csp = 1;
    while (csp > 0) {
      const top = csp - 1;
      const v = callNode[top]!;
      const end = offsets[v + 1]!;
      let e = callEdge[top]!;
      let descended = false;
      while (e < end) {
        const t = types[e]!;
        const w = targets[e]!;
        e++;
        if (((mask >>> t) & 1) === 0) continue;
        if (index[w] === 0) {
          callEdge[top] = e;
          index[w] = low[w] = ++counter;
          stack[sp++] = w;
          callNode[csp] = w;
          callEdge[csp] = offsets[w]!;
          csp++;
          descended = true;
          break;
        }
        if (index[w]! < low[v]!) low[v] = index[w]!;
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          comp[w] = count;
          index[w] = DONE;
          order[filled++] = w;
        } while (w !== v);
        start[++count] = filled;
      }
      csp--;
      if (csp > 0) {
        const p = callNode[csp - 1]!;
        if (low[v]! < low[p]!) low[p] = low[v]!;
      }
    }
  }
  return { count, comp, order, start: start.subarray(0, count + 1) };
}

/** Components of the whole graph over the edge types in mask (rebuilds the CSR first if it has pending additions). */
export function componentsOf(g: InventoryGraph, mask: EdgeTypeMask): Components {
  settle(g, true);
  const { base } = g;
  return tarjan(base.n, base.outOffsets, base.outTargets, base.outTypes, mask, wordArrays(scratchFor(g), 5));
}
