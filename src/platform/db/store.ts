import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
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

export interface QueryOptions {
  /**
   * Run as a named prepared statement: PostgreSQL parses and plans it once per connection instead of on
   * every call (for the per-request queries, planning cost more than running). Ignored by PGlite.
   */
  name?: string;
}

/**
 * One open store. `query` bypasses the query builder for hot paths (list endpoints, bulk work): it runs
 * parameterised SQL straight on the driver and returns plain rows.
 */
export interface Store {
  kind: StoreKind;
  db: Db;
  query<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Throws when the database cannot answer (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * A pool whose checked-out clients give their slot back when their connection dies. drizzle's transaction()
 * sends BEGIN before its try/finally, so a client whose connection is lost during BEGIN is never released:
 * each such loss leaks a slot for good, and once they are all gone every request waits for a connection and
 * fails, though the database is back. Here a client that errors while checked out is released (and so
 * discarded) at once, and its borrower's own release() afterwards does nothing.
 */
class SelfHealingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    // The callback form is pool.query()'s, which already releases a client that errors.
    if (callback) return super.connect(callback);
    return super.connect().then((client) => {
      const release = client.release;
      let released = false;
      const releaseOnce = (err?: Error | boolean): void => {
        if (released) return;
        released = true;
        client.removeListener('error', onLost);
        release(err);
      };
      const onLost = (error: Error): void => releaseOnce(error);
      client.once('error', onLost);
      client.release = releaseOnce;
      return client;
    });
  }
}

export function openPostgresStore(url: string, options: { poolSize?: number } = {}): Store {
  const pool = new SelfHealingPool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: 5000,
    // A database that stops answering without closing connections must not hang requests for ever: they fail
    // (and map to 503) after this long. Generous, so long exports and imports are not cut short.
    query_timeout: 120_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process: the pool replaces it on the next checkout.
  pool.on('error', () => undefined);
  // Nor may a dropped connection that is checked out: the pool listens for errors only on idle clients, and a
  // client held by a transaction (drizzle's pool.connect()) would emit an unhandled 'error' and kill the
  // process. Its pending and later queries fail instead (→ 503); SelfHealingPool gives its slot back.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query<Row>(text: string, params: unknown[] = [], options: QueryOptions = {}) {
      const result = options.name ? await pool.query({ name: options.name, text, values: params }) : await pool.query(text, params);
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
 * The contrib extensions every embedded store loads. PGlite ships each one apart and unpacks it at every
 * start; a data directory whose schema uses one (migration 0010's trigram index) needs it loaded each time.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests, which may start from a
 * migrated snapshot tarball). The caller holds the data-dir lock.
 */
export async function openEmbeddedStore(dataDir: string | undefined, snapshot?: Blob): Promise<Store> {
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(snapshot ? { loadDataDir: snapshot } : {}),
    extensions: PGLITE_EXTENSIONS,
  });
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
