import { SKETCH_SIZE, estimatePrimaryDependents } from './dependents-sketch.ts';
import type { InventoryGraph } from './graph.ts';
import { componentsOf, type Components } from './scc.ts';
import { ORGANIZATION_KIND, edgeTypeMask, type EdgeType } from './types.ts';

/**
 * Candidates counted per pass over the edges: up to 512 bits = 16 words per component. A pass is bound
 * by its random reads, which cost the same for 1 word or 16, so fewer passes win over a smaller buffer.
 */
const BATCH = 512;

export interface ConcentrationEntry {
  node: number;
  /** Primary assets that depend on the node, directly or transitively (the node itself excluded). */
  primaryDependents: number;
  /** Sum and maximum of those primary assets' criticality. */
  criticalitySum: number;
  criticalityMax: number;
}

export interface ConcentrationResult {
  /** Top outside organizations with at least one primary dependent; every organization is counted exactly. */
  organizations: ConcentrationEntry[];
  /** Top assets among the candidates, counted exactly. */
  assets: ConcentrationEntry[];
  /** Whether every asset was a candidate (graphs below `exhaustiveBelow` nodes): then `assets` is exact. */
  exhaustive: boolean;
  /** How many nodes were counted exactly (organizations + asset candidates). */
  evaluated: number;
}

export interface ConcentrationOptions {
  /** Entries per list. Default 20. */
  topK?: number;
  edgeTypes?: readonly EdgeType[];
  /** Count every asset exactly below this many nodes. Default 4096. */
  exhaustiveBelow?: number;
  /** Asset candidates per requested entry on large graphs. Default 4. */
  candidateFactor?: number;
}

/**
 * Concentration risk: outside organizations and assets ranked by how many primary assets depend on
 * them, transitively, then by the sum and the maximum of those assets' criticality.
 *
 * Candidates: every organization, and every asset when the graph is small; on a large graph, the
 * candidateFactor·topK assets with the most primary dependents by a min-hash estimate (see
 * dependents-sketch.ts), which unlike in-degree sees dependents several hops away.
 * Exact counts: rather than one reverse traversal per candidate (O(K·(n + m))), each component of the
 * condensation carries a bit set of the candidates it reaches, OR-ed in from its dependencies in
 * reverse topological order; every primary asset then credits the candidates in its set.
 * O((n + m)·⌈K/32⌉) time for K candidates, processed 512 at a time (16 words per component).
 */
export function concentration(g: InventoryGraph, options: ConcentrationOptions = {}): ConcentrationResult {
  const topK = options.topK ?? 20;
  const mask = edgeTypeMask(options.edgeTypes);
  const cs = componentsOf(g, mask);
  const organizations: number[] = [];
  for (let u = 0; u < g.n; u++) if (g.alive[u] === 1 && g.kind[u] === ORGANIZATION_KIND) organizations.push(u);
  const exhaustive = g.n < (options.exhaustiveBelow ?? 4096);
  // One buffer for the sketch and then the bit sets: fresh pages cost more than the passes over them.
  const most = organizations.length + (exhaustive ? g.n : topK * (options.candidateFactor ?? 4));
  const words = Math.min(BATCH, most + 31) >>> 5;
  const buffer = new Uint32Array(cs.count * Math.max(exhaustive ? 0 : SKETCH_SIZE, words));
  const assets = exhaustive
    ? allAssets(g)
    : assetCandidates(g, cs, estimatePrimaryDependents(g, cs, mask, SKETCH_SIZE, buffer), topK * (options.candidateFactor ?? 4));
  const candidates = Uint32Array.from([...organizations, ...assets]);
  const entries = countPrimaryDependents(g, cs, mask, candidates, buffer);
  return {
    organizations: rank(entries.slice(0, organizations.length), topK),
    assets: rank(entries.slice(organizations.length), topK),
    exhaustive,
    evaluated: entries.length,
  };
}

function allAssets(g: InventoryGraph): number[] {
  const assets: number[] = [];
  for (let u = 0; u < g.n; u++) if (g.alive[u] === 1 && g.kind[u] !== ORGANIZATION_KIND) assets.push(u);
  return assets;
}

