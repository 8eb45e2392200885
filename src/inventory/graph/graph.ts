import { buildCsr, type Csr, type EdgeArrays } from './csr.ts';
import type { Scratch } from './scratch.ts';
import { nodeKindCode, type EdgeTypeMask, type NodeAttributes } from './types.ts';

/** Node attributes as columns, one entry per dense node int. */
export interface NodeColumns {
  ids: readonly string[];
  kind: Uint8Array;
  isPrimary: Uint8Array;
  confidentiality: Uint8Array;
  integrity: Uint8Array;
  availability: Uint8Array;
  criticality: Uint8Array;
}

/** Zeroed node columns for `n` nodes (ids to be filled in), the one place that knows their layout. */
export function allocateNodeColumns(n: number): NodeColumns & { ids: string[] } {
  return {
    ids: new Array<string>(n),
    kind: new Uint8Array(n),
    isPrimary: new Uint8Array(n),
    confidentiality: new Uint8Array(n),
    integrity: new Uint8Array(n),
    availability: new Uint8Array(n),
    criticality: new Uint8Array(n),
  };
}

/**
 * Edges added since the last CSR build, per node as flat [neighbour, type, neighbour, type, …] lists.
 * Removed edges of the CSR are not listed here: they are overwritten in place with TOMBSTONE_TYPE.
 */
export interface Overlay {
  out: Map<number, number[]>;
  in: Map<number, number[]>;
  addedEdges: number;
  tombstones: number;
  /** Removed node slots, reused by addNode. */
  freeSlots: number[];
}

/**
 * The inventory graph: a CSR of both directions plus a small overlay of changes, node attributes in
 * typed arrays, and the index between external ids and dense ints. Build it with createGraph or
 * graphFromRecords, change it with the functions of delta.ts, query it with the analytics modules.
 * Dense ints are stable while a node exists; a removed node's int may be reused by a later addNode.
 */
export interface InventoryGraph {
  /** Node slots 0..n-1, removed ones included (alive[u] = 0). Attribute arrays may be longer. */
  n: number;
  kind: Uint8Array;
  isPrimary: Uint8Array;
  confidentiality: Uint8Array;
  integrity: Uint8Array;
  availability: Uint8Array;
  criticality: Uint8Array;
  alive: Uint8Array;
  /** External id per slot ('' for a removed slot). */
  ids: string[];
  index: Map<string, number>;
  /** Covers nodes 0..base.n-1; nodes added later have only overlay edges until the next rebuild. */
  base: Csr;
  overlay: Overlay;
  /** Incremented on every change. */
  version: number;
  /** Traversal buffers reused across queries (see scratch.ts); not part of the graph's value. */
  scratch: Scratch | undefined;
}

export function emptyOverlay(): Overlay {
  return { out: new Map(), in: new Map(), addedEdges: 0, tombstones: 0, freeSlots: [] };
}

/**
 * Builds a graph from columns and edge arrays in O(n + m). The columns are adopted, not copied.
 * @throws Error on a duplicate id; RangeError on an edge endpoint or type out of range
 */
export function createGraph(nodes: NodeColumns, edges: EdgeArrays, m: number = edges.src.length): InventoryGraph {
  const n = nodes.ids.length;
  const { kind, isPrimary, confidentiality, integrity, availability, criticality } = nodes;
  for (const column of [kind, isPrimary, confidentiality, integrity, availability, criticality]) {
    if (column.length < n) throw new RangeError('an attribute column is shorter than ids');
  }
  const index = new Map<string, number>();
  for (let u = 0; u < n; u++) {
    const id = nodes.ids[u]!;
    if (index.has(id)) throw new Error(`duplicate node id ${id}`);
    index.set(id, u);
  }
  return {
    n,
    kind,
    isPrimary,
    confidentiality,
    integrity,
    availability,
    criticality,
    alive: new Uint8Array(n).fill(1),
    ids: nodes.ids.slice(),
    index,
    base: buildCsr(n, edges, m),
    overlay: emptyOverlay(),
    version: 0,
    scratch: undefined,
  };
}

type AttributeColumns = Pick<NodeColumns, 'kind' | 'isPrimary' | 'confidentiality' | 'integrity' | 'availability' | 'criticality'>;

/** Writes the given attributes of node u; levels are clamped to 0..255. */
export function writeAttributes(columns: AttributeColumns, u: number, attrs: Partial<NodeAttributes>): void {
  if (attrs.kind !== undefined) {
    const code = nodeKindCode(attrs.kind);
    if (code < 0) throw new RangeError(`unknown node kind ${attrs.kind}`);
    columns.kind[u] = code;
  }
  if (attrs.isPrimary !== undefined) columns.isPrimary[u] = attrs.isPrimary ? 1 : 0;
  if (attrs.confidentiality !== undefined) columns.confidentiality[u] = clampLevel(attrs.confidentiality);
  if (attrs.integrity !== undefined) columns.integrity[u] = clampLevel(attrs.integrity);
  if (attrs.availability !== undefined) columns.availability[u] = clampLevel(attrs.availability);
  if (attrs.criticality !== undefined) columns.criticality[u] = clampLevel(attrs.criticality);
}

function clampLevel(level: number): number {
  return Math.max(0, Math.min(255, Math.trunc(level)));
}

/** The dense int of an external id. @throws RangeError when the id is unknown */
export function nodeOf(g: InventoryGraph, id: string): number {
  const u = g.index.get(id);
  if (u === undefined) throw new RangeError(`unknown node ${id}`);
  return u;
}

/** @throws RangeError unless u is a live node of g */
export function assertNode(g: InventoryGraph, u: number): void {
  if (!Number.isInteger(u) || u < 0 || u >= g.n || g.alive[u] !== 1) throw new RangeError(`no node ${u}`);
}

export type Direction = 'out' | 'in';

/**
 * Calls visit(v, typeCode) for each edge of u in the given direction whose type is in mask, overlay
 * included. For the non-hot queries; the BFS kernels inline the same loops.
 */
export function forEachNeighbor(
  g: InventoryGraph,
  u: number,
  direction: Direction,
  mask: EdgeTypeMask,
  visit: (v: number, type: number) => void,
): void {
  const base = g.base;
  if (u < base.n) {
    const offsets = direction === 'out' ? base.outOffsets : base.inOffsets;
    const ends = direction === 'out' ? base.outTargets : base.inSources;
    const types = direction === 'out' ? base.outTypes : base.inTypes;
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const t = types[e]!;
      if ((mask >>> t) & 1) visit(ends[e]!, t);
    }
  }
  const extra = (direction === 'out' ? g.overlay.out : g.overlay.in).get(u);
  if (extra !== undefined) {
    for (let i = 0; i < extra.length; i += 2) {
      const t = extra[i + 1]!;
      if ((mask >>> t) & 1) visit(extra[i]!, t);
    }
  }
}
