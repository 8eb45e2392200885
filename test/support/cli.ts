import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store } from '../../src/platform/db/store.ts';
import { createTestStore, TEST_STORE_KIND } from './test-store.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node --import tsx src/main.ts …`) as a child process. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', BULWARK_DATA_DIR: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface CliStore {
  /** Flags that point a CLI command at this store. */
  flags: string[];
  /** Opens the same store in-process (taking the data-dir lock while `work` runs). */
  open<T>(work: (store: Store) => Promise<T>): Promise<T>;
  dispose(): Promise<void>;
}

async function openWith<T>(config: { dataDir: string; databaseUrl: string | undefined }, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore({ ...config, poolSize: 2 });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** A fresh store for CLI tests: a temp data dir (embedded) or a scratch database (PostgreSQL project). */
export async function createCliStore(): Promise<CliStore> {
  if (TEST_STORE_KIND === 'postgres') {
    const scratch = await createTestStore();
    await scratch.store.close();
    const config = { dataDir: '', databaseUrl: scratch.url! };
    return { flags: ['--database-url', scratch.url!], open: (work) => openWith(config, work), dispose: () => scratch.dispose().catch(() => undefined) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-cli-'));
  const config = { dataDir: dir, databaseUrl: undefined };
  return { flags: ['--data-dir', dir], open: (work) => openWith(config, work), dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
