import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { newId } from '../platform/util/ids.ts';
import { BATCH_CHUNK, writeRows } from '../inventory/batch-sql.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import { IMPORTED_KINDS, type AttackBundle, type ThreatDraft } from './attack-import.ts';
import type { TAttackImportSummary } from './threats.schema.ts';

/*
 * An ATT&CK import against the store: what it changes (planAttackImport, read-only, also the dry run) and the
 * writes (writeAttackPlan), both inside the caller's transaction.
 */

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
/** Rows per statement between two progress reports: small enough that a job's progress moves visibly. */
const WRITE_CHUNK = Math.min(1000, BATCH_CHUNK);

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

/** What an import changes: the summary, and the rows and relations to write. */
export interface AttackImportPlan {
  summary: Omit<TAttackImportSummary, 'dryRun'>;
  inserts: Record<string, unknown>[];
  updates: Record<string, unknown>[];
  /** Relation keys (`from type to`, threat ids) to add and to remove. */
  createdRelations: string[];
  removedRelations: string[];
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

/**
 * A list as one PostgreSQL array parameter (`col = any(…)`), each element quoted: STIX ids come from the file.
 * Not `in (select jsonb_array_elements_text(…))`: with statistics taken before a large import into a new
 * organization, the planner put that set-returning function on the inner side of a nested loop and expanded it
 * once per row (a re-import of 2,460 threats and 6,360 relations took 3 s instead of 0.1 s).
 */
const arrayParam = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

async function loadImported(tx: Queryable, orgId: string, stixIds: readonly string[]): Promise<Map<string, StoredThreat>> {
  const rows: StoredThreat[] = [];
  for (let first = 0; first < stixIds.length; first += BATCH_CHUNK) {
    rows.push(
      ...(await rowsOf<StoredThreat>(
        tx,
        sql`select id, stix_id, kind, name, description, external_id, origin, url, tactics, platforms, aliases, deprecated, version
            from threats where org_id = ${orgId} and stix_id = any(${arrayParam(stixIds.slice(first, first + BATCH_CHUNK))}::text[])`,
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
            where org_id = ${orgId} and from_id = any(${arrayParam(ids.slice(first, first + BATCH_CHUNK))}::uuid[])`,
      )),
    );
  }
  const inBundle = new Set(ids);
  return new Set(rows.filter((row) => inBundle.has(row.to_id)).map((row) => relationKey(row.from_id, row.type, row.to_id)));
}

async function writeRelations(tx: Queryable, orgId: string, mode: 'insert' | 'delete', keys: readonly string[]): Promise<void> {
  const json = JSON.stringify(
    keys.map((key) => {
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

/**
 * Compares the bundle with the organization's threats, matched by STIX id: new objects are created, changed
 * ones updated in place (version + 1), unchanged ones left alone; the relations among the bundle's objects are
 * made to match the bundle. Reads only.
 */
export async function planAttackImport(tx: Queryable, orgId: string, bundle: AttackBundle): Promise<AttackImportPlan> {
  const stored = await loadImported(
    tx,
    orgId,
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
  const existing = await loadRelations(tx, orgId, [...idOf.values()]);
  const createdRelations = [...wanted].filter((key) => !existing.has(key));
  const removedRelations = [...existing].filter((key) => !wanted.has(key));
  return {
    summary: {
      origin: bundle.origin,
      kinds,
      relations: { created: createdRelations.length, removed: removedRelations.length, unchanged: wanted.size - createdRelations.length },
      skipped: bundle.skipped,
    },
    inserts,
    updates,
    createdRelations,
    removedRelations,
  };
}

/** Units of work an import reports progress in: each threat and each relation of the bundle. */
export const progressTotalOf = (bundle: Pick<AttackBundle, 'threats' | 'relations'>): number =>
  bundle.threats.length + bundle.relations.length;

/**
 * Writes a plan in chunks, reporting progress after each (in progressTotalOf's units: unchanged threats and
 * relations count as done at once). Threats first, so the relations' ends exist.
 */
export async function writeAttackPlan(
  tx: Queryable,
  orgId: string,
  plan: AttackImportPlan,
  progress: (done: number, total: number) => Promise<void>,
): Promise<void> {
  const { kinds, relations } = plan.summary;
  const total = Object.values(kinds).reduce((n, c) => n + c.created + c.updated + c.unchanged, 0) + relations.created + relations.unchanged;
  let done = Object.values(kinds).reduce((n, c) => n + c.unchanged, 0) + relations.unchanged;
  const chunked = async (
    rows: readonly unknown[],
    write: (first: number, last: number) => Promise<void>,
    counts: boolean,
  ): Promise<void> => {
    for (let first = 0; first < rows.length; first += WRITE_CHUNK) {
      const last = Math.min(rows.length, first + WRITE_CHUNK);
      await write(first, last);
      if (counts) done += last - first;
      await progress(done, total);
    }
  };
  await progress(done, total);
  await chunked(
    plan.inserts,
    (first, last) => writeRows(tx, 'insert', 'threats', orgId, RECORD_TYPE, INSERT_COLUMNS, plan.inserts.slice(first, last)),
    true,
  );
  await chunked(
    plan.updates,
    (first, last) => writeRows(tx, 'update', 'threats', orgId, RECORD_TYPE, UPDATE_COLUMNS, plan.updates.slice(first, last)),
    true,
  );
  // Removed relations are not in the bundle, so they are not units of progress; removing them still takes time.
  await chunked(
    plan.removedRelations,
    (first, last) => writeRelations(tx, orgId, 'delete', plan.removedRelations.slice(first, last)),
    false,
  );
  await chunked(
    plan.createdRelations,
    (first, last) => writeRelations(tx, orgId, 'insert', plan.createdRelations.slice(first, last)),
    true,
  );
}