/** The `size` live assets with the highest estimate (ties to the lower int), via a bounded min-heap. */
function assetCandidates(g: InventoryGraph, cs: Components, estimate: Float64Array, size: number): number[] {
  const heap: number[] = [];
  const score = (u: number): number => estimate[cs.comp[u]!]!;
  const worse = (a: number, b: number): boolean => score(a) < score(b) || (score(a) === score(b) && a > b);
  for (let u = 0; u < g.n; u++) {
    if (g.alive[u] !== 1 || g.kind[u] === ORGANIZATION_KIND || score(u) === 0) continue;
    if (heap.length < size) {
      heap.push(u);
      siftUp(heap, heap.length - 1, worse);
    } else if (size > 0 && worse(heap[0]!, u)) {
      heap[0] = u;
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort((a, b) => a - b);
}

function siftUp(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(heap[i]!, heap[p]!)) return;
    [heap[i], heap[p]] = [heap[p]!, heap[i]!];
    i = p;
  }
}

function siftDown(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    let least = i;
    for (const child of [2 * i + 1, 2 * i + 2]) {
      if (child < heap.length && worse(heap[child]!, heap[least]!)) least = child;
    }
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least]!, heap[i]!];
    i = least;
  }
}

/**
 * Exact primary-dependent figures of each candidate, by bit sets over the condensation (see concentration).
 * @param buffer reused for the bit sets when given (at least count·min(16, ⌈K/32⌉) words)
 */
export function countPrimaryDependents(
  g: InventoryGraph,
  cs: Components,
  mask: number,
  candidates: Uint32Array,
  buffer: Uint32Array = new Uint32Array(cs.count * (Math.min(BATCH, candidates.length + 31) >>> 5)),
): ConcentrationEntry[] {
  const { count, comp, order, start } = cs;
  const { outOffsets, outTargets, outTypes } = g.base;
  const entries: ConcentrationEntry[] = Array.from(candidates, (node) => ({
    node,
    primaryDependents: 0,
    criticalitySum: 0,
    criticalityMax: 0,
  }));
  const primaries: number[] = [];
  for (let u = 0; u < g.n; u++) if (g.alive[u] === 1 && g.isPrimary[u] === 1) primaries.push(u);
  for (let first = 0; first < candidates.length; first += BATCH) {
    const size = Math.min(BATCH, candidates.length - first);
    const words = (size + 31) >>> 5;
    const bits = buffer.subarray(0, count * words).fill(0);
    // Whether a component reaches any candidate of the batch: a byte read skips the many empty rows.
    const reachesAny = new Uint8Array(count);
    for (let j = 0; j < size; j++) {
      const c = comp[candidates[first + j]!]!;
      bits[c * words + (j >>> 5)]! |= 1 << (j & 31);
      reachesAny[c] = 1;
    }
    // Sinks first: a component's dependencies are complete before it is read.
    for (let c = 0; c < count; c++) {
      const row = c * words;
      for (let i = start[c]!, last = start[c + 1]!; i < last; i++) {
        const v = order[i]!;
        for (let e = outOffsets[v]!, end = outOffsets[v + 1]!; e < end; e++) {
          if (((mask >>> outTypes[e]!) & 1) === 0) continue;
          const other = comp[outTargets[e]!]!;
          if (other === c || reachesAny[other] === 0) continue;
          reachesAny[c] = 1;
          const from = other * words;
          for (let w = 0; w < words; w++) bits[row + w]! |= bits[from + w]!;
        }
      }
    }
    for (const p of primaries) {
      const row = comp[p]! * words;
      const criticality = g.criticality[p]!;
      for (let w = 0; w < words; w++) {
        let word = bits[row + w]!;
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          word &= word - 1;
          const entry = entries[first + (w << 5) + bit]!;
          if (entry.node === p) continue;
          entry.primaryDependents++;
          entry.criticalitySum += criticality;
          if (criticality > entry.criticalityMax) entry.criticalityMax = criticality;
        }
      }
    }
  }
  return entries;
}

function rank(entries: ConcentrationEntry[], topK: number): ConcentrationEntry[] {
  return entries
    .filter((entry) => entry.primaryDependents > 0)
    .sort(
      (a, b) =>
        b.primaryDependents - a.primaryDependents ||
        b.criticalitySum - a.criticalitySum ||
        b.criticalityMax - a.criticalityMax ||
        a.node - b.node,
    )
    .slice(0, topK);
}
