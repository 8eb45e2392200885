import fs from 'node:fs';
import path from 'node:path';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import { organizations, users } from '../orgs/orgs.table.ts';
import { NOT_EXPORTED, TENANT_TABLES } from './tenant-tables.ts';

/** How one section of an export is read: which rows, in which order. */
export interface SectionPlan {
  table: string;
  /** Primary-key columns: the export's row order (so a re-export is byte-identical) and its paging keyset. */
  key: { column: string; sqlType: string }[];
  /** SQL condition on alias `t` selecting the organization's rows; `$org` stands for the organization id. */
  scope: string;
  /**
   * The stored columns, in table order. Generated columns are left out: PostgreSQL recomputes them on insert
   * and refuses any value for them, and they would only make the file bigger.
   */
  columns: string[];
}

/** A double-quoted SQL identifier. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function keyOf(table: PgTable): SectionPlan['key'] {
  const config = getTableConfig(table);
  // A composite key's columns are stand-ins without SQL types: look the real columns up by name.
  const names = config.primaryKeys[0]?.columns.map((c) => c.name);
  const columns: PgColumn[] = names ? names.map((n) => config.columns.find((c) => c.name === n)!) : config.columns.filter((c) => c.primary);
  if (columns.length === 0) throw new Error(`table ${config.name} has no primary key; an export cannot order it`);
  return columns.map((c) => ({ column: c.name, sqlType: c.getSQLType() }));
}

const storedColumnsOf = (table: PgTable): string[] =>
  getTableConfig(table)
    .columns.filter((c) => !c.generated)
    .map((c) => c.name);

/** The columns of `table` that are foreign keys to users. */
function userColumnsOf(table: PgTable): string[] {
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => ref.foreignTable === users && ref.columns.length === 1)
    .map((ref) => ref.columns[0]!.name);
}

/**
 * The sections of an export in file (and insert) order: the organization, the users its tables point at
 * (derived from the foreign keys, so a removed member who still owns a revoked token comes along), then
 * the tenant tables.
 */
export function exportPlan(): SectionPlan[] {
  const userRefs = TENANT_TABLES.flatMap((table) =>
    userColumnsOf(table).map((column) => `select ${quoteIdentifier(column)} from ${quoteIdentifier(getTableConfig(table).name)} where org_id = $org`),
  );
  const section = (table: PgTable, scope: string): SectionPlan => ({ table: getTableConfig(table).name, key: keyOf(table), scope, columns: storedColumnsOf(table) });
  return [
    section(organizations, 't.id = $org'),
    section(users, userRefs.length > 0 ? `t.id in (${userRefs.join(' union ')})` : 'false'),
    ...TENANT_TABLES.map((table) => section(table, 't.org_id = $org')),
  ];
}

/**
 * What is wrong with the registry against the full schema: a table with `org_id` neither exported nor
 * excluded, a registered table without `org_id`, or one whose foreign keys name a table that is not
 * inserted before it. Empty when all is well.
 */
export function checkRegistry(allTables: readonly PgTable[], registry: readonly PgTable[] = TENANT_TABLES, excluded = NOT_EXPORTED): string[] {
  const problems: string[] = [];
  const inserted = new Set<PgTable>([organizations, users]);
  for (const table of registry) {
    const { name, columns, foreignKeys } = getTableConfig(table);
    if (inserted.has(table)) problems.push(`${name} is registered twice`);
    if (!columns.some((c) => c.name === 'org_id')) problems.push(`${name} is registered but has no org_id column`);
    // Imported values would collide with the target's own sequence; ids are UUIDv7 made by the application.
    for (const c of columns.filter((c) => c.generatedIdentity)) problems.push(`${name}.${c.name} is an identity column, which an import cannot carry`);
    for (const fk of foreignKeys) {
      const target = fk.reference().foreignTable;
      if (target === table) problems.push(`${name} references itself, which the import (batches in primary-key order) does not support`);
      else if (!inserted.has(target)) problems.push(`${name} references ${getTableConfig(target).name}, which is not registered before it`);
    }
    inserted.add(table);
  }
  for (const table of allTables) {
    const { name, columns } = getTableConfig(table);
    if (columns.some((c) => c.name === 'org_id') && !registry.includes(table) && !(name in excluded)) {
      problems.push(`${name} has an org_id column but is neither in TENANT_TABLES nor in NOT_EXPORTED (src/platform/transfer/tenant-tables.ts)`);
    }
  }
  return problems;
}

let latestTag: string | undefined;

/** The tag of the newest migration this build knows: the schema version an export was written at. */
export function latestMigrationTag(): string {
  if (latestTag) return latestTag;
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries[journal.entries.length - 1];
  if (!last) throw new Error('the migration journal is empty');
  latestTag = last.tag;
  return latestTag;
}
