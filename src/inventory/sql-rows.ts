import type { SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';

/**
 * Runs raw SQL inside a transaction (or on the root handle) and returns its rows. Both drivers answer
 * `execute` with an object whose `rows` are plain objects; drizzle types it per driver, hence the cast.
 */
export async function rowsOf<Row>(tx: Queryable, query: SQL): Promise<Row[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
