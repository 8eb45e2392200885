import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createToken } from '../../src/platform/auth/tokens.service.ts';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store } from '../../src/platform/db/store.ts';
import { afterAll, beforeAll } from 'vitest';
import { bearer, buildOrg } from './test-app.ts';

/**
 * Helpers for fault tests that run Bulwark as a real child process (`node --import tsx src/main.ts …`),
 * so signals, exit codes, the data-dir lock and process death are the real ones.
 * Every child listens on 127.0.0.1 only.
 */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Time allowed to a test or hook that starts Bulwark processes. Unloaded, a start takes 2–4 s; the bound is
 * generous because the suites share two cores with everything else, and a hang still ends in it.
 */
export const PROCESS_TIMEOUT_MS = 180_000;

/** Where a child keeps its data: an embedded data directory or a PostgreSQL database. */
export type StoreTarget = { dataDir: string } | { databaseUrl: string };

export function storeArgs(target: StoreTarget): string[] {
  return 'dataDir' in target ? ['--data-dir', target.dataDir] : ['--database-url', target.databaseUrl];
}

/** An unused TCP port on 127.0.0.1 (the OS picks it; released before returning). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ChildOptions {
  /** LOG_LEVEL of the child (default warn). */
  logLevel?: string;
  /** Extra environment, e.g. BULWARK_POOL_SIZE. */
  env?: Record<string, string>;
}

function childEnv(options: ChildOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: options.logLevel ?? 'warn', BULWARK_DEMO: 'false' };
  // The store comes from the flags only; the test runner's environment must not leak a database in.
  delete env.DATABASE_URL;
  delete env.BULWARK_DATA_DIR;
  return { ...env, ...options.env };
}

function spawnBulwark(args: string[], options: ChildOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: childEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs one `bulwark …` command to completion (killed after `timeoutMs`). */
export async function runCli(args: string[], timeoutMs = 30_000): Promise<CliResult> {
  const child = spawnBulwark(args, {});
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const exit = await exitOf(child);
    return { ...exit, stdout, stderr };
  } finally {
    clearTimeout(timer);
  }
}

export interface ServerProcess {
  pid: number;
  port: number;
  baseUrl: string;
  /** Everything the child wrote to stdout and stderr so far (for assertion messages). */
  output(): string;
  isRunning(): boolean;
  exited: Promise<Exit>;
  /** Resolves when the child's output contains `text` (rejects after `timeoutMs` or if the child exits). */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** SIGKILLs the child if it still runs and waits for it to be gone; safe to call twice. */
  dispose(): Promise<void>;
}

/** Starts `bulwark serve` and returns at once; use waitForReady (or startServer) before sending traffic. */
export function spawnServer(target: StoreTarget, port: number, options: ChildOptions = {}): ServerProcess {
  const child = spawnBulwark(['serve', '--port', String(port), '--no-demo', ...storeArgs(target)], options);
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = exitOf(child);
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null;
  if (child.pid === undefined) throw new Error('could not spawn bulwark serve');
  return {
    pid: child.pid,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    isRunning,
    exited,
    waitForOutput(text, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error): void => {
          waiters.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = (): void => {
          if (output.includes(text)) done();
        };
        const timer = setTimeout(
          () => done(new Error(`no "${text}" in the server's output within ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        void exited.then(() => {
          if (!output.includes(text)) done(new Error(`the server exited before printing "${text}":\n${output}`));
        });
        waiters.add(check);
        check();
      });
    },
    async dispose() {
      if (isRunning()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls GET /readyz until it answers 200; fails at once if the child exits first. */
export async function waitForReady(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.isRunning())
      throw new Error(`bulwark serve exited before it was ready (${JSON.stringify(await server.exited)}):\n${server.output()}`);
    try {
      const response = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`bulwark serve was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** Spawns `bulwark serve` on a free port and waits until it is ready. */
export async function startServer(target: StoreTarget, options: ChildOptions & { port?: number } = {}): Promise<ServerProcess> {
  const server = spawnServer(target, options.port ?? (await freePort()), options);
  try {
    await waitForReady(server);
  } catch (error) {
    await server.dispose();
    throw error;
  }
  return server;
}

export interface SeededOrg {
  slug: string;
  ownerEmail: string;
  /** An owner-role API token secret bound to the organization. */
  token: string;
}

/**
 * Migrates the store and creates an organization, its owner and an owner token, through the same services the
 * CLI uses (in this process, faster than three CLI runs). The embedded store's lock is released on return.
 */
export async function seedOrgWithToken(target: StoreTarget): Promise<SeededOrg> {
  return withTargetStore(target, async (store) => {
    const org = await buildOrg(store);
    const { secret } = await createToken(store, org.access, { name: 'fault-test owner', role: 'owner', userId: org.owner.id });
    return { slug: org.slug, ownerEmail: org.owner.email, token: secret };
  });
}

/** Opens the target's store in this process (no server may hold an embedded one), runs `use`, closes it. */
export async function withTargetStore<T>(target: StoreTarget, use: (store: Store) => Promise<T>): Promise<T> {
  const config =
    'dataDir' in target
      ? { dataDir: target.dataDir, databaseUrl: undefined }
      : { dataDir: '/nonexistent', databaseUrl: target.databaseUrl };
  const store = await openConfiguredStore({ ...config, poolSize: 2 });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** What a suite of server-process tests shares: its store, an organization with an owner token, its servers. */
export interface SeededSuite {
  target: StoreTarget;
  org: SeededOrg;
  /** Servers the suite started: disposed after it. */
  servers: ServerProcess[];
}

/**
 * Registers the suite's hooks: before it, a scratch store (`makeTarget`) seeded with an organization and
 * token; after it, every server it started disposed and the store removed. Read the fields inside tests.
 */
export function useSeededSuite(makeTarget: () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>): SeededSuite {
  const suite = { servers: [] } as unknown as SeededSuite;
  let cleanup: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    let target: StoreTarget;
    ({ target, cleanup } = await makeTarget());
    suite.target = target;
    suite.org = await seedOrgWithToken(target);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(suite.servers.map((server) => server.dispose()));
    await cleanup();
  }, PROCESS_TIMEOUT_MS);
  return suite;
}

/** A job as GET …/jobs/:id answers it, with the result shape the caller expects. */
export interface JobView<Result> {
  status: string;
  attempts: number;
  progress: { done: number; total: number | null };
  result: Result | null;
  error: string | null;
}

/**
 * The job, or undefined when the server did not answer within a second (the embedded store answers nothing
 * while a job's transaction holds it).
 */
export async function readJobWithin<Result>(server: ServerProcess, org: SeededOrg, id: string): Promise<JobView<Result> | undefined> {
  try {
    const response = await fetch(`${server.baseUrl}/api/orgs/${org.slug}/jobs/${id}`, {
      headers: bearer(org.token),
      signal: AbortSignal.timeout(1000),
    });
    return (await response.json()) as JobView<Result>;
  } catch {
    return undefined;
  }
}
