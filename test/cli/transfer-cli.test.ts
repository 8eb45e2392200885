import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import { buildOrg, memberToken } from '../support/test-app.ts';
import { createTestStore, TEST_STORE_KIND, type TestStore } from '../support/test-store.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process; the store comes from the flags only, never from this environment. */
function bulwark(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.BULWARK_DATA_DIR;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', ...args],
      { cwd: REPO_ROOT, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
let sourceDir: string;
/** The target: a fresh data directory, or a scratch PostgreSQL database in the store project. */
let target: { args: string[]; chainVerifies(): Promise<boolean>; dispose(): Promise<void> };
let orgId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-transfer-'));
  sourceDir = path.join(dir, 'source');
  const source = await openConfiguredStore({ dataDir: sourceDir, databaseUrl: undefined, poolSize: 1 });
  try {
    const org = await buildOrg(source, { slug: 'demo' });
    await memberToken(source, org, 'auditor');
    orgId = org.orgId;
  } finally {
    await source.close();
  }
  if (TEST_STORE_KIND === 'postgres') {
    const ts: TestStore = await createTestStore();
    target = {
      args: ['--database-url', ts.url!],
      chainVerifies: async () => (await verifyOrgChain(ts.store, orgId)).ok,
      dispose: () => ts.dispose(),
    };
  } else {
    const targetDir = path.join(dir, 'target');
    target = {
      args: ['--data-dir', targetDir],
      async chainVerifies() {
        const store = await openConfiguredStore({ dataDir: targetDir, databaseUrl: undefined, poolSize: 1 });
        return verifyOrgChain(store, orgId)
          .then((r) => r.ok)
          .finally(() => store.close());
      },
      dispose: async () => undefined,
    };
  }
}, 180_000);
afterAll(async () => {
  await target?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bulwark export / import', () => {
  it('moves an organization to another store, once, and refuses a truncated file', async () => {
    const file = path.join(dir, 'demo.jsonl.gz');
    const exported = await bulwark('export', '--org', 'demo', '--out', file, '--data-dir', sourceDir);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^exported demo .*: organizations 1, users 2, memberships 2, api_tokens 1, .*audit_entries 4\n/);
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const imported = await bulwark('import', file, ...target.args);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^imported demo .*audit_entries 4 \(2 new users\)/);

    const again = await bulwark('import', file, ...target.args);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/^bulwark: An organization with slug "demo" already exists here; nothing was imported/);

    const truncated = path.join(dir, 'truncated.jsonl.gz');
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const refused = await bulwark('import', truncated, ...target.args);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^bulwark: .*truncated/);

    expect(await target.chainVerifies()).toBe(true);
  }, 480_000);

  it('fails without writing a file when the organization does not exist', async () => {
    const file = path.join(dir, 'nothing.jsonl');
    const run = await bulwark('export', '--org', 'no-such-org', '--out', file, '--data-dir', sourceDir);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^bulwark: Organization "no-such-org" not found/);
    expect(fs.existsSync(file) || fs.existsSync(`${file}.partial`)).toBe(false);
  }, 120_000);
});
