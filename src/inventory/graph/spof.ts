import { forwardSubgraph, localDominators } from './dominators.ts';
import { assertNode, type InventoryGraph } from './graph.ts';
import { tarjan } from './scc.ts';
import { ALL_EDGE_TYPES, edgeTypeMask, type EdgeType } from './types.ts';

export interface SinglePointOfFailure {
  node: number;
  /** Bottom resources of the service (see singlePointsOfFailure) that every path to passes through it. */
  bottomsLost: number;
  /** Upstream nodes, itself included, that the service can no longer reach without it. */
  nodesLost: number;
  /**
   * Whether the node is itself (in) a bottom resource, i.e. a leaf need such as a site or a provider,
   * rather than a chokepoint that other needs sit behind.
   */
  isBottom: boolean;
}

export interface SpofResult {
  service: number;
  /** Nodes the service depends on, transitively (itself excluded). */
  upstream: number;
  /** Bottom resources: sinks of the upstream subgraph, or cycles with no way out. */
  bottoms: number;
  /** Most bottoms lost first, then most nodes lost; the first `limit` when a limit is given. */
  points: SinglePointOfFailure[];
}

export interface SpofOptions {
  edgeTypes?: readonly EdgeType[];
  /** Return at most this many points (the counts still cover all of them). */
  limit?: number;
}

/**
 * Single points of failure of `service`.
 *
 * Definition. Take the upstream subgraph (everything the service reaches over the chosen edge types)
 * and its bottom resources: the components, in the strongly-connected sense, with no dependency leading
 * out (a sink node such as a site or a cloud provider, or a cycle of mutual dependencies). Each bottom is
 * something the service needs (different bottoms: all of them); the paths to one bottom are
 * alternatives (any of them). A node v ≠ service is a single point of failure when some bottom can only
 * be reached through v, i.e. v dominates every node of that bottom in the forward graph rooted at the
 * service (v may be in the bottom itself, so a lone site every host runs in is one). Two hosts that both
 * lead to one site are redundant for it; two hosts that are bottoms themselves are two separate needs,
 * since the model has no redundancy groups to say otherwise.
 *
 * Computation: immediate dominators by Cooper–Harvey–Kennedy on the upstream subgraph, bottoms by Tarjan,
 * a bottom's common dominator as the nearest common ancestor of its members in the dominator tree, and
 * per-node counts summed up the tree. O(reach · passes) time, typically 2–3 passes.
 */
export function singlePointsOfFailure(g: InventoryGraph, service: number, options: SpofOptions = {}): SpofResult {
  assertNode(g, service);
  const local = forwardSubgraph(g, service, edgeTypeMask(options.edgeTypes));
  const r = local.n;
  const { idom, po, rpo } = localDominators(local);
  const cs = tarjan(r, local.outOffsets, local.outTargets, local.outTypes, ALL_EDGE_TYPES);
  const leadsOut = new Uint8Array(cs.count);
  for (let u = 0; u < r; u++) {
    for (let e = local.outOffsets[u]!, end = local.outOffsets[u + 1]!; e < end; e++) {
      if (cs.comp[local.outTargets[e]!] !== cs.comp[u]) leadsOut[cs.comp[u]!] = 1;
    }
  }
  const bottomsLost = new Uint32Array(r);
  const nodesLost = new Uint32Array(r).fill(1);
  let bottoms = 0;
  for (let c = 0; c < cs.count; c++) {
    if (leadsOut[c] === 1) continue;
    bottoms++;
    let common = cs.order[cs.start[c]!]!;
    for (let i = cs.start[c]! + 1; i < cs.start[c + 1]!; i++) {
      let b = cs.order[i]!;
      while (common !== b) {
        while (po[common]! < po[b]!) common = idom[common]!;
        while (po[b]! < po[common]!) b = idom[b]!;
      }
    }
    bottomsLost[common]!++;
  }
  // Reverse postorder puts every node after its immediate dominator: walking it backwards sums subtrees.
  for (let k = r - 1; k > 0; k--) {
    const v = rpo[k]!;
    const parent = idom[v]!;
    bottomsLost[parent]! += bottomsLost[v]!;
    nodesLost[parent]! += nodesLost[v]!;
  }
  const points: SinglePointOfFailure[] = [];
  for (let v = 1; v < r; v++) {
    if (bottomsLost[v] === 0) continue;
    const isBottom = leadsOut[cs.comp[v]!] === 0;
    points.push({ node: local.nodes[v]!, bottomsLost: bottomsLost[v]!, nodesLost: nodesLost[v]!, isBottom });
  }
  points.sort((a, b) => b.bottomsLost - a.bottomsLost || b.nodesLost - a.nodesLost || a.node - b.node);
  return { service, upstream: r - 1, bottoms, points: points.slice(0, options.limit ?? points.length) };
}
