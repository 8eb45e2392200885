import type { paths } from '../../api/schema';

/*
 * Types of the inventory endpoints the graph reads, taken from the generated OpenAPI types (kept here rather than
 * in api/api-types.ts so this page stays in its own folder).
 */
type JsonBody<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? JsonBody<R[200 & keyof R]> : never;

export type BlastRadius = Ok<paths['/api/orgs/{org}/assets/{id}/blast-radius']['get']>;
export type NeighbourhoodAnswer = Ok<paths['/api/orgs/{org}/assets/{id}/neighbourhood']['get']>;
export type AssetDetail = Ok<paths['/api/orgs/{org}/assets/{id}']['get']>;
export type ProtectionScale = Ok<paths['/api/orgs/{org}/inventory/scale']['get']>;
export type Reached = BlastRadius['items'][number];
export type NodeRef = BlastRadius['start'];
export type NodeKind = NodeRef['kind'];
export type DependencyLink = AssetDetail['dependsOn'][number];
export type DependencyType = DependencyLink['type'];

/** The dependency types, in the order the legend and the filter list them (as src/inventory/vocabulary.ts). */
export const DEPENDENCY_TYPES = ['depends-on', 'runs-on', 'stores', 'connects-to', 'provided-by', 'processes'] as const satisfies readonly DependencyType[];

/** Which way the traversal went from the focus asset. */
export type Side = 'focus' | 'blast' | 'upstream';
/** What the graph highlights: what the focus affects, or what it relies on. */
export type HighlightMode = 'blast' | 'upstream';

/** One node of the neighbourhood as the graph and the table show it. */
export interface GraphNode {
  id: string;
  name: string;
  kind: NodeKind;
  isPrimary: boolean;
  /** Where the layout puts it: the side with the shorter distance (blast radius on a tie). */
  side: Side;
  /** Hops from the focus when following dependents (blast radius); null when not reached that way. */
  blastDistance: number | null;
  /** Hops from the focus when following what it relies on (upstream); null when not reached that way. */
  upstreamDistance: number | null;
  /** The neighbour on a shortest path back to the focus, on the node's side (null for the focus). */
  via: string | null;
}

/** An edge, from the dependent (source) to what it relies on (target). */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: DependencyType;
}

export interface Neighbourhood {
  focus: GraphNode;
  /** The focus first, then nearest first (at most the node cap). */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Nodes in the neighbourhood (the focus excluded), before any cap. */
  reachedTotal: number;
  /** True when the server's limit left nodes out. */
  isCapped: boolean;
  blastTotal: number;
  upstreamTotal: number;
  primaryAffected: number;
  organizationsUpstream: number;
}
