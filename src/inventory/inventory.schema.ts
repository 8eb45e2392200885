import { z } from 'zod';
import { ZSlug } from '../platform/orgs/orgs.schema.ts';
import { ASSET_KINDS } from './vocabulary.ts';

/** Shared pieces of the inventory's API schemas. */
export const ZIdParams = z.strictObject({ org: ZSlug, id: z.uuid() });

export const ZTag = z.string().trim().min(1).max(100);
export const ZTags = z
  .array(ZTag)
  .max(50)
  .transform((tags) => [...new Set(tags)]);

export const ZOptionalText = (max: number) => z.string().trim().max(max).nullable();

/** An asset or an external organization as a graph node: enough to show and link it. */
export const ZNodeRef = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum([...ASSET_KINDS, 'organization']).describe('An asset kind, or "organization" for an external organization'),
});
export type TNodeRef = z.infer<typeof ZNodeRef>;

/** Query flag `?cascade=true`. */
export const ZCascadeQuery = z.strictObject({
  cascade: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Also delete the dependencies that reference it (each deletion is audited)'),
});
