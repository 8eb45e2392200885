import { traverse, type Reach } from './bfs.ts';
import { assertNode, type InventoryGraph } from './graph.ts';
import { ORGANIZATION_KIND, edgeTypeMask, type TraversalOptions } from './types.ts';

/**
 * Everything affected when `start` is compromised or unavailable: the nodes that depend on it, directly
 * or transitively (breadth-first over the reverse graph), with their distance. `start` is included at
 * distance 0. pathInReach(result, x) gives [start, …, x], where each node depends on the one before it.
 * @example blastRadius(g, nodeOf(g, cloudRegionId), { edgeTypes: ['runs_on', 'provided_by'] })
 */
export function blastRadius(g: InventoryGraph, start: number, options: TraversalOptions = {}): Reach {
  assertNode(g, start);
  return traverse(g, start, 'in', edgeTypeMask(options.edgeTypes), options.maxDepth);
}

export interface OrganizationExposure {
  node: number;
  distance: number;
  /**
   * Outside organizations on the traversal path from the start up to and including this one: 1 for a
   * direct (third-party) provider of something the start relies on, 2 for a provider of a provider
   * (fourth party), and so on. Counted along the breadth-first path, i.e. one of the shortest.
   */
  tier: number;
}

export type UpstreamExposure = Reach & {
  /** The outside organizations reached, in visiting order. */
  organizations: OrganizationExposure[];
  /** The same organizations grouped by tier: byTier[0] are tier 1. */
  byTier: number[][];
};

/**
 * Everything `start` depends on, directly or transitively (breadth-first over the forward graph), with
 * distance, and the outside organizations among them grouped by tier. `start` is included at distance 0.
 * pathInReach(result, x) gives [start, …, x], where each node depends on the next.
 */
export function upstreamExposure(g: InventoryGraph, start: number, options: TraversalOptions = {}): UpstreamExposure {
  assertNode(g, start);
  const reach = traverse(g, start, 'out', edgeTypeMask(options.edgeTypes), options.maxDepth);
  const { nodes, parent } = reach;
  const { kind } = g;
  const organization = ORGANIZATION_KIND;
  const organizations: OrganizationExposure[] = [];
  const byTier: number[][] = [];
  for (let i = 1; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (kind[node] !== organization) continue;
    let tier = 0;
    for (let j = i; j > 0; j = parent[j]!) if (kind[nodes[j]!] === organization) tier++;
    organizations.push({ node, distance: reach.distanceAt(i), tier });
    while (byTier.length < tier) byTier.push([]);
    byTier[tier - 1]!.push(node);
  }
  return Object.assign(reach, { organizations, byTier });
}
