import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { blastRadius, edgeTypeMask, edgeTypeName, forEachNeighbor, pathInReach, upstreamExposure, type Reach } from './graph/index.ts';
import { byDistanceThenName, graphEdgeTypes, namerFor, nodeOfId, type NodeExpectation } from './analytics-kit.ts';
import type { TBlastRadius, TNeighbourhood, TNeighbourhoodQuery, TTraversalQuery, TUpstream } from './analytics.schema.ts';
import { apiKindOf, fromGraphEdgeType } from './graph-codes.ts';
import { graphFor, type LoadedGraph } from './graph-store.ts';
import { categoryOf } from './vocabulary.ts';

/** The reached nodes (start excluded, nearest first, at most `limit`) as response items. */
async function itemsOf(store: Store, loaded: LoadedGraph, reach: Reach, limit: number) {
  const count = Math.min(reach.nodes.length - 1, limit);
  const picked = Array.from({ length: count }, (_, k) => k + 1);
  const name = await namerFor(store, loaded, [reach.start, ...picked.map((i) => reach.nodes[i]!), ...picked.map((i) => reach.nodes[reach.parent[i]!]!)]);
  const items = picked.map((i) => {
    const node = name(reach.nodes[i]!);
    return {
      node,
      category: node.kind === 'organization' ? null : categoryOf(node.kind),
      distance: reach.distance[i]!,
      via: name(reach.nodes[reach.parent[i]!]!).id,
    };
  });
  items.sort(byDistanceThenName);
  return { start: name(reach.start), total: reach.nodes.length - 1, items, truncated: count < reach.nodes.length - 1, inventoryVersion: loaded.version, name };
}

/**
 * What is affected when the start (an asset, or an external organization: "what breaks if this cloud
 * provider fails") fails or is compromised: everything that relies on it, directly or transitively,
 * with the distance and the neighbour back toward the start.
 */
export async function computeBlastRadius(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string, query: TTraversalQuery, expect: NodeExpectation): Promise<TBlastRadius> {
  const loaded = await graphFor(store, access.orgId);
  const { graph } = loaded;
  const reach = blastRadius(graph, nodeOfId(loaded, id, expect), { edgeTypes: graphEdgeTypes(query.types), ...(query.maxDepth ? { maxDepth: query.maxDepth } : {}) });
  const { name: _name, ...result } = await itemsOf(store, loaded, reach, query.limit);
  let primaryAffected = 0;
  const byKind: Record<string, number> = {};
  for (let i = 1; i < reach.nodes.length; i++) {
    const u = reach.nodes[i]!;
    primaryAffected += graph.isPrimary[u]!;
    const kind = apiKindOf(graph.kind[u]!);
    byKind[kind] = (byKind[kind] ?? 0) + 1;
  }
  return { ...result, primaryAffected, byKind };
}

/**
 * The supply-chain view of an asset: everything it relies on, directly or transitively, and among those
 * the external organizations with their tier (1 = a direct third party, 2 = a fourth party…) and the
 * chain from the asset to each.
 */
export async function computeUpstream(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string, query: TTraversalQuery): Promise<TUpstream> {
  const loaded = await graphFor(store, access.orgId);
  const exposure = upstreamExposure(loaded.graph, nodeOfId(loaded, id, 'asset'), { edgeTypes: graphEdgeTypes(query.types), ...(query.maxDepth ? { maxDepth: query.maxDepth } : {}) });
  const { name: _name, ...result } = await itemsOf(store, loaded, exposure, query.limit);
  const paths = exposure.organizations.map((entry) => pathInReach(exposure, entry.node));
  const name = await namerFor(store, loaded, paths.flat());
  const organizations = exposure.organizations.map((entry, k) => ({ node: name(entry.node), distance: entry.distance, tier: entry.tier, path: paths[k]!.map(name) }));
  organizations.sort(byDistanceThenName);
  return { ...result, organizations };
}

/**
 * An asset's neighbourhood for drawing: what relies on it and what it relies on, to `maxDepth` hops each
 * way, nearest first up to `limit` nodes, and every edge between two of them (the graph view shows more
 * than the shortest-path trees the two traversals give).
 */
export async function computeNeighbourhood(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string, query: TNeighbourhoodQuery): Promise<TNeighbourhood> {
  const loaded = await graphFor(store, access.orgId);
  const { graph } = loaded;
  const start = nodeOfId(loaded, id, 'asset');
  const edgeTypes = graphEdgeTypes(query.types);
  const options = { ...(edgeTypes ? { edgeTypes } : {}), maxDepth: query.maxDepth };
  const blast = blastRadius(graph, start, options);
  const upstream = upstreamExposure(graph, start, options);
  const distances = new Map<number, { blast: number | null; upstream: number | null }>();
  blast.nodes.forEach((u, i) => distances.set(u, { blast: blast.distance[i]!, upstream: null }));
  upstream.nodes.forEach((u, i) => {
    const known = distances.get(u);
    if (known) known.upstream = upstream.distance[i]!;
    else distances.set(u, { blast: null, upstream: upstream.distance[i]! });
  });
  const nearest = (d: { blast: number | null; upstream: number | null }): number => Math.min(d.blast ?? Infinity, d.upstream ?? Infinity);
  const ordered = [...distances.entries()].sort((a, b) => nearest(a[1]) - nearest(b[1]) || a[0] - b[0]);
  const kept = ordered.slice(0, query.limit);
  const inView = new Set(kept.map(([u]) => u));
  const mask = edgeTypeMask(edgeTypes);
  const edges: { source: number; target: number; type: number }[] = [];
  for (const u of inView) forEachNeighbor(graph, u, 'out', mask, (v, type) => inView.has(v) && edges.push({ source: u, target: v, type }));
  // Copy ids before the namer's await (the graph may be patched meanwhile; see namerFor).
  const edgeIds = edges.map((edge) => ({ sourceId: graph.ids[edge.source]!, targetId: graph.ids[edge.target]!, type: fromGraphEdgeType(edgeTypeName(edge.type)) }));
  const name = await namerFor(store, loaded, inView);
  const nodes = kept.map(([u, d]) => {
    const node = name(u);
    return { node, category: node.kind === 'organization' ? null : categoryOf(node.kind), blastDistance: d.blast, upstreamDistance: d.upstream, distance: nearest(d) };
  });
  nodes.sort(byDistanceThenName);
  return { start: name(start), nodes: nodes.map(({ distance: _distance, ...node }) => node), edges: edgeIds, total: distances.size, truncated: kept.length < distances.size, inventoryVersion: loaded.version };
}
