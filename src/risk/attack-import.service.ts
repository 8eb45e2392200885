import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { anyOf, batchDigest, BATCH_CHUNK, writeRows } from '../inventory/batch-sql.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import { AttackBundleError, IMPORTED_KINDS, parseAttackBundle, type AttackBundle, type ThreatDraft } from './attack-import.ts';
import type { TAttackImportSummary } from './threats.schema.ts';

/** The columns an import writes, with their SQL types for jsonb_to_recordset (batch-sql.ts). */
const RECORD_TYPE =
  'id uuid, kind text, name text, description text, external_id text, stix_id text, origin text, url text, ' +
  'tactics text[], platforms text[], aliases text[], deprecated boolean, version integer, created_at timestamptz, updated_at timestamptz';
const INSERT_COLUMNS = [
  'id',
  'kind',
  'name',
  'description',
  'external_id',
  'stix_id',
  'origin',
  'url',
  'tactics',
  'platforms',
  'aliases',
  'deprecated',
  'version',
  'created_at',
  'updated_at',
] as const;
const UPDATE_COLUMNS = INSERT_COLUMNS.filter((c) => c !== 'stix_id' && c !== 'created_at');

interface StoredThreat {
  id: string;
  stix_id: string;
  kind: string;
  name: string;
  description: string | null;
  external_id: string | null;
  origin: string;
  url: string | null;
  tactics: string[];
  platforms: string[];
  aliases: string[];
  deprecated: boolean;
  version: number;
}

/** The stored row in the order and shape of a draft, to tell an unchanged entry from a changed one. */
const comparable = (
  row: { kind: string; name: string; description: string | null; externalId: string | null; origin: string; url: string | null } & Pick<
    ThreatDraft,
    'tactics' | 'platforms' | 'aliases' | 'deprecated'
  >,
) =>
  JSON.stringify([
    row.kind,
    row.name,
    row.description,
    row.externalId,
    row.origin,
    row.url,
    row.tactics,
    row.platforms,
    row.aliases,
    row.deprecated,
  ]);

const relationKey = (from: string, type: string, to: string): string => `${from} ${type} ${to}`;

async function loadImported(tx: Queryable, orgId: string, stixIds: readonly string[]): Promise<Map<string, StoredThreat>> {
  const rows: StoredThreat[] = [];
  for (let first = 0; first < stixIds.length; first += BATCH_CHUNK) {
    rows.push(
      ...(await rowsOf<StoredThreat>(
        tx,
        sql`select id, stix_id, kind, name, description, external_id, origin, url, tactics, platforms, aliases, deprecated, version
            from threats where org_id = ${orgId} and ${anyOf('stix_id', stixIds.slice(first, first + BATCH_CHUNK))}`,
      )),
    );
  }
  return new Map(rows.map((row) => [row.stix_id, row]));
}

/** Relations whose both ends are threats of this bundle: those the bundle decides. */
async function loadRelations(tx: Queryable, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows: { from_id: string; type: string; to_id: string }[] = [];
  for (let first = 0; first < ids.length; first += BATCH_CHUNK) {
    rows.push(
      ...(await rowsOf<{ from_id: string; type: string; to_id: string }>(
        tx,
        sql`select from_id, type, to_id from threat_relations
            where org_id = ${orgId} and from_id in (select jsonb_array_elements_text(${JSON.stringify(ids.slice(first, first + BATCH_CHUNK))}::jsonb)::uuid)`,
      )),
    );
  }
  const inBundle = new Set(ids);
  return new Set(rows.filter((row) => inBundle.has(row.to_id)).map((row) => relationKey(row.from_id, row.type, row.to_id)));
}

async function writeRelations(tx: Queryable, orgId: string, mode: 'insert' | 'delete', keys: readonly string[]): Promise<void> {
  for (let first = 0; first < keys.length; first += BATCH_CHUNK) {
    const json = JSON.stringify(
      keys.slice(first, first + BATCH_CHUNK).map((key) => {
        const [from_id, type, to_id] = key.split(' ');
        return { from_id, type, to_id };
      }),
    );
    const source = sql`jsonb_to_recordset(${json}::jsonb) as v(from_id uuid, type text, to_id uuid)`;
    await tx.execute(
      mode === 'insert'
        ? sql`insert into threat_relations (org_id, from_id, type, to_id) select ${orgId}::uuid, v.from_id, v.type, v.to_id from ${source}`
        : sql`delete from threat_relations r using ${source} where r.org_id = ${orgId} and r.from_id = v.from_id and r.type = v.type and r.to_id = v.to_id`,
    );
  }
}

