import path from 'node:path';
import type { Config } from '../config.ts';
import { acquireDataDirLock } from './lock.ts';
import { migrateEmbedded, migratePostgres } from './migrate.ts';
import { openEmbeddedStore, openPostgresStore, type Store } from './store.ts';

/**
 * Opens the store the configuration names and brings its schema up to date.
 * The embedded store is guarded by the data-dir lock for as long as it is open.
 */
export async function openConfiguredStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolSize'>): Promise<Store> {
  if (config.databaseUrl) {
    await migratePostgres(config.databaseUrl);
    return openPostgresStore(config.databaseUrl, { poolSize: config.poolSize });
  }
  const release = acquireDataDirLock(config.dataDir);
  try {
    const store = await openEmbeddedStore(path.join(config.dataDir, 'pg'));
    await migrateEmbedded(store);
    const close = store.close;
    return {
      ...store,
      async close() {
        try {
          await close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Human-readable name of where the data lives, for logs (never prints a password). */
export function describeStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname || 'local socket'}/${url.pathname.replace(/^\//, '')}`;
  } catch {
    return 'PostgreSQL';
  }
}
