import pg from 'pg';
import { newId } from '../../src/platform/util/ids.ts';
import { adminUrl, TEMPLATE_DB, urlFor } from './pg-global-setup.ts';

export interface ScratchDatabase {
  url: string;
  name: string;
  /** Drops the database, disconnecting whoever is still on it. */
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database cloned from the migrated template of the store project, for tests that hand
 * a URL to a child process instead of opening a store themselves.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `bulwark_fault_${newId().replaceAll('-', '')}`;
  await admin((client) => client.query(`create database ${name} template ${TEMPLATE_DB}`));
  return {
    url: urlFor(name),
    name,
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
