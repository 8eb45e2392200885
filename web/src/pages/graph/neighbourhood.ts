import type { GraphEdge, GraphNode, Neighbourhood, NeighbourhoodAnswer, NodeKind } from './graph-types';

/** More nodes than this are left out (farthest first): the canvas stays responsive and the page says so. */
export const NODE_CAP = 2000;

const PRIMARY_KINDS: ReadonlySet<NodeKind> = new Set(['information', 'business-process']);
export const isPrimaryKind = (kind: NodeKind): boolean => PRIMARY_KINDS.has(kind);

/**
 * The server's neighbourhood (nodes with their distance each way, every edge between them) as the graph and the
 * table show it. A node sits on the side it is nearer to (blast radius on a tie); `via` is a neighbour one hop
 * nearer the focus on that side, found among the edges.
 */
export function buildNeighbourhood(answer: NeighbourhoodAnswer): Neighbourhood {
  const focusId = answer.start.id;
  const nodes: GraphNode[] = answer.nodes.map((entry) => {
    const isFocus = entry.node.id === focusId;
    const blast = entry.blastDistance;
    const upstream = entry.upstreamDistance;
    const side = isFocus ? 'focus' : upstream === null || (blast !== null && blast <= upstream) ? 'blast' : 'upstream';
    return { ...entry.node, isPrimary: isPrimaryKind(entry.node.kind), side, blastDistance: isFocus ? 0 : blast, upstreamDistance: isFocus ? 0 : upstream, via: null };
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges: GraphEdge[] = answer.edges.map((edge) => ({ id: `${edge.sourceId}>${edge.targetId}:${edge.type}`, source: edge.sourceId, target: edge.targetId, type: edge.type }));
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    // Blast radius: the dependent (source) is one hop farther than what it relies on; upstream: the reverse.
    if (source.side === 'blast' && source.via === null && source.blastDistance !== null && target.blastDistance === source.blastDistance - 1) source.via = target.id;
    if (target.side === 'upstream' && target.via === null && target.upstreamDistance !== null && source.upstreamDistance === target.upstreamDistance - 1) target.via = source.id;
  }
  const others = nodes.filter((node) => node.id !== focusId);
  const focus = byId.get(focusId)!;
  return {
    focus,
    nodes: [focus, ...others],
    edges,
    reachedTotal: answer.total - 1,
    isCapped: answer.truncated,
    blastTotal: others.filter((node) => node.blastDistance !== null).length,
    upstreamTotal: others.filter((node) => node.upstreamDistance !== null).length,
    primaryAffected: others.filter((node) => node.blastDistance !== null && node.isPrimary).length,
    organizationsUpstream: others.filter((node) => node.upstreamDistance !== null && node.kind === 'organization').length,
  };
}

/** The distance that counts in a highlight mode (null when the node is not on that side). */
export const distanceIn = (node: GraphNode, mode: 'blast' | 'upstream'): number | null => (mode === 'blast' ? node.blastDistance : node.upstreamDistance);
