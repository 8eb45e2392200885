import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/store.ts';

/** SQL text with named parameters (`$org`, `$rows`) turned into driver parameters; unknown names stay text. */
export function sqlText(text: string, params: Readonly<Record<string, unknown>> = {}): SQL {
  const chunks = text.split(/(\$[a-z][A-Za-z0-9]*)/).map((part) => {
    const name = part.slice(1);
    return part.startsWith('$') && name in params ? sql`${params[name]}` : sql.raw(part);
  });
  return sql.join(chunks);
}

/**
 * Runs plain SQL inside a transaction and returns its rows. `store.query` cannot join a transaction, and
 * the query builder cannot express `row_to_json` or `json_populate_recordset` over a table named at run time.
 */
export async function queryTx<Row>(tx: Queryable, text: string, params: Readonly<Record<string, unknown>> = {}): Promise<Row[]> {
  // Both drivers (node-postgres and PGlite) answer with a result object that carries `rows`.
  const result = (await tx.execute(sqlText(text, params))) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Session settings under which PostgreSQL's JSON output is the same text on every store and every server
 * configuration: timestamps are rendered in the session time zone, floats and intervals by these settings.
 * LOCAL: they end with the transaction, so a pooled connection goes back unchanged.
 */
export async function useCanonicalJsonSettings(tx: Queryable): Promise<void> {
  await queryTx(tx, "select set_config('timezone', 'UTC', true), set_config('extra_float_digits', '1', true), set_config('intervalstyle', 'postgres', true), set_config('bytea_output', 'hex', true)");
}
