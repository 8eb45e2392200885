import { z } from 'zod';
import { ZNodeRef, ZOptionalText, ZTags } from './inventory.schema.ts';
import { ASSET_CATEGORIES, ASSET_KINDS, DEPENDENCY_TYPES, LIFECYCLE_STATUSES } from './vocabulary.ts';

const ZExternalId = z.string().trim().min(1).max(500).nullable();
export const ZExternalIds = z.strictObject({
  cmdbId: ZExternalId.optional().describe('Configuration item id in your CMDB'),
  purl: ZExternalId.optional().describe('Package URL (software)'),
  cpe: ZExternalId.optional().describe('CPE 2.3 name'),
  other: ZExternalId.optional().describe('Any other stable key (an import source’s id)'),
});

/** A requirement level; whether it belongs to the tenant's scale is checked by the service (422). */
const ZLevel = z.number().int().nullable().describe('A level of the protection scale (GET …/inventory/scale)');
const ZMinutes = z.number().int().min(0).max(52_560_000).nullable();

const fields = {
  kind: z.enum(ASSET_KINDS),
  name: z.string().trim().min(1).max(300),
  description: ZOptionalText(10_000),
  owner: ZOptionalText(300).describe('Who answers for the asset: free text (a person, team or role)'),
  custodian: ZOptionalText(300).describe('Who looks after it day to day: free text'),
  operatorId: z.uuid().nullable().describe('The external organization that operates it; null = your organization'),
  confidentiality: ZLevel,
  integrity: ZLevel,
  availability: ZLevel,
  rtoMinutes: ZMinutes.describe('Recovery time objective, minutes'),
  rpoMinutes: ZMinutes.describe('Recovery point objective, minutes'),
  status: z.enum(LIFECYCLE_STATUSES),
  location: ZOptionalText(300),
  tags: ZTags,
  externalIds: ZExternalIds.describe('Each unique in the organization; imports match on them'),
};

export const ZCreateAsset = z.strictObject({
  kind: fields.kind,
  name: fields.name,
  description: fields.description.optional(),
  owner: fields.owner.optional(),
  custodian: fields.custodian.optional(),
  operatorId: fields.operatorId.optional(),
  confidentiality: fields.confidentiality.optional(),
  integrity: fields.integrity.optional(),
  availability: fields.availability.optional(),
  rtoMinutes: fields.rtoMinutes.optional(),
  rpoMinutes: fields.rpoMinutes.optional(),
  status: fields.status.default('in-use'),
  location: fields.location.optional(),
  tags: fields.tags.default([]),
  externalIds: fields.externalIds.default({}),
});

export const ZUpdateAsset = z.strictObject({
  kind: fields.kind.optional(),
  name: fields.name.optional(),
  description: fields.description.optional(),
  owner: fields.owner.optional(),
  custodian: fields.custodian.optional(),
  operatorId: fields.operatorId.optional(),
  confidentiality: fields.confidentiality.optional(),
  integrity: fields.integrity.optional(),
  availability: fields.availability.optional(),
  rtoMinutes: fields.rtoMinutes.optional(),
  rpoMinutes: fields.rpoMinutes.optional(),
  status: fields.status.optional(),
  location: fields.location.optional(),
  tags: fields.tags.optional(),
  externalIds: fields.externalIds.optional().describe('Only the ids given change; null clears one'),
  version: z.number().int().positive().optional().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT'),
});

export const ZAsset = z.object({
  id: z.uuid(),
  kind: z.enum(ASSET_KINDS),
  category: z.enum(ASSET_CATEGORIES).describe('primary (information, business process / service) or supporting'),
  name: z.string(),
  description: z.string().nullable(),
  owner: z.string().nullable(),
  custodian: z.string().nullable(),
  operatorId: z.uuid().nullable(),
  confidentiality: z.number().int().nullable(),
  integrity: z.number().int().nullable(),
  availability: z.number().int().nullable(),
  criticality: z.number().int().describe('The highest of the three requirement levels; 0 when none is set'),
  rtoMinutes: z.number().int().nullable(),
  rpoMinutes: z.number().int().nullable(),
  status: z.enum(LIFECYCLE_STATUSES),
  location: z.string().nullable(),
  tags: z.array(z.string()),
  externalIds: z.object({ cmdbId: z.string().nullable(), purl: z.string().nullable(), cpe: z.string().nullable(), other: z.string().nullable() }),
  version: z.number().int().describe('Increments on every change; send it back (or If-Match) to update safely'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZDependencyLink = z.object({
  dependencyId: z.uuid(),
  type: z.enum(DEPENDENCY_TYPES),
  description: z.string().nullable(),
  node: ZNodeRef.describe('The other end of the edge'),
});

export const ZAssetDetail = ZAsset.extend({
  operator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dependsOn: z.array(ZDependencyLink).describe('What it relies on (the first 500)'),
  dependents: z.array(ZDependencyLink).describe('What relies on it (the first 500)'),
  dependsOnCount: z.number().int(),
  dependentsCount: z.number().int(),
});

export const ASSET_SORTS = ['name', '-name', 'kind', 'criticality', 'updatedAt', '-updatedAt'] as const;
export type AssetSort = (typeof ASSET_SORTS)[number];

export const ZAssetQuery = z.strictObject({
  kind: z.enum(ASSET_KINDS).optional(),
  category: z.enum(ASSET_CATEGORIES).optional(),
  status: z.enum(LIFECYCLE_STATUSES).optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  operatorId: z.uuid().optional().describe('Assets operated by this external organization'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Search: the name starts with it, every word of it starts a word of the name or an external id, or it equals an external id'),
  sort: z
    .enum(ASSET_SORTS)
    .default('name')
    .describe('name (A→Z, case-insensitive), -name, kind (then name), criticality (most critical first, then name), updatedAt, -updatedAt'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page (only valid with the same sort)'),
});

export const ZAssetPage = z.object({
  items: z.array(ZAsset),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null at the end'),
  total: z.number().int().describe('Assets matching the filters'),
  totalIsEstimate: z.boolean().describe('false: total is exact; true: the query planner’s estimate (filtered lists above 10,000 matches)'),
});

export type TCreateAsset = z.infer<typeof ZCreateAsset>;
export type TUpdateAsset = z.infer<typeof ZUpdateAsset>;
export type TAsset = z.infer<typeof ZAsset>;
export type TAssetDetail = z.infer<typeof ZAssetDetail>;
export type TAssetQuery = z.infer<typeof ZAssetQuery>;
export type TAssetPage = z.infer<typeof ZAssetPage>;
export type TDependencyLink = z.infer<typeof ZDependencyLink>;
