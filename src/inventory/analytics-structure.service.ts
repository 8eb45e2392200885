import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { concentration, effectiveProtection, explainProtection, pathsBetween, singlePointsOfFailure, PROTECTION_PROPERTIES, type ConcentrationEntry, type ProtectionResult } from './graph/index.ts';
import { graphEdgeTypes, namerFor, nodeOfId } from './analytics-kit.ts';
import type { TConcentration, TPaths, TPathsQuery, TProtection, TSinglePointsOfFailure } from './analytics.schema.ts';
import { fromGraphEdgeType } from './graph-codes.ts';
import { graphFor, memoized } from './graph-store.ts';
import { readInventoryHead } from './inventory-state.ts';
import type { DependencyType } from './vocabulary.ts';

const orNull = (level: number): number | null => (level > 0 ? level : null);

/**
 * Effective confidentiality, integrity and availability requirements of an asset: the highest of its own
 * and those of every primary asset that relies on it, with the chain that causes each. Computed for the
 * whole inventory once per inventory version.
 */
export async function computeProtection(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TProtection> {
  const [loaded, head] = await Promise.all([graphFor(store, access.orgId), readInventoryHead(store, access.orgId)]);
  const { graph } = loaded;
  const u = nodeOfId(loaded, id, 'asset');
  const result = memoized<ProtectionResult>(loaded, 'protection', () => effectiveProtection(graph));
  const paths = PROTECTION_PROPERTIES.map((property) => explainProtection(graph, result, u, property));
  const name = await namerFor(store, loaded, [u, ...paths.flat()]);
  const levelName = (level: number | null) => (level === null ? null : (head.scale.levels[level - 1]?.name ?? null));
  const of = (k: number) => {
    const property = PROTECTION_PROPERTIES[k]!;
    const own = orNull(graph[property][u]!);
    const effective = orNull(result[property].level[u]!);
    const path = paths[k]!;
    return { own, effective, levelName: levelName(effective), source: path.length > 0 ? name(path[path.length - 1]!) : null, path: path.map(name) };
  };
  return { asset: name(u), confidentiality: of(0), integrity: of(1), availability: of(2), inventoryVersion: loaded.version };
}

/**
 * Concentration risk: the external organizations and assets that the most primary assets rely on,
 * directly or not (ties broken by those assets' criticality).
 */
export async function computeConcentration(store: Store, access: Pick<OrgAccess, 'orgId'>, query: { topK: number; types?: DependencyType[] | undefined }): Promise<TConcentration> {
  const loaded = await graphFor(store, access.orgId);
  const key = `concentration:${query.topK}:${query.types?.join(',') ?? '*'}`;
  const result = memoized(loaded, key, () => concentration(loaded.graph, { topK: query.topK, edgeTypes: graphEdgeTypes(query.types) }));
  const name = await namerFor(store, loaded, [...result.organizations, ...result.assets].map((entry) => entry.node));
  const present = (entry: ConcentrationEntry) => ({ node: name(entry.node), primaryDependents: entry.primaryDependents, criticalitySum: entry.criticalitySum, criticalityMax: entry.criticalityMax });
  return { organizations: result.organizations.map(present), assets: result.assets.map(present), exhaustive: result.exhaustive, inventoryVersion: loaded.version };
}

/** The single points of failure of an asset's upstream (see graph/spof.ts for the definition). */
export async function computeSinglePointsOfFailure(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string, query: { types?: DependencyType[] | undefined }): Promise<TSinglePointsOfFailure> {
  const loaded = await graphFor(store, access.orgId);
  const result = singlePointsOfFailure(loaded.graph, nodeOfId(loaded, id, 'asset'), { edgeTypes: graphEdgeTypes(query.types) });
  const name = await namerFor(store, loaded, [result.service, ...result.points.map((point) => point.node)]);
  return {
    service: name(result.service),
    upstream: result.upstream,
    bottoms: result.bottoms,
    points: result.points.map((point) => ({ node: name(point.node), bottomsLost: point.bottomsLost, nodesLost: point.nodesLost })),
    inventoryVersion: loaded.version,
  };
}

/** The shortest simple paths from one node to another, following edges from source to target. */
export async function computePaths(store: Store, access: Pick<OrgAccess, 'orgId'>, query: TPathsQuery): Promise<TPaths> {
  const loaded = await graphFor(store, access.orgId);
  const from = nodeOfId(loaded, query.from, 'any');
  const to = nodeOfId(loaded, query.to, 'any');
  const paths = pathsBetween(loaded.graph, from, to, { edgeTypes: graphEdgeTypes(query.types), maxPaths: query.maxPaths, ...(query.maxDepth ? { maxDepth: query.maxDepth } : {}) });
  const name = await namerFor(store, loaded, [from, to, ...paths.flatMap((path) => path.nodes)]);
  return {
    from: name(from),
    to: name(to),
    paths: paths.map((path) => ({ nodes: path.nodes.map(name), types: path.edgeTypes.map(fromGraphEdgeType) })),
    inventoryVersion: loaded.version,
  };
}
