import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrateEmbedded, migratePostgres, MIGRATIONS_DIR } from '../../src/platform/db/migrate.ts';
import { openEmbeddedStore, openPostgresStore, type Store } from '../../src/platform/db/store.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { adminUrl, TEMPLATE_DB, urlFor } from './pg-global-setup.ts';

export const TEST_STORE_KIND = process.env.BULWARK_TEST_STORE === 'postgres' ? 'postgres' : 'embedded';

export interface TestStore {
  store: Store;
  /** For PostgreSQL: the scratch database's URL (tests that start a second process use it). */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** A freshly migrated, empty store of the kind under test, isolated from every other test file. */
export async function createTestStore(): Promise<TestStore> {
  if (TEST_STORE_KIND === 'embedded') {
    const store = await openEmbeddedStore(undefined, await migratedSnapshot());
    return { store, url: undefined, dispose: () => store.close() };
  }
  const database = `bulwark_test_${newId().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${database} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(database);
  // Harmless when the template is current; keeps a stale template from hiding a new migration.
  await migratePostgres(url);
  const store = openPostgresStore(url, { poolSize: 10 });
  return {
    store,
    url,
    async dispose() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${database} with (force)`).finally(() => cleanup.end());
    },
  };
}

/** A key that changes whenever a migration file does. */
function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * PGlite's initdb costs seconds per test file; loading a migrated data directory from a tarball costs a
 * fraction. The tarball is cached in the OS temp dir per migration set, written atomically so parallel
 * test workers never read half a file.
 */
async function migratedSnapshot(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `bulwark-test-pglite-${migrationsKey()}.tar`);
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const store = await openEmbeddedStore(undefined);
  await migrateEmbedded(store);
  const client = (store.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await store.close();
  const temp = `${file}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(temp, file);
  return dump;
}
