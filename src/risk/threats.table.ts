import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';

/**
 * What may harm the organization, in one table because risk scenarios name any of them the same way:
 * risk sources (who or what: a nation-state, a careless insider, a flood), threat events (what happens) and
 * the ATT&CK objects imported from STIX bundles (techniques, groups, software, tactics and mitigations).
 */
export const threats = pgTable(
  'threats',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    /** source | event | technique | group | software | tactic | mitigation (threats.vocabulary.ts). */
    kind: text('kind').notNull(),
    /** For a source: nation-state, criminal, hacktivist, insider-malicious, … (threats.vocabulary.ts). */
    category: text('category'),
    name: text('name').notNull(),
    description: text('description'),
    /** The catalogue's own identifier, e.g. "T0817" or "G0034"; null for the organization's own entries. */
    externalId: text('external_id'),
    /** The STIX object it was imported from (attack-pattern--…), so a newer bundle updates it in place. */
    stixId: text('stix_id'),
    /** Where it came from: "manual" or the imported catalogue, e.g. "mitre-ics-attack 18.1". */
    origin: text('origin').notNull(),
    url: text('url'),
    /** ATT&CK tactics (kill-chain phase names) a technique serves, and the platforms it applies to. */
    tactics: text('tactics').array().notNull(),
    platforms: text('platforms').array().notNull(),
    aliases: text('aliases').array().notNull(),
    /** Revoked or deprecated in its catalogue: kept for scenarios that name it, hidden from pickers. */
    deprecated: boolean('deprecated').notNull().default(false),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('threats_stix_id')
      .on(t.orgId, t.stixId)
      .where(sql`${t.stixId} is not null`),
    uniqueIndex('threats_kind_name')
      .on(t.orgId, t.kind, sql`lower(${t.name})`)
      .where(sql`${t.stixId} is null`),
    index('threats_kind').on(t.orgId, t.kind, sql`lower(${t.name})`),
    index('threats_external_id').on(t.orgId, t.externalId),
  ],
);

/** Relations between threats as their catalogue gives them: a group uses a technique, a mitigation mitigates one. */
export const threatRelations = pgTable(
  'threat_relations',
  {
    orgId: uuid('org_id').notNull(),
    fromId: uuid('from_id').notNull(),
    /** uses | mitigates | subtechnique-of | attributed-to | targets (STIX relationship types). */
    type: text('type').notNull(),
    toId: uuid('to_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.fromId, t.type, t.toId] }),
    index('threat_relations_to').on(t.orgId, t.toId),
    foreignKey({ columns: [t.orgId, t.fromId], foreignColumns: [threats.orgId, threats.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.toId], foreignColumns: [threats.orgId, threats.id] }).onDelete('cascade'),
  ],
);
