import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { blastRadius, pathInReach, upstreamExposure, type Reach } from './graph/index.ts';
import { byDistanceThenName, graphEdgeTypes, namerFor, nodeOfId, type NodeExpectation } from './analytics-kit.ts';
import type { TBlastRadius, TTraversalQuery, TUpstream } from './analytics.schema.ts';
import { apiKindOf } from './graph-codes.ts';
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
