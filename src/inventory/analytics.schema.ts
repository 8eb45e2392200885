import { z } from 'zod';
import { ZNodeRef } from './inventory.schema.ts';
import { ASSET_CATEGORIES, DEPENDENCY_TYPES } from './vocabulary.ts';

const ZEdgeTypes = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((type) => type.trim()).filter(Boolean))
  .pipe(z.array(z.enum(DEPENDENCY_TYPES)).min(1))
  .describe(`Follow only these dependency types, comma-separated (${DEPENDENCY_TYPES.join(', ')}); all when omitted`);

export const ZTraversalQuery = z.strictObject({
  types: ZEdgeTypes.optional(),
  maxDepth: z.coerce.number().int().min(1).max(100).optional().describe('At most this many hops'),
  limit: z.coerce.number().int().min(1).max(20_000).default(2000).describe('At most this many items (nearest first)'),
});

export const ZReached = z.object({
  node: ZNodeRef,
  category: z.enum(ASSET_CATEGORIES).nullable().describe('null for an external organization'),
  distance: z.number().int().describe('Hops from the start'),
  via: z.uuid().nullable().describe('The neighbour on a shortest path back to the start (null for the start)'),
});

const traversal = {
  start: ZNodeRef,
  total: z.number().int().describe('Nodes reached, the start excluded'),
  items: z.array(ZReached).describe('Nearest first, then by name; the start is not listed'),
  truncated: z.boolean().describe('true when limit cut the list'),
  inventoryVersion: z.number().int().describe('The inventory version the answer reflects'),
};

export const ZBlastRadius = z.object({
  ...traversal,
  primaryAffected: z.number().int().describe('Information and business processes / services affected'),
  byKind: z.record(z.string(), z.number().int()),
});

export const ZNeighbourhoodQuery = z.strictObject({
  types: ZEdgeTypes.optional(),
  maxDepth: z.coerce.number().int().min(1).max(6).default(2).describe('Hops each way'),
  limit: z.coerce.number().int().min(1).max(5000).default(2000).describe('At most this many nodes (nearest first)'),
});

export const ZNeighbourhood = z.object({
  start: ZNodeRef,
  nodes: z
    .array(
      z.object({
        node: ZNodeRef,
        category: z.enum(ASSET_CATEGORIES).nullable(),
        blastDistance: z.number().int().nullable().describe('Hops to the start along what relies on it (in its blast radius); null if not'),
        upstreamDistance: z.number().int().nullable().describe('Hops from the start along what it relies on; null if not'),
      }),
    )
    .describe('The start first, then nearest first'),
  edges: z
    .array(z.object({ sourceId: z.uuid(), targetId: z.uuid(), type: z.enum(DEPENDENCY_TYPES) }))
    .describe('Every dependency between two listed nodes (an operator counts as provided-by)'),
  total: z.number().int().describe('Nodes in the neighbourhood, the start included'),
  truncated: z.boolean(),
  inventoryVersion: z.number().int(),
});

export const ZUpstream = z.object({
  ...traversal,
  organizations: z
    .array(z.object({ node: ZNodeRef, distance: z.number().int(), tier: z.number().int().describe('1 = a direct (third) party, 2 = a fourth party…'), path: z.array(ZNodeRef) }))
    .describe('The external organizations it relies on, nearest first, with the chain from the asset to each'),
});

const ZPropertyProtection = z.object({
  own: z.number().int().nullable().describe('The asset’s own requirement'),
  effective: z.number().int().nullable().describe('The highest of its own and those of the primary assets that rely on it'),
  levelName: z.string().nullable(),
  source: ZNodeRef.nullable().describe('The asset whose requirement sets the effective level'),
  path: z.array(ZNodeRef).describe('From this asset to the source, each relied on by the next; [this] when its own level decides'),
});

export const ZProtection = z.object({
  asset: ZNodeRef,
  confidentiality: ZPropertyProtection,
  integrity: ZPropertyProtection,
  availability: ZPropertyProtection,
  inventoryVersion: z.number().int(),
});

export const ZConcentrationQuery = z.strictObject({ topK: z.coerce.number().int().min(1).max(200).default(20), types: ZEdgeTypes.optional() });

const ZConcentrationEntry = z.object({
  node: ZNodeRef,
  primaryDependents: z.number().int().describe('Primary assets relying on it, directly or not'),
  criticalitySum: z.number().int(),
  criticalityMax: z.number().int(),
});

export const ZConcentration = z.object({
  organizations: z.array(ZConcentrationEntry),
  assets: z.array(ZConcentrationEntry),
  exhaustive: z.boolean().describe('false on large inventories: assets were pre-selected by an estimate, then counted exactly'),
  inventoryVersion: z.number().int(),
});

export const ZSpofQuery = z.strictObject({ types: ZEdgeTypes.optional() });

export const ZSinglePointsOfFailure = z.object({
  service: ZNodeRef,
  upstream: z.number().int().describe('Nodes it relies on, directly or not'),
  bottoms: z.number().int().describe('Bottom resources: things it needs that rely on nothing further'),
  points: z.array(z.object({ node: ZNodeRef, bottomsLost: z.number().int(), nodesLost: z.number().int() })).describe('Most damaging first'),
  inventoryVersion: z.number().int(),
});

export const ZPathsQuery = z.strictObject({
  from: z.uuid(),
  to: z.uuid(),
  types: ZEdgeTypes.optional(),
  maxPaths: z.coerce.number().int().min(1).max(20).default(5),
  maxDepth: z.coerce.number().int().min(1).max(50).optional(),
});

export const ZPaths = z.object({
  from: ZNodeRef,
  to: ZNodeRef,
  paths: z.array(z.object({ nodes: z.array(ZNodeRef), types: z.array(z.enum(DEPENDENCY_TYPES)) })).describe('Shortest first, following edges from source to target'),
  inventoryVersion: z.number().int(),
});

export type TTraversalQuery = z.infer<typeof ZTraversalQuery>;
export type TNeighbourhoodQuery = z.infer<typeof ZNeighbourhoodQuery>;
export type TNeighbourhood = z.infer<typeof ZNeighbourhood>;
export type TBlastRadius = z.infer<typeof ZBlastRadius>;
export type TUpstream = z.infer<typeof ZUpstream>;
export type TProtection = z.infer<typeof ZProtection>;
export type TConcentration = z.infer<typeof ZConcentration>;
export type TSinglePointsOfFailure = z.infer<typeof ZSinglePointsOfFailure>;
export type TPathsQuery = z.infer<typeof ZPathsQuery>;
export type TPaths = z.infer<typeof ZPaths>;
