import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/platform/db/lock.ts';
import { bearer } from '../support/test-app.ts';
import {
  freePort,
  runCli,
  seedOrgWithToken,
  startServer,
  type SeededOrg,
  type ServerProcess,
  PROCESS_TIMEOUT_MS,
} from '../support/server-process.ts';

/** The embedded store's guard against two processes on one data directory; nothing here concerns PostgreSQL. */
const embeddedOnly = process.env.BULWARK_TEST_STORE !== 'postgres';

/** The pid of a process that has certainly exited (the kernel does not hand it out again within a test). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('could not spawn');
  return child.pid;
}

const lockFileOf = (dataDir: string): string => path.join(dataDir, 'bulwark.lock');
const holderOf = (dataDir: string): string => fs.readFileSync(lockFileOf(dataDir), 'utf8').trim();

describe.runIf(embeddedOnly)('acquireDataDirLock in one process', () => {
  let dir: string;
  const releases: (() => void)[] = [];
  const acquire = (dataDir: string): (() => void) => {
    const release = acquireDataDirLock(dataDir);
    releases.push(release);
    return release;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-lock-'));
  });
  afterEach(() => {
    for (const release of releases.splice(0)) release();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes our pid, refuses a second acquire naming the lock file and holder, and frees the directory on release', () => {
    const dataDir = path.join(dir, 'twice');
    const release = acquire(dataDir);
    expect(holderOf(dataDir)).toBe(String(process.pid));

    let refusal: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const locked = refusal as DataDirLockedError;
    expect(locked.lockPath).toBe(lockFileOf(dataDir));
    expect(locked.holderPid).toBe(process.pid);
    expect(locked.message).toContain(lockFileOf(dataDir));
    expect(locked.message).toContain(`pid ${process.pid}`);
    // The refused attempt must not have removed or rewritten the holder's lock.
    expect(holderOf(dataDir)).toBe(String(process.pid));

    release();
    expect(fs.existsSync(lockFileOf(dataDir))).toBe(false);
    acquire(dataDir);
    expect(holderOf(dataDir)).toBe(String(process.pid));
  });

  it('takes over a lock left by a dead process', async () => {
    const dataDir = path.join(dir, 'stale');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFileOf(dataDir), `${await deadPid()}\n`);
    acquire(dataDir);
    expect(holderOf(dataDir)).toBe(String(process.pid));
  });

  it('takes over a lock file that names no pid (torn write)', () => {
    const dataDir = path.join(dir, 'garbage');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lockFileOf(dataDir), '');
    acquire(dataDir);
    expect(holderOf(dataDir)).toBe(String(process.pid));
  });

  it('does not delete, on release, a lock that another process has since taken over', () => {
    const dataDir = path.join(dir, 'taken-over');
    const release = acquire(dataDir);
    const otherPid = process.ppid;
    fs.writeFileSync(lockFileOf(dataDir), `${otherPid}\n`);
    release();
    expect(holderOf(dataDir)).toBe(String(otherPid));
    fs.rmSync(lockFileOf(dataDir));
  });
});

describe.runIf(embeddedOnly)('the data-dir lock between real processes', () => {
  let dataDir: string;
  let seeded: SeededOrg;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-lock-proc-'));
    seeded = await seedOrgWithToken({ dataDir });
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.dispose()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, PROCESS_TIMEOUT_MS);

  async function expectServing(server: ServerProcess): Promise<void> {
    expect(server.isRunning()).toBe(true);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const tokens = await fetch(`${server.baseUrl}/api/orgs/${seeded.slug}/tokens`, { headers: bearer(seeded.token) });
    expect(tokens.status).toBe(200);
    const body = (await tokens.json()) as { items: { name: string }[] };
    expect(body.items.map((t) => t.name)).toContain('fault-test owner');
  }

  it(
    'refuses a second serve and a CLI command on a directory in use, and the holder keeps serving',
    async () => {
      const first = await startServer({ dataDir });
      servers.push(first);
      expect(holderOf(dataDir)).toBe(String(first.pid));

      const port = String(await freePort());
      for (const args of [
        ['serve', '--port', port, '--no-demo', '--data-dir', dataDir],
        ['migrate', '--data-dir', dataDir],
      ]) {
        const result = await runCli(args);
        expect(result.code, `bulwark ${args[0]}: ${result.stderr}`).toBe(1);
        expect(result.stderr).toContain(lockFileOf(dataDir));
        expect(result.stderr).toContain(`pid ${first.pid}`);
        expect(result.stderr).not.toContain('unexpected error');
      }

      expect(holderOf(dataDir)).toBe(String(first.pid));
      await expectServing(first);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'starts on a directory whose lock names a dead process, and takes the lock over',
    async () => {
      const first = servers.at(-1);
      if (first?.isRunning()) await first.dispose();
      const stalePid = await deadPid();
      fs.writeFileSync(lockFileOf(dataDir), `${stalePid}\n`);

      const second = await startServer({ dataDir });
      servers.push(second);
      expect(holderOf(dataDir)).toBe(String(second.pid));
      await expectServing(second);
    },
    PROCESS_TIMEOUT_MS,
  );
});
