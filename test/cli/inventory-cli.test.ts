import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';

let cli: CliStore;
let dir: string;
const file = (name: string, text: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, text);
  return target;
};

beforeAll(async () => {
  cli = await createCliStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-inv-cli-'));
  const org = await runCli(['org', 'create', '--slug', 'inv', '--name', 'Inventory Co', ...cli.flags]);
  expect(org.code, org.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await cli.dispose();
});

const CSV = ['Hostname,Type,CI,Owner', 'app-01,host,CLI-1,Ops', 'app-02,host,CLI-2,Ops'].join('\n');

describe('bulwark inventory import / export', { timeout: 240_000 }, () => {
  it('reports bad rows on stderr with their line and exits 1, writing nothing', async () => {
    const bad = file('bad.csv', `${CSV}\napp-03,teapot,CLI-3,Ops\n`);
    const result = await runCli([
      'inventory',
      'import',
      '--org',
      'inv',
      '--format',
      'csv',
      '--map',
      'Hostname=name',
      '--map',
      'CI=cmdbId',
      bad,
      ...cli.flags,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 4: kind: Invalid option');
    expect(result.stderr).toContain('1 of 3 records are invalid; nothing was imported');
    const dry = await runCli([
      'inventory',
      'import',
      '--org',
      'inv',
      '--format',
      'csv',
      '--map',
      'Hostname=name',
      '--map',
      'CI=cmdbId',
      '--dry-run',
      bad,
      ...cli.flags,
    ]);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain('line 4: content.line.4.kind');
    expect(JSON.parse(dry.stdout)).toMatchObject({
      rows: 3,
      valid: 2,
      invalid: 1,
      assets: { create: 2 },
      mapping: { Hostname: 'name', Type: 'kind', CI: 'cmdbId', Owner: 'owner' },
    });
    expect(await cli.open((store) => store.query('select id from assets'))).toHaveLength(0);
  });

  it('imports in-process with progress on stderr and the summary on stdout; exports what re-imports unchanged', async () => {
    const good = file('good.csv', CSV);
    const args = [
      'inventory',
      'import',
      '--org',
      'inv',
      '--format',
      'csv',
      '--map',
      'Hostname=name',
      '--map',
      'CI=cmdbId',
      good,
      ...cli.flags,
    ];
    const first = await runCli(args);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ assets: { created: 2, updated: 0, unchanged: 0 }, skipped: [] });
    expect(first.stderr).toContain('imported 2 of 2 records');
    const again = await runCli(args);
    expect(JSON.parse(again.stdout)).toMatchObject({ assets: { created: 0, updated: 0, unchanged: 2 } });

    const out = path.join(dir, 'export.csv');
    const exported = await runCli(['inventory', 'export', '--org', 'inv', '--format', 'csv', '--out', out, ...cli.flags]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^name,kind,description,owner,/);
    const back = await runCli(['inventory', 'import', '--org', 'inv', '--format', 'csv', out, ...cli.flags]);
    expect(JSON.parse(back.stdout)).toMatchObject({ assets: { created: 0, updated: 0, unchanged: 2 } });
    const json = await runCli(['inventory', 'export', '--org', 'inv', '--format', 'json', ...cli.flags]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      format: 'bulwark-inventory',
      version: 1,
      assets: [{ name: 'app-01' }, { name: 'app-02' }],
    });
  });
});
