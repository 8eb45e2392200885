import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { sha256Hex } from '../platform/util/digest.ts';

/** Rows per statement in batch writes: one JSON parameter each, so no parameter-count limit applies. */
export const BATCH_CHUNK = 5000;

/** `col = any(…)` over a list of strings passed as one JSON parameter (no 65,535-parameter limit, no quoting). */
export const anyOf = (column: string, values: readonly string[]) =>
  sql`${sql.raw(column)} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/**
 * Writes `rows` (objects keyed by column name) with one statement per chunk, through
 * jsonb_to_recordset: `insert` adds them, `update` sets `columns` of the rows matched by (org_id, id).
 * `recordType` declares every column's SQL type, e.g. "id uuid, name text, tags text[]".
 */
export async function writeRows(
  tx: Queryable,
  mode: 'insert' | 'update',
  table: string,
  orgId: string,
  recordType: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let first = 0; first < rows.length; first += BATCH_CHUNK) {
    const json = JSON.stringify(rows.slice(first, first + BATCH_CHUNK));
    const source = sql`jsonb_to_recordset(${json}::jsonb) as v(${sql.raw(recordType)})`;
    if (mode === 'insert') {
      const list = sql.raw(columns.join(', '));
      await tx.execute(sql`insert into ${sql.raw(table)} (org_id, ${list}) select ${orgId}::uuid, ${sql.raw(columns.map((c) => `v.${c}`).join(', '))} from ${source}`);
    } else {
      const set = sql.raw(columns.filter((c) => c !== 'id').map((c) => `${c} = v.${c}`).join(', '));
      await tx.execute(sql`update ${sql.raw(table)} t set ${set} from ${source} where t.org_id = ${orgId}::uuid and t.id = v.id`);
    }
  }
}

/**
 * What a batch's audit entry records as its "after" state: the SHA-256 of the rows written, in the order
 * written. The rows are built with a fixed key order, so plain JSON is stable; canonical JSON (which the
 * audit layer then applies to this small object) costs seconds per 100,000 rows.
 */
export function batchDigest(inserts: readonly Record<string, unknown>[], updates: readonly Record<string, unknown>[]): { inserted: number; updated: number; rowsSha256: string } {
  return { inserted: inserts.length, updated: updates.length, rowsSha256: sha256Hex(JSON.stringify([inserts, updates])) };
}
