/**
 * The floor the inventory list is measured against: bare node:http (no framework, no auth, no zod, no
 * hooks) with one route that calls the product's own listAssets (src/inventory/assets-list.ts: the
 * very SQL builder, page query and total query the API runs) on a bare pg.Pool (PostgreSQL) or PGlite
 * (embedded), and writes JSON.stringify of the page. The query string is read without validation.
 * Run as a child process by inventory-list.ts:
 *
 *   FLOOR_PORT=… FLOOR_ORG_ID=… (DATABASE_URL=… | FLOOR_DATA_DIR=…) node --import tsx bench/http/inventory-floor-server.ts
 */
import http from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { listAssets } from '../../src/inventory/assets-list.ts';
import type { TAssetQuery } from '../../src/inventory/assets.schema.ts';
import { acquireDataDirLock } from '../../src/platform/db/lock.ts';
import type { Store } from '../../src/platform/db/store.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** Just enough of a Store for listAssets: `query` straight on the driver. */
async function openDriver(): Promise<{ store: Store; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    // The product's pool options (src/platform/db/store.ts), so both sides get the same connections.
    const pool = new pg.Pool({
      connectionString: url,
      max: Number(process.env.BULWARK_POOL_SIZE ?? 20),
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    pool.on('error', () => undefined);
    const store = {
      kind: 'postgres',
      query: async (text: string, params: unknown[] = []) => (await pool.query(text, params)).rows,
    } as unknown as Store;
    return { store, close: () => pool.end() };
  }
  const dataDir = required('FLOOR_DATA_DIR');
  const release = acquireDataDirLock(dataDir);
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pg') });
  const store = {
    kind: 'embedded',
    query: async (text: string, params: unknown[] = []) => (await client.query(text, params)).rows,
  } as unknown as Store;
  return {
    store,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** The query string as TAssetQuery, defaults applied, nothing checked. */
function queryOf(search: URLSearchParams): TAssetQuery {
  const query: Record<string, unknown> = { sort: search.get('sort') ?? 'name', limit: Number(search.get('limit') ?? 50) };
  for (const key of ['kind', 'category', 'status', 'tag', 'operatorId', 'q', 'cursor']) {
    const value = search.get(key);
    if (value !== null) query[key] = key === 'q' ? value.trim() : value;
  }
  return query as TAssetQuery;
}

const orgId = required('FLOOR_ORG_ID');
const driver = await openDriver();

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  if (url.pathname === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (url.pathname !== '/assets') {
    response.writeHead(404).end();
    return;
  }
  listAssets(driver.store, { orgId }, queryOf(url.searchParams)).then(
    (page) => {
      const body = JSON.stringify(page);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    },
    (error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
    },
  );
});
server.keepAliveTimeout = 72_000;

const shutdown = (): void => {
  server.close();
  void driver.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(Number(required('FLOOR_PORT')), '127.0.0.1');
