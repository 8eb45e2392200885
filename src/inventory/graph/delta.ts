/**
 * Incremental changes, called by the store layer when assets and relationships change.
 *
 * Design: the CSR is immutable in shape. A removed edge is overwritten in place with TOMBSTONE_TYPE in
 * both directions (found by scanning the endpoints' rows, O(degree)), so traversals skip it through their
 * edge-type mask at no extra cost. An added edge goes to the overlay (per-node lists in both directions),
 * which traversals read after the CSR row. A new node takes a freed slot or a slot past the CSR, which
 * has overlay edges only. When the overlay outgrows rebuildThreshold (1/8 of the edges), the next query
 * rebuilds the CSR in O(n + m) (see settle in graph.ts); whole-graph passes rebuild first whenever the
 * overlay has added edges. So a change costs O(degree), a query after a few changes costs a few map
 * look-ups more, and a bulk import costs one rebuild.
 */
import { assertNode, forEachNeighbor, nodeOf, writeAttributes, type InventoryGraph } from './graph.ts';
import type { EdgeRecord } from './records.ts';
import { ALL_EDGE_TYPES, TOMBSTONE_TYPE, edgeTypeCode, type NodeAttributes } from './types.ts';

/** Adds a node and returns its dense int. @throws Error when the id exists */
export function addNode(g: InventoryGraph, id: string, attributes: NodeAttributes): number {
  if (g.index.has(id)) throw new Error(`node ${id} already exists`);
  let u = g.overlay.freeSlots.pop();
  if (u === undefined) {
    u = g.n;
    ensureCapacity(g, u + 1);
    g.n = u + 1;
    g.ids.push(id);
  } else {
    g.ids[u] = id;
  }
  g.alive[u] = 1;
  writeAttributes(g, u, { isPrimary: false, confidentiality: 0, integrity: 0, availability: 0, criticality: 0 });
  writeAttributes(g, u, attributes);
  g.index.set(id, u);
  g.version++;
  return u;
}

/** Removes every edge touching a node, both ways; the node stays. @throws RangeError when the id is unknown */
export function clearEdges(g: InventoryGraph, id: string): void {
  const u = nodeOf(g, id);
  const outgoing: number[] = [];
  const incoming: number[] = [];
  forEachNeighbor(g, u, 'out', ALL_EDGE_TYPES, (v, t) => outgoing.push(v, t));
  forEachNeighbor(g, u, 'in', ALL_EDGE_TYPES, (v, t) => incoming.push(v, t));
  for (let i = 0; i < outgoing.length; i += 2) deleteEdge(g, u, outgoing[i]!, outgoing[i + 1]!);
  for (let i = 0; i < incoming.length; i += 2) deleteEdge(g, incoming[i]!, u, incoming[i + 1]!);
  if (outgoing.length + incoming.length > 0) g.version++;
}

/** Removes a node and every edge touching it. @throws RangeError when the id is unknown */
export function removeNode(g: InventoryGraph, id: string): void {
  const u = nodeOf(g, id);
  clearEdges(g, id);
  writeAttributes(g, u, { isPrimary: false, confidentiality: 0, integrity: 0, availability: 0, criticality: 0 });
  g.kind[u] = 0;
  g.alive[u] = 0;
  g.ids[u] = '';
  g.index.delete(id);
  g.overlay.freeSlots.push(u);
  g.version++;
}

/** Adds the edge unless it exists. Returns whether it was added. @throws RangeError on an unknown id */
export function addEdge(g: InventoryGraph, edge: EdgeRecord): boolean {
  const u = nodeOf(g, edge.from);
  const v = nodeOf(g, edge.to);
  const t = edgeTypeCode(edge.type);
  if (t < 0) throw new RangeError(`unknown edge type ${edge.type}`);
  if (hasEdge(g, u, v, t)) return false;
  appendTo(g.overlay.out, u, v, t);
  appendTo(g.overlay.in, v, u, t);
  g.overlay.addedEdges++;
  g.version++;
  return true;
}

/** Removes the edge (every copy, should the initial load have had duplicates). Returns whether it existed. */
export function removeEdge(g: InventoryGraph, edge: EdgeRecord): boolean {
  const u = nodeOf(g, edge.from);
  const v = nodeOf(g, edge.to);
  const t = edgeTypeCode(edge.type);
  let removed = false;
  while (deleteEdge(g, u, v, t)) removed = true;
  if (removed) g.version++;
  return removed;
}

