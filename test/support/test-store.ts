import pg from 'pg';
import { migrateEmbedded, migratePostgres } from '../../src/platform/db/migrate.ts';
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
    const store = await openEmbeddedStore(undefined);
    await migrateEmbedded(store);
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
