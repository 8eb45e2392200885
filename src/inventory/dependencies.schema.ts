import { z } from 'zod';
import { ZNodeRef, ZOptionalText } from './inventory.schema.ts';
import { ZDependencyLink } from './assets.schema.ts';
import { DEPENDENCY_TYPES } from './vocabulary.ts';

const ZType = z.enum(DEPENDENCY_TYPES).describe('The source relies on the target in this way (see vocabulary.ts)');
const ZTargetId = z.uuid().describe('An asset or an external organization');

export const ZCreateDependency = z.strictObject({
  sourceId: z.uuid().describe('The asset that relies on the target'),
  targetId: ZTargetId,
  type: ZType,
  description: ZOptionalText(2000).optional(),
});

export const ZCreateAssetDependency = ZCreateDependency.omit({ sourceId: true });

export const ZUpdateDependency = z.strictObject({ type: ZType.optional(), description: ZOptionalText(2000).optional() });

export const ZDependency = z.object({
  id: z.uuid(),
  type: z.enum(DEPENDENCY_TYPES),
  description: z.string().nullable(),
  source: ZNodeRef,
  target: ZNodeRef,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZDependencyQuery = z.strictObject({
  sourceId: z.uuid().optional(),
  targetId: z.uuid().optional().describe('An asset or an external organization'),
  type: z.enum(DEPENDENCY_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.uuid().optional().describe('The nextCursor of the previous page'),
});

export const ZDependencyPage = z.object({ items: z.array(ZDependency), nextCursor: z.uuid().nullable() });

export const ZAssetDependencies = z.object({
  dependsOn: z.array(ZDependencyLink),
  dependents: z.array(ZDependencyLink),
  dependsOnCount: z.number().int(),
  dependentsCount: z.number().int(),
});

export type TCreateDependency = z.infer<typeof ZCreateDependency>;
export type TUpdateDependency = z.infer<typeof ZUpdateDependency>;
export type TDependency = z.infer<typeof ZDependency>;
export type TDependencyQuery = z.infer<typeof ZDependencyQuery>;
export type TDependencyPage = z.infer<typeof ZDependencyPage>;
