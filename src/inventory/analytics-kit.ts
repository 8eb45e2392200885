import type { Store } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { ORGANIZATION_KIND, type EdgeType } from './graph/index.ts';
import { apiKindOf, toGraphEdgeType } from './graph-codes.ts';
import type { LoadedGraph } from './graph-store.ts';
import { resolveNodes } from './dependency-nodes.ts';
import type { TNodeRef } from './inventory.schema.ts';
import type { DependencyType } from './vocabulary.ts';

export type NodeExpectation = 'asset' | 'organization' | 'any';

/**
 * The graph node of an id from the path or query. An id of another tenant is not in this tenant's graph,
 * so it is a 404 exactly like an id that exists nowhere.
 */
export function nodeOfId(loaded: LoadedGraph, id: string, expect: NodeExpectation): number {
  const u = loaded.graph.index.get(id);
  const isOrganization = u !== undefined && loaded.graph.kind[u] === ORGANIZATION_KIND;
  if (u === undefined || (expect === 'asset' && isOrganization) || (expect === 'organization' && !isOrganization)) {
    throw notFound(expect === 'asset' ? 'Asset' : expect === 'organization' ? 'External organization' : 'Asset or external organization');
  }
  return u;
}

export const graphEdgeTypes = (types: readonly DependencyType[] | undefined): EdgeType[] | undefined => types?.map(toGraphEdgeType);

/**
 * Names the given graph nodes from the store (names are not kept in the graph). A node deleted after the
 * graph was loaded keeps its id and kind, named "(deleted)". Ids and kinds are read before the await: a
 * later request may patch the shared graph meanwhile (graph-refresh.ts) and reuse a freed node number.
 */
export async function namerFor(store: Store, loaded: LoadedGraph, nodes: Iterable<number>): Promise<(u: number) => TNodeRef> {
  const { graph } = loaded;
  const seen = new Map<number, { id: string; kind: TNodeRef['kind'] }>();
  for (const u of nodes) if (!seen.has(u)) seen.set(u, { id: graph.ids[u]!, kind: apiKindOf(graph.kind[u]!) });
  const found = await resolveNodes(store.db, loaded.orgId, Array.from(seen.values(), (node) => node.id));
  return (u) => {
    const known = seen.get(u);
    if (!known) throw new Error(`node ${u} was not named`);
    const node = found.get(known.id);
    return node ? { id: known.id, name: node.name, kind: node.kind } : { id: known.id, name: '(deleted)', kind: known.kind };
  };
}

/** Orders by distance, then name (case-insensitive), then id. */
export function byDistanceThenName<T extends { distance: number; node: TNodeRef }>(a: T, b: T): number {
  return a.distance - b.distance || a.node.name.toLowerCase().localeCompare(b.node.name.toLowerCase()) || a.node.id.localeCompare(b.node.id);
}
