import { z } from 'zod';
import { ZOptionalText, ZTags } from './inventory.schema.ts';
import { ORGANIZATION_CRITICALITY, RELATIONSHIP_TYPES } from './vocabulary.ts';

export const ZContact = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  phone: z.string().trim().min(1).max(50).optional(),
  role: z.string().trim().min(1).max(100).optional(),
});

const fields = {
  name: z.string().trim().min(1).max(200),
  relationshipTypes: z
    .array(z.enum(RELATIONSHIP_TYPES))
    .min(1)
    .transform((types) => [...new Set(types)])
    .describe('What the organization is to you; several may apply'),
  criticality: z.number().int().min(1).max(4).describe('1 low, 2 medium, 3 high, 4 critical'),
  contacts: z.array(ZContact).max(50),
  contractStart: z.iso.date().nullable(),
  contractEnd: z.iso.date().nullable(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')
    .nullable(),
  website: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  notes: ZOptionalText(10_000),
  tags: ZTags,
  externalId: z.string().trim().min(1).max(200).nullable().describe('Its id in your supplier register; unique, the key of re-imports'),
};

export const ZCreateExternalOrganization = z.strictObject({
  name: fields.name,
  relationshipTypes: fields.relationshipTypes,
  criticality: fields.criticality.default(2),
  contacts: fields.contacts.default([]),
  contractStart: fields.contractStart.default(null),
  contractEnd: fields.contractEnd.default(null),
  country: fields.country.default(null),
  website: fields.website.default(null),
  notes: fields.notes.default(null),
  tags: fields.tags.default([]),
  externalId: fields.externalId.default(null),
});

export const ZUpdateExternalOrganization = z.strictObject({
  name: fields.name.optional(),
  relationshipTypes: fields.relationshipTypes.optional(),
  criticality: fields.criticality.optional(),
  contacts: fields.contacts.optional(),
  contractStart: fields.contractStart.optional(),
  contractEnd: fields.contractEnd.optional(),
  country: fields.country.optional(),
  website: fields.website.optional(),
  notes: fields.notes.optional(),
  tags: fields.tags.optional(),
  externalId: fields.externalId.optional(),
  version: z.number().int().positive().optional().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT'),
});

export const ZExternalOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  relationshipTypes: z.array(z.enum(RELATIONSHIP_TYPES)),
  criticality: z.number().int(),
  criticalityLabel: z.enum(Object.values(ORGANIZATION_CRITICALITY) as [string, ...string[]]),
  contacts: z.array(z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() })),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  country: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** How much of the inventory relies on it directly. */
  operatedAssets: z.number().int().describe('Assets it operates'),
  directDependents: z.number().int().describe('Dependencies that point at it'),
});

export const ZExternalOrganizationQuery = z.strictObject({
  relationshipType: z.enum(RELATIONSHIP_TYPES).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Case-insensitive substring of the name'),
});

export type TCreateExternalOrganization = z.infer<typeof ZCreateExternalOrganization>;
export type TUpdateExternalOrganization = z.infer<typeof ZUpdateExternalOrganization>;
export type TExternalOrganization = z.infer<typeof ZExternalOrganization>;
export type TExternalOrganizationQuery = z.infer<typeof ZExternalOrganizationQuery>;
