/**
 * The floor the inventory list is measured against: bare node:http (no framework, no auth, no zod, no
 * hooks) with one route that calls the product's own listAssets (src/inventory/assets-list.ts: the very SQL
 * builder, page query and total query the API runs, prepared where the API prepares them) on a bare pg.Pool
 * (PostgreSQL) or PGlite (embedded), and writes JSON.stringify of the page. The query string is read without
 * validation.
 * Run as a child process by inventory-list.ts:
 *
 *   FLOOR_PORT=… FLOOR_ORG_ID=… (DATABASE_URL=… | FLOOR_DATA_DIR=…) node --import tsx bench/http/inventory-floor-server.ts
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { listAssets } from '../../src/inventory/assets-list.ts';
import type { TAssetQuery } from '../../src/inventory/assets.schema.ts';
import { acquireDataDirLock } from '../../src/platform/db/lock.ts';
import { floorPostgresStore, required, serveFloor } from './floor-kit.ts';
import type { Store } from '../../src/platform/db/store.ts';

/** Just enough of a Store for listAssets: `query` straight on the driver. */
async function openDriver(): Promise<{ store: Store; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return floorPostgresStore(url);
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

serveFloor(
  (url) => (url.pathname === '/assets' ? () => listAssets(driver.store, { orgId }, queryOf(url.searchParams)) : null),
  JSON.stringify,
  driver.close,
);
