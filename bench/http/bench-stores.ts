import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { StoreKind } from '../../src/platform/db/store.ts';
import { randomSecret } from '../../src/platform/util/digest.ts';
import { benchActors, createBenchOrg, seedAuditEntries } from './seed-audit.ts';

export const ADMIN_URL = process.env.BULWARK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh store holding the seeded org, and how each child process reaches it. */
export interface PreparedStore {
  kind: StoreKind;
  orgId: string;
  token: string;
  seedSeconds: number;
  /** Extra CLI flags and environment for `bulwark serve`. */
  productArgs: string[];
  productEnv: Record<string, string>;
  floorEnv: Record<string, string>;
  /** PostgreSQL only: the server processes (backends) connected to the scratch database right now. */
  backendPids?: () => Promise<number[]>;
  dispose(): Promise<void>;
}

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Starts the Debian cluster when nothing answers (the bench machine's PostgreSQL may be down). */
export async function ensurePostgresUp(): Promise<void> {
  try {
    await withAdmin((client) => client.query('select 1'));
    return;
  } catch (error) {
    log(`PostgreSQL does not answer (${(error as Error).message}); running pg_ctlcluster 15 main start`);
  }
  execFileSync('pg_ctlcluster', ['15', 'main', 'start'], { stdio: 'inherit' });
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await withAdmin((client) => client.query('select 1'));
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`PostgreSQL at ${ADMIN_URL} still does not answer`);
}

async function seed(config: { databaseUrl: string | undefined; dataDir: string; poolSize: number }, entries: number): Promise<{ orgId: string; token: string; seedSeconds: number }> {
  const store = await openConfiguredStore(config);
  try {
    const org = await createBenchOrg(store);
    const started = performance.now();
    const { headSeq } = await seedAuditEntries(store, org.orgId, entries, benchActors(org));
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(`seeded ${entries} entries (chain verified, head at seq ${headSeq}) in ${seedSeconds} s`);
    return { orgId: org.orgId, token: org.token, seedSeconds };
  } finally {
    await store.close();
  }
}

/** A scratch database `bulwark_bench_<random>`, dropped by dispose(). Both servers share it. */
async function preparePostgres(entries: number, poolSize: number): Promise<PreparedStore> {
  await ensurePostgresUp();
  const database = `bulwark_bench_${randomSecret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  await withAdmin((client) => client.query(`create database ${database}`));
  const dispose = (): Promise<void> => withAdmin((client) => client.query(`drop database if exists ${database} with (force)`)).then(() => undefined);
  try {
    const url = urlFor(database);
    log(`postgres: scratch database ${database}`);
    const seeded = await seed({ databaseUrl: url, dataDir: '', poolSize }, entries);
    const backendPids = (): Promise<number[]> =>
      withAdmin(async (client) => (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database])).rows.map((r) => r.pid));
    return { kind: 'postgres', ...seeded, productArgs: [], productEnv: { DATABASE_URL: url }, floorEnv: { DATABASE_URL: url }, backendPids, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * A temporary data directory, seeded in this process and closed (PGlite allows one process per
 * directory), then copied for the floor so both servers can stay up side by side.
 */
async function prepareEmbedded(entries: number, poolSize: number): Promise<PreparedStore> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-'));
  const dispose = async (): Promise<void> => fs.rmSync(root, { recursive: true, force: true });
  try {
    const productDir = path.join(root, 'product');
    const floorDir = path.join(root, 'floor');
    log(`embedded: data directory ${productDir}`);
    const seeded = await seed({ databaseUrl: undefined, dataDir: productDir, poolSize }, entries);
    fs.cpSync(path.join(productDir, 'pg'), path.join(floorDir, 'pg'), { recursive: true });
    return { kind: 'embedded', ...seeded, productArgs: ['--data-dir', productDir], productEnv: {}, floorEnv: { FLOOR_DATA_DIR: floorDir }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export function prepareStore(kind: StoreKind, entries: number, poolSize: number): Promise<PreparedStore> {
  return kind === 'postgres' ? preparePostgres(entries, poolSize) : prepareEmbedded(entries, poolSize);
}
