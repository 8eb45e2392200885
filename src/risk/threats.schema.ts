import { z } from 'zod';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { RISK_SOURCE_CATEGORIES, THREAT_KINDS, THREAT_RELATION_TYPES } from './threats.vocabulary.ts';

/** The kinds an organization enters itself; the others come from catalogue imports. */
export const MANUAL_THREAT_KINDS = ['source', 'event'] as const;

const ZText = (max: number) => z.string().trim().min(1).max(max);

const fields = {
  kind: z.enum(MANUAL_THREAT_KINDS).describe('source (who or what may cause harm) or event (what may happen)'),
  category: z.enum(RISK_SOURCE_CATEGORIES).nullable().describe('Required for a source; a threat event has none'),
  name: ZText(300),
  description: ZText(20_000).nullable(),
  externalId: ZText(100).nullable().describe('An identifier of your own or of another catalogue'),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .describe('http or https'),
  aliases: z.array(ZText(300)).max(100),
  deprecated: z.boolean().describe('Kept for the scenarios that name it, hidden from lists by default'),
};

export const ZCreateThreat = z.strictObject({
  kind: fields.kind,
  category: fields.category.optional(),
  name: fields.name,
  description: fields.description.optional(),
  externalId: fields.externalId.optional(),
  url: fields.url.optional(),
  aliases: fields.aliases.default([]),
  deprecated: fields.deprecated.default(false),
});

export const ZUpdateThreat = z.strictObject({
  kind: fields.kind.optional(),
  category: fields.category.optional(),
  name: fields.name.optional(),
  description: fields.description.optional(),
  externalId: fields.externalId.optional(),
  url: fields.url.optional(),
  aliases: fields.aliases.optional(),
  deprecated: fields.deprecated.optional(),
  version: z.number().int().positive().optional().describe('The version you read (or send If-Match); a stale one → 409 VERSION_CONFLICT'),
});

export const ZThreat = z.object({
  id: z.uuid(),
  kind: z.enum(THREAT_KINDS),
  category: z.enum(RISK_SOURCE_CATEGORIES).nullable(),
  name: z.string(),
  description: z.string().nullable(),
  externalId: z.string().nullable().describe('e.g. "T0817" for an ATT&CK technique'),
  stixId: z.string().nullable().describe('The STIX object it was imported from; imported entries are read-only'),
  origin: z.string().describe('"manual" or the catalogue, e.g. "mitre-ics-attack 18.1"'),
  url: z.string().nullable(),
  tactics: z.array(z.string()).describe('ATT&CK tactics a technique serves (a tactic: its own short name)'),
  platforms: z.array(z.string()),
  aliases: z.array(z.string()),
  deprecated: z.boolean().describe('Revoked or deprecated in its catalogue, or retired by you'),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZThreatQuery = z.strictObject({
  kind: z.enum(THREAT_KINDS).optional(),
  category: z.enum(RISK_SOURCE_CATEGORIES).optional(),
  origin: z.string().trim().min(1).max(200).optional().describe('Exact origin, e.g. "manual"'),
  q: z.string().trim().min(1).max(200).optional().describe('Part of the name or the external id'),
  includeDeprecated: z.stringbool().default(false),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ZThreatList = z.object({
  items: z.array(ZThreat).describe('By name'),
  truncated: z.boolean().describe('true when limit cut the list'),
});

export const ZThreatRelation = z.object({
  type: z.enum(THREAT_RELATION_TYPES),
  direction: z.enum(['outgoing', 'incoming']).describe('outgoing: this threat → the other (e.g. this group uses that technique)'),
  threat: ZThreat.pick({ id: true, kind: true, name: true, externalId: true, deprecated: true }),
});
export const ZThreatRelations = z.object({ items: z.array(ZThreatRelation).describe('By type, direction, then name') });

export const ZThreatParams = ZOrgParams.extend({ threatId: z.uuid() });

const ZKindCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const ZAttackImportQuery = z.strictObject({
  dryRun: z.stringbool().default(false).describe('true: report what the import would do, write nothing'),
});
export const ZAttackImportSummary = z.object({
  origin: z.string(),
  dryRun: z.boolean(),
  kinds: z.record(z.string(), ZKindCounts).describe('Per kind (technique, group, software, tactic, mitigation)'),
  relations: z.object({ created: z.number().int(), removed: z.number().int(), unchanged: z.number().int() }),
  skipped: z.object({
    objects: z.record(z.string(), z.number().int()).describe('STIX objects of types not imported, by type'),
    relationships: z.record(z.string(), z.number().int()).describe('Relationships not kept (other types, or an end not imported), by type'),
  }),
});

export type TCreateThreat = z.infer<typeof ZCreateThreat>;
export type TUpdateThreat = z.infer<typeof ZUpdateThreat>;
export type TThreat = z.infer<typeof ZThreat>;
export type TThreatQuery = z.infer<typeof ZThreatQuery>;
export type TThreatRelation = z.infer<typeof ZThreatRelation>;
export type TAttackImportSummary = z.infer<typeof ZAttackImportSummary>;
