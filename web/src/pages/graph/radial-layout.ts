import type { GraphNode } from './graph-types';

export interface Point {
  x: number;
  y: number;
}

/** Room per node along a ring, and between staggered sub-rings and distance bands (model units ≈ pixels at zoom 1). */
const NODE_SPACING = 44;
const SUB_RING_GAP = 34;
const BAND_GAP = 150;
/** Keeps the two sides apart where they meet (radians, on each side of each boundary). */
const SIDE_MARGIN = 0.1;

/**
 * Rings by distance from the focus: what relies on it (blast radius) above, what it relies on (upstream) below,
 * each side taking a share of the circle that follows its size (the whole circle when only one side has nodes). A distance with more nodes than its ring holds
 * is staggered over several sub-rings, so a band grows outward instead of overlapping. Within a band, nodes
 * follow the angle of the neighbour they were reached through, so subtrees stay together and edges stay short.
 * Deterministic and O(n log n): no force simulation, however large the neighbourhood.
 */
export function radialLayout(nodes: readonly GraphNode[]): Map<string, Point> {
  const positions = new Map<string, Point>();
  const focus = nodes.find((node) => node.side === 'focus');
  if (focus) positions.set(focus.id, { x: 0, y: 0 });
  const blast = nodes.filter((node) => node.side === 'blast');
  const upstream = nodes.filter((node) => node.side === 'upstream');
  // Canvas y grows downward: the blast radius is centred straight up (angle -π/2), upstream straight down (π/2).
  // Each side's share of the circle follows its size, within a quarter and three quarters.
  if (blast.length > 0 && upstream.length > 0) {
    const share = Math.min(0.75, Math.max(0.25, blast.length / (blast.length + upstream.length)));
    const blastHalf = share * Math.PI - SIDE_MARGIN;
    const upstreamHalf = (1 - share) * Math.PI - SIDE_MARGIN;
    placeSide(blast, -Math.PI / 2 - blastHalf, -Math.PI / 2 + blastHalf, positions);
    placeSide(upstream, Math.PI / 2 - upstreamHalf, Math.PI / 2 + upstreamHalf, positions);
  } else if (blast.length > 0) {
    placeSide(blast, -Math.PI / 2, (3 * Math.PI) / 2, positions);
  } else if (upstream.length > 0) {
    placeSide(upstream, Math.PI / 2, (5 * Math.PI) / 2, positions);
  }
  return positions;
}

function distanceOnSide(node: GraphNode): number {
  return (node.side === 'blast' ? node.blastDistance : node.upstreamDistance) ?? 1;
}

function placeSide(nodes: readonly GraphNode[], fromAngle: number, toAngle: number, positions: Map<string, Point>): void {
  const span = toAngle - fromAngle;
  const isFullCircle = span >= 2 * Math.PI - 1e-9;
  const angleOf = new Map<string, number>();
  const byDistance = new Map<number, GraphNode[]>();
  for (const node of nodes) {
    const distance = distanceOnSide(node);
    const band = byDistance.get(distance);
    if (band) band.push(node);
    else byDistance.set(distance, [node]);
  }
  let innerRadius = 0;
  for (const distance of [...byDistance.keys()].sort((a, b) => a - b)) {
    const band = byDistance.get(distance) ?? [];
    // Follow the parent's angle (the focus, or a node on the other side, counts as the middle of the span).
    const middle = fromAngle + span / 2;
    const keyed = band.map((node, order) => ({ node, order, key: (node.via ? angleOf.get(node.via) : undefined) ?? middle }));
    keyed.sort((a, b) => a.key - b.key || a.order - b.order);
    const radius = Math.max(innerRadius + BAND_GAP, distance * BAND_GAP);
    // Enough sub-rings that nodes on the same one stay NODE_SPACING apart along it.
    const subRings = Math.max(1, Math.ceil((band.length * NODE_SPACING) / (span * radius)));
    keyed.forEach(({ node }, index) => {
      const angle = fromAngle + (span * (index + (isFullCircle ? 0 : 0.5))) / band.length;
      const ringRadius = radius + (index % subRings) * SUB_RING_GAP;
      angleOf.set(node.id, angle);
      positions.set(node.id, { x: ringRadius * Math.cos(angle), y: ringRadius * Math.sin(angle) });
    });
    innerRadius = radius + (subRings - 1) * SUB_RING_GAP;
  }
}