/** Overwrites the given attributes of a node; omitted ones keep their value. */
export function setAttributes(g: InventoryGraph, id: string, attributes: Partial<NodeAttributes>): void {
  writeAttributes(g, nodeOf(g, id), attributes);
  g.version++;
}

export type GraphChange =
  | { op: 'addNode'; id: string; attributes: NodeAttributes }
  | { op: 'removeNode'; id: string }
  | { op: 'addEdge'; edge: EdgeRecord }
  | { op: 'removeEdge'; edge: EdgeRecord }
  | { op: 'setAttributes'; id: string; attributes: Partial<NodeAttributes> };

/** Applies changes in order (a store transaction's worth). Stops at the first failing change. */
export function applyChanges(g: InventoryGraph, changes: Iterable<GraphChange>): void {
  for (const change of changes) {
    switch (change.op) {
      case 'addNode':
        addNode(g, change.id, change.attributes);
        break;
      case 'removeNode':
        removeNode(g, change.id);
        break;
      case 'addEdge':
        addEdge(g, change.edge);
        break;
      case 'removeEdge':
        removeEdge(g, change.edge);
        break;
      case 'setAttributes':
        setAttributes(g, change.id, change.attributes);
        break;
    }
  }
}

/** Whether the live edge u→v of type code t exists. O(out-degree of u). */
export function hasEdge(g: InventoryGraph, u: number, v: number, t: number): boolean {
  assertNode(g, u);
  const base = g.base;
  if (u < base.n) {
    for (let e = base.outOffsets[u]!, end = base.outOffsets[u + 1]!; e < end; e++) {
      if (base.outTargets[e] === v && base.outTypes[e] === t) return true;
    }
  }
  return indexOfPair(g.overlay.out.get(u), v, t) >= 0;
}

/** Deletes one copy of u→v (type t), overlay first. Returns whether there was one. */
function deleteEdge(g: InventoryGraph, u: number, v: number, t: number): boolean {
  const { overlay, base } = g;
  if (removePair(overlay.out, u, v, t)) {
    removePair(overlay.in, v, u, t);
    overlay.addedEdges--;
    return true;
  }
  if (u >= base.n || v >= base.n) return false;
  let outAt = -1;
  for (let e = base.outOffsets[u]!, end = base.outOffsets[u + 1]!; e < end && outAt < 0; e++) {
    if (base.outTargets[e] === v && base.outTypes[e] === t) outAt = e;
  }
  if (outAt < 0) return false;
  base.outTypes[outAt] = TOMBSTONE_TYPE;
  for (let e = base.inOffsets[v]!, end = base.inOffsets[v + 1]!; e < end; e++) {
    if (base.inSources[e] === u && base.inTypes[e] === t) {
      base.inTypes[e] = TOMBSTONE_TYPE;
      break;
    }
  }
  overlay.tombstones++;
  return true;
}

function appendTo(lists: Map<number, number[]>, u: number, v: number, t: number): void {
  const list = lists.get(u);
  if (list === undefined) lists.set(u, [v, t]);
  else list.push(v, t);
}

function indexOfPair(list: number[] | undefined, v: number, t: number): number {
  if (list === undefined) return -1;
  for (let i = 0; i < list.length; i += 2) if (list[i] === v && list[i + 1] === t) return i;
  return -1;
}

function removePair(lists: Map<number, number[]>, u: number, v: number, t: number): boolean {
  const list = lists.get(u);
  const at = indexOfPair(list, v, t);
  if (list === undefined || at < 0) return false;
  list.splice(at, 2);
  if (list.length === 0) lists.delete(u);
  return true;
}

function ensureCapacity(g: InventoryGraph, size: number): void {
  if (g.alive.length >= size) return;
  const capacity = Math.max(size, Math.ceil(g.alive.length * 1.5), 16);
  const grow = (a: Uint8Array): Uint8Array => {
    const b = new Uint8Array(capacity);
    b.set(a);
    return b;
  };
  g.kind = grow(g.kind);
  g.isPrimary = grow(g.isPrimary);
  g.confidentiality = grow(g.confidentiality);
  g.integrity = grow(g.integrity);
  g.availability = grow(g.availability);
  g.criticality = grow(g.criticality);
  g.alive = grow(g.alive);
}
