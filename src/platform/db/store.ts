import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The query builder, the same type on both stores. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the store's root handle or an open transaction. */
export type Queryable = Db | Tx;

export type StoreKind = 'embedded' | 'postgres';

/**
 * One open store. `query` bypasses the query builder for hot paths (list endpoints, bulk work): it runs
 * parameterised SQL straight on the driver and returns plain rows.
 */
export interface Store {
  kind: StoreKind;
  db: Db;
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Throws when the database cannot answer (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function openPostgresStore(url: string, options: { poolSize?: number } = {}): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process: the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  // Nor may a dropped connection that is checked out: the pool listens for errors only on idle clients, and a
  // client held by a transaction (drizzle's pool.connect()) would emit an unhandled 'error' and kill the
  // process. Its pending and later queries fail instead (→ 503), and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests, which may start from a
 * migrated snapshot tarball). The caller holds the data-dir lock.
 */
export async function openEmbeddedStore(dataDir: string | undefined, snapshot?: Blob): Promise<Store> {
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(snapshot ? { loadDataDir: snapshot } : {}) });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await client.query<Row>(text, params);
      return result.rows;
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
  };
}
