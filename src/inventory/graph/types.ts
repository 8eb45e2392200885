/**
 * Vocabulary of the inventory graph: node kinds, edge types and protection properties, each with a
 * stable small-integer code so they fit the typed arrays of the compact graph. Codes are part of the
 * in-memory format only (the store keeps names); append new names at the end, never reorder.
 */

export const NODE_KINDS = [
  'information',
  'business_process',
  'service',
  'software',
  'host',
  'network',
  'storage',
  'cloud_resource',
  'site',
  'person',
  'organization',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Outside organizations (suppliers, cloud providers, MSPs…) are nodes of this kind. */
export const ORGANIZATION_KIND: number = NODE_KINDS.indexOf('organization');

/** Edge A→B means "A depends on B" in the broad sense: if B fails or is compromised, A is affected. */
export const EDGE_TYPES = ['depends_on', 'runs_on', 'stores', 'connects_to', 'provided_by', 'processes'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];
export const EDGE_TYPE_COUNT = EDGE_TYPES.length;

/** A bit set of edge type codes (bit i = EDGE_TYPES[i]). */
export type EdgeTypeMask = number;
export const ALL_EDGE_TYPES: EdgeTypeMask = (1 << EDGE_TYPE_COUNT) - 1;

/**
 * Type code written over a removed edge of the compact graph. No mask has this bit, so every traversal
 * that checks the mask skips removed edges without a separate test.
 */
export const TOMBSTONE_TYPE = 7;

export const PROTECTION_PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;
export type ProtectionProperty = (typeof PROTECTION_PROPERTIES)[number];

export function nodeKindCode(kind: NodeKind): number {
  return NODE_KINDS.indexOf(kind);
}

export function nodeKindName(code: number): NodeKind {
  const name = NODE_KINDS[code];
  if (name === undefined) throw new RangeError(`unknown node kind code ${code}`);
  return name;
}

export function edgeTypeCode(type: EdgeType): number {
  return EDGE_TYPES.indexOf(type);
}

export function edgeTypeName(code: number): EdgeType {
  const name = EDGE_TYPES[code];
  if (name === undefined) throw new RangeError(`unknown edge type code ${code}`);
  return name;
}

/** The mask of the given edge types; all types when omitted. */
export function edgeTypeMask(types?: readonly EdgeType[]): EdgeTypeMask {
  if (types === undefined) return ALL_EDGE_TYPES;
  let mask = 0;
  for (const type of types) mask |= 1 << edgeTypeCode(type);
  return mask;
}

/** Options shared by the traversals. */
export interface TraversalOptions {
  /** Stop after this many hops (0 = only the start node). Unbounded when omitted. */
  maxDepth?: number;
  /** Follow only these edge types. All types when omitted. */
  edgeTypes?: readonly EdgeType[];
}

/** Attributes of one node as the store layer gives them. Levels are small integers, 0 = not set. */
export interface NodeAttributes {
  kind: NodeKind;
  isPrimary?: boolean;
  confidentiality?: number;
  integrity?: number;
  availability?: number;
  criticality?: number;
}
