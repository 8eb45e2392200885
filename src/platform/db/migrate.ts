import path from 'node:path';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Store } from './store.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');

/** An arbitrary constant: the advisory lock that serialises migrations between processes. */
const MIGRATION_LOCK_KEY = 7_263_510_042;

/** Brings an embedded store's schema up to date. */
export async function migrateEmbedded(store: Store): Promise<void> {
  await migratePglite(store.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
}

/**
 * Brings a PostgreSQL database's schema up to date. Several processes may start at once behind a load
 * balancer, so the work runs on one connection under an advisory lock.
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
