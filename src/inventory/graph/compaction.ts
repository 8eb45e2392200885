import { buildCsr, type EdgeArrays } from './csr.ts';
import { emptyOverlay, type InventoryGraph } from './graph.ts';
import { TOMBSTONE_TYPE } from './types.ts';

/** Live edges as arrays (base minus tombstones, plus overlay). */
export function liveEdges(g: InventoryGraph): EdgeArrays & { m: number } {
  const base = g.base;
  const total = base.m - g.overlay.tombstones + g.overlay.addedEdges;
  const src = new Uint32Array(total);
  const dst = new Uint32Array(total);
  const type = new Uint8Array(total);
  let m = 0;
  for (let u = 0; u < base.n; u++) {
    for (let e = base.outOffsets[u]!, end = base.outOffsets[u + 1]!; e < end; e++) {
      const t = base.outTypes[e]!;
      if (t === TOMBSTONE_TYPE) continue;
      src[m] = u;
      dst[m] = base.outTargets[e]!;
      type[m++] = t;
    }
  }
  for (const [u, list] of g.overlay.out) {
    for (let i = 0; i < list.length; i += 2) {
      src[m] = u;
      dst[m] = list[i]!;
      type[m++] = list[i + 1]!;
    }
  }
  if (m !== total) throw new Error(`graph bookkeeping is off: ${m} live edges, expected ${total}`);
  return { src, dst, type, m };
}

/** Rebuilds the CSR from the live edges and empties the overlay (freed slots stay free). O(n + m). */
export function compact(g: InventoryGraph): void {
  const edges = liveEdges(g);
  g.base = buildCsr(g.n, edges, edges.m);
  g.overlay = { ...emptyOverlay(), freeSlots: g.overlay.freeSlots };
}

/** The overlay size above which the next query rebuilds the CSR: 1/8 of the edges, at least 1024. */
export function rebuildThreshold(g: InventoryGraph): number {
  return Math.max(1024, g.base.m >>> 3);
}

/**
 * Called by every query before it reads: rebuilds when the overlay has grown past the threshold, or
 * when `full` and the overlay has anything a whole-graph pass would have to merge (those passes are
 * O(n + m) anyway, so one rebuild does not change their order).
 */
export function settle(g: InventoryGraph, full = false): void {
  const { overlay, base } = g;
  const pending = overlay.addedEdges + overlay.tombstones + (g.n - base.n);
  if (pending > rebuildThreshold(g) || (full && (overlay.addedEdges > 0 || base.n !== g.n))) compact(g);
}

/** Number of live edges. */
export function edgeCount(g: InventoryGraph): number {
  return g.base.m - g.overlay.tombstones + g.overlay.addedEdges;
}
