import { EDGE_TYPES, NODE_KINDS, edgeTypeCode, nodeKindCode, type EdgeType, type NodeKind } from './graph/index.ts';
import { ASSET_KINDS, DEPENDENCY_TYPES, type AssetKind, type DependencyType } from './vocabulary.ts';

/**
 * Between the API's vocabulary (kebab-case, the store's values) and the graph module's (snake_case,
 * small-integer codes in typed arrays). "business process / service" is one asset kind here and maps to
 * the graph's business_process.
 */
const GRAPH_KIND: Record<AssetKind, NodeKind> = {
  information: 'information',
  'business-process': 'business_process',
  software: 'software',
  host: 'host',
  network: 'network',
  storage: 'storage',
  'cloud-resource': 'cloud_resource',
  site: 'site',
  person: 'person',
};

/** The graph's kind of an asset kind. */
export const graphKindOf = (kind: AssetKind): NodeKind => GRAPH_KIND[kind];

/** Graph kind code of ASSET_KINDS[i], for the loader (which reads the kind's position in ASSET_KINDS). */
export const ASSET_KIND_CODES: Uint8Array = Uint8Array.from(ASSET_KINDS, (kind) => nodeKindCode(GRAPH_KIND[kind]));
export const ORGANIZATION_CODE = nodeKindCode('organization');

/** Graph edge type code of DEPENDENCY_TYPES[i]. */
export const DEPENDENCY_TYPE_CODES: Uint8Array = Uint8Array.from(DEPENDENCY_TYPES, (type) => edgeTypeCode(toGraphEdgeType(type)));

export function toGraphEdgeType(type: DependencyType): EdgeType {
  return type.replace('-', '_') as EdgeType;
}

export function fromGraphEdgeType(type: EdgeType): DependencyType {
  return type.replace('_', '-') as DependencyType;
}

/** The API kind of a graph kind code: an asset kind, or 'organization'. */
export function apiKindOf(code: number): AssetKind | 'organization' {
  const graphKind = NODE_KINDS[code];
  if (graphKind === 'organization') return 'organization';
  const kind = ASSET_KINDS.find((k) => GRAPH_KIND[k] === graphKind);
  if (!kind) throw new RangeError(`no asset kind for graph kind ${String(graphKind)}`);
  return kind;
}

// Every edge type of ours exists in the graph and back (checked once at start, not per request).
for (const type of DEPENDENCY_TYPES) if (!(EDGE_TYPES as readonly string[]).includes(toGraphEdgeType(type))) throw new Error(`graph lacks edge type ${type}`);
