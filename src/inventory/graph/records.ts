import { allocateEdgeArrays } from './csr.ts';
import { allocateNodeColumns, createGraph, writeAttributes, type InventoryGraph } from './graph.ts';
import { edgeTypeCode, type EdgeType, type NodeAttributes } from './types.ts';

export interface NodeRecord extends NodeAttributes {
  id: string;
}
export interface EdgeRecord {
  from: string;
  to: string;
  type: EdgeType;
}

/** Convenience builder from plain records (tests, small tenants, the store layer's first load). */
export function graphFromRecords(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]): InventoryGraph {
  const n = nodes.length;
  const columns = allocateNodeColumns(n);
  nodes.forEach((node, u) => {
    columns.ids[u] = node.id;
    writeAttributes(columns, u, node);
  });
  const position = new Map(columns.ids.map((id, u) => [id, u]));
  const arrays = allocateEdgeArrays(edges.length);
  edges.forEach((edge, e) => {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (from === undefined || to === undefined) throw new Error(`edge ${edge.from}→${edge.to} names an unknown node`);
    arrays.src[e] = from;
    arrays.dst[e] = to;
    arrays.type[e] = edgeTypeCode(edge.type);
  });
  return createGraph(columns, arrays);
}
