import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import { NAME_KEY_SQL, SEARCH_SEPARATORS } from './search-keys.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Per-organization inventory state: the change counter the graph cache checks, and settings. */
export const inventoryState = pgTable('inventory_state', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  /** Incremented in the same transaction as every inventory write; the in-process graph cache reloads when it moves. */
  inventoryVersion: bigint('inventory_version', { mode: 'number' }).notNull().default(0),
  /** Kept exact by every write, so the unfiltered asset list has an O(1) total. */
  assetCount: integer('asset_count').notNull().default(0),
  /** The tenant's protection scale: level names in order (level 1 first); null = the default scale. */
  protectionScale: jsonb('protection_scale').$type<{ name: string; description?: string }[]>(),
  /** The inventory_changes journal is complete for every version above this one (older entries are pruned). */
  journalFrom: bigint('journal_from', { mode: 'number' }).notNull().default(0),
});

/**
 * Which graph nodes each inventory version touched, written by statement triggers on assets, dependencies and
 * external organizations (migrations/0003), so a process holding an older graph patches those nodes instead
 * of reloading everything. node_id null: the statement touched too many rows to list; reload.
 */
export const inventoryChanges = pgTable(
  'inventory_changes',
  {
    orgId: uuid('org_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    nodeId: uuid('node_id'),
  },
  (t) => [index('inventory_changes_version').on(t.orgId, t.version)],
);

/** Organizations the tenant relates to: suppliers, cloud providers, regulators, CSIRTs, sharing peers… */
export const externalOrganizations = pgTable(
  'external_organizations',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    relationshipTypes: text('relationship_types').array().notNull(),
    criticality: smallint('criticality').notNull(),
    contacts: jsonb('contacts').$type<{ name: string; email?: string; phone?: string; role?: string }[]>().notNull(),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    country: text('country'),
    website: text('website'),
    notes: text('notes'),
    tags: text('tags').array().notNull(),
    externalId: text('external_id'),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('external_organizations_name_key').on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex('external_organizations_external_id_key').on(t.orgId, t.externalId),
    check('external_organizations_criticality_check', sql`${t.criticality} between 1 and 4`),
  ],
);

/** Assets, primary (information, business processes) and supporting (what they run on). */
export const assets = pgTable(
  'assets',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Free text (a person, team or role), as CMDBs and spreadsheets give it. */
    owner: text('owner'),
    custodian: text('custodian'),
    /** null = operated by the tenant itself; else the external organization that operates it. */
    operatorId: uuid('operator_id'),
    confidentiality: smallint('confidentiality'),
    integrity: smallint('integrity'),
    availability: smallint('availability'),
    /** The highest of the three requirement levels, 0 when none is set. */
    criticality: smallint('criticality')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(greatest(confidentiality, integrity, availability), 0)`),
    rtoMinutes: integer('rto_minutes'),
    rpoMinutes: integer('rpo_minutes'),
    status: text('status').notNull(),
    location: text('location'),
    tags: text('tags').array().notNull(),
    cmdbId: text('cmdb_id'),
    purl: text('purl'),
    cpe: text('cpe'),
    otherId: text('other_id'),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** Words of the name and the external ids, for prefix search with a GIN index. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `to_tsvector('simple'::regconfig, translate(name || ' ' || coalesce(cmdb_id, '') || ' ' || coalesce(purl, '') || ' ' || coalesce(cpe, '') || ' ' || coalesce(other_id, ''), '${SEARCH_SEPARATORS}', '${' '.repeat(SEARCH_SEPARATORS.length)}'))`,
        ),
      ),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      name: 'assets_operator_fk',
      columns: [t.orgId, t.operatorId],
      foreignColumns: [externalOrganizations.orgId, externalOrganizations.id],
    }),
    uniqueIndex('assets_cmdb_id_key').on(t.orgId, t.cmdbId),
    uniqueIndex('assets_purl_key').on(t.orgId, t.purl),
    uniqueIndex('assets_cpe_key').on(t.orgId, t.cpe),
    uniqueIndex('assets_other_id_key').on(t.orgId, t.otherId),
    // One index per list sort, leading with org_id and ending with id (the keyset tie-breaker).
    index('assets_name_idx').on(t.orgId, sql.raw(`(${NAME_KEY_SQL})`), t.id),
    index('assets_kind_idx').on(t.orgId, t.kind, sql.raw(`(${NAME_KEY_SQL})`), t.id),
    index('assets_criticality_idx').on(t.orgId, sql`(- ${t.criticality})`, sql.raw(`(${NAME_KEY_SQL})`), t.id),
    index('assets_updated_idx').on(t.orgId, t.updatedAt, t.id),
    index('assets_operator_idx').on(t.orgId, t.operatorId),
    index('assets_search_idx').using('gin', t.search),
    index('assets_tags_idx').using('gin', t.tags),
    check('assets_levels_check', sql`${t.confidentiality} > 0 and ${t.integrity} > 0 and ${t.availability} > 0`),
    check('assets_objectives_check', sql`${t.rtoMinutes} >= 0 and ${t.rpoMinutes} >= 0`),
  ],
);

/**
 * Typed, directed edges: the source asset relies on the target, an asset or an external organization
 * (exactly one of target_asset_id, target_org_id). Cycles are allowed; self-loops are not.
 */
export const dependencies = pgTable(
  'dependencies',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    sourceId: uuid('source_id').notNull(),
    targetAssetId: uuid('target_asset_id'),
    targetOrgId: uuid('target_org_id'),
    type: text('type').notNull(),
    description: text('description'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ name: 'dependencies_source_fk', columns: [t.orgId, t.sourceId], foreignColumns: [assets.orgId, assets.id] }),
    foreignKey({ name: 'dependencies_target_asset_fk', columns: [t.orgId, t.targetAssetId], foreignColumns: [assets.orgId, assets.id] }),
    foreignKey({
      name: 'dependencies_target_org_fk',
      columns: [t.orgId, t.targetOrgId],
      foreignColumns: [externalOrganizations.orgId, externalOrganizations.id],
    }),
    uniqueIndex('dependencies_asset_edge_key').on(t.orgId, t.sourceId, t.targetAssetId, t.type),
    uniqueIndex('dependencies_org_edge_key').on(t.orgId, t.sourceId, t.targetOrgId, t.type),
    index('dependencies_target_asset_idx').on(t.orgId, t.targetAssetId),
    index('dependencies_target_org_idx').on(t.orgId, t.targetOrgId),
    check('dependencies_one_target_check', sql`(${t.targetAssetId} is null) <> (${t.targetOrgId} is null)`),
    check('dependencies_no_self_loop_check', sql`${t.sourceId} <> ${t.targetAssetId}`),
  ],
);
