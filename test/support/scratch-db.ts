import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

export interface DisposableTarget {
  target: { dataDir: string } | { databaseUrl: string };
  cleanup(): Promise<void>;
}

/**
 * A fresh store for a child server of the kind under test: a temp data dir in the embedded project, a
 * scratch database in the PostgreSQL one.
 */
export async function createStoreTarget(prefix: string): Promise<DisposableTarget> {
  if (process.env.BULWARK_TEST_STORE === 'postgres') {
    const database = await createScratchDatabase();
    return { target: { databaseUrl: database.url }, cleanup: () => database.drop() };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { target: { dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export const STORE_UNDER_TEST = process.env.BULWARK_TEST_STORE === 'postgres' ? 'PostgreSQL' : 'embedded store';