/** Reads the bundle or answers 422 naming the bad places. */
export function readAttackBundle(input: unknown, prefix = 'body'): AttackBundle {
  try {
    return parseAttackBundle(input, prefix);
  } catch (error) {
    if (error instanceof AttackBundleError) throw unprocessable(error.message, error.errors);
    throw error;
  }
}

/**
 * Imports an ATT&CK bundle into the organization's threats, in one transaction: new objects are added, changed
 * ones updated in place (version + 1), unchanged ones left alone; the relations among the bundle's objects are
 * made to match the bundle. With `dryRun` the same summary is computed and nothing is written. `pathPrefix` is where
 * error paths start (`body` for the API).
 */
export async function importAttackBundle(
  store: Store,
  access: OrgAccess,
  input: unknown,
  options: { dryRun: boolean; pathPrefix?: string },
): Promise<TAttackImportSummary> {
  const bundle = readAttackBundle(input, options.pathPrefix);
  return store.db.transaction(async (tx) => {
    // Two imports into one organization wait for each other instead of racing on the stix_id index.
    if (!options.dryRun) await tx.execute(sql`select 1 from organizations where id = ${access.orgId} for no key update`);
    const stored = await loadImported(
      tx,
      access.orgId,
      bundle.threats.map((d) => d.stixId),
    );
    const now = new Date().toISOString();
    const kinds = Object.fromEntries(IMPORTED_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0 }]));
    const idOf = new Map<string, string>();
    const inserts: Record<string, unknown>[] = [];
    const updates: Record<string, unknown>[] = [];
    for (const draft of bundle.threats) {
      const counts = kinds[draft.kind]!;
      const current = stored.get(draft.stixId);
      const values = { ...draft, origin: bundle.origin };
      const row = (id: string, version: number) => ({
        id,
        kind: draft.kind,
        name: draft.name,
        description: draft.description,
        external_id: draft.externalId,
        stix_id: draft.stixId,
        origin: bundle.origin,
        url: draft.url,
        tactics: draft.tactics,
        platforms: draft.platforms,
        aliases: draft.aliases,
        deprecated: draft.deprecated,
        version,
        created_at: now,
        updated_at: now,
      });
      if (!current) {
        const id = newId();
        idOf.set(draft.stixId, id);
        inserts.push(row(id, 1));
        counts.created++;
        continue;
      }
      idOf.set(draft.stixId, current.id);
      if (comparable({ ...current, externalId: current.external_id }) === comparable(values)) counts.unchanged++;
      else {
        updates.push(row(current.id, current.version + 1));
        counts.updated++;
      }
    }

    const wanted = new Set(bundle.relations.map((rel) => relationKey(idOf.get(rel.from)!, rel.type, idOf.get(rel.to)!)));
    const existing = await loadRelations(tx, access.orgId, [...idOf.values()]);
    const created = [...wanted].filter((key) => !existing.has(key));
    const removed = [...existing].filter((key) => !wanted.has(key));
    const summary: TAttackImportSummary = {
      origin: bundle.origin,
      dryRun: options.dryRun,
      kinds,
      relations: { created: created.length, removed: removed.length, unchanged: wanted.size - created.length },
      skipped: bundle.skipped,
    };
    if (options.dryRun) return summary;

    await writeRows(tx, 'insert', 'threats', access.orgId, RECORD_TYPE, INSERT_COLUMNS, inserts);
    await writeRows(tx, 'update', 'threats', access.orgId, RECORD_TYPE, UPDATE_COLUMNS, updates);
    await writeRelations(tx, access.orgId, 'delete', removed);
    await writeRelations(tx, access.orgId, 'insert', created);
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'threat.catalogue-imported',
      targetType: 'threat-catalogue',
      targetId: bundle.origin,
      after: batchDigest(inserts, updates),
      summary: { origin: summary.origin, kinds: summary.kinds, relations: summary.relations, skipped: summary.skipped },
    });
    return summary;
  });
}
