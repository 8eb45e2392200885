import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import { createVulnerability } from '../../src/risk/vulnerabilities.service.ts';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';

/* bulwark threat … and bulwark vulnerability …: the ATT&CK and KEV imports and the lists, from the command line. */
let cli: CliStore;
let dir: string;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/risk');
const ATTACK = path.join(FIXTURES, 'mini-attack.json');
const KEV = path.join(FIXTURES, 'mini-kev.json');
const file = (name: string, text: string): string => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, text);
  return target;
};
const threatCount = () => cli.open(async (store) => (await store.query<{ n: number }>('select count(*)::int as n from threats'))[0]!.n);

beforeAll(async () => {
  cli = await createCliStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-risk-cli-'));
  const org = await runCli(['org', 'create', '--slug', 'plant', '--name', 'Plant Co', ...cli.flags]);
  expect(org.code, org.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await cli.dispose();
});

describe('bulwark threat', { timeout: 240_000 }, () => {
  it('refuses a missing file, a file that is not JSON and a malformed bundle with a message and a non-zero exit, writing nothing', async () => {
    const missing = await runCli(['threat', 'import-attack', path.join(dir, 'nope.json'), '--org', 'plant', ...cli.flags]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('cannot read');
    const notJson = await runCli(['threat', 'import-attack', file('bad.json', '{"type": "bundle", '), '--org', 'plant', ...cli.flags]);
    expect(notJson.code).not.toBe(0);
    expect(notJson.stderr).toContain('bad.json is not JSON');
    const bundle = JSON.parse(fs.readFileSync(ATTACK, 'utf8')) as { objects: Record<string, unknown>[] };
    delete bundle.objects[7]!.name;
    const malformed = await runCli([
      'threat',
      'import-attack',
      file('nameless.json', JSON.stringify(bundle)),
      '--org',
      'plant',
      ...cli.flags,
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('The STIX bundle is not valid');
    expect(malformed.stderr).toContain('file.objects.7.name: required for an imported object');
    expect(await threatCount()).toBe(0);
  });

  it('reports a dry run, imports the bundle, and lists threats by kind', async () => {
    const dry = await runCli(['threat', 'import-attack', ATTACK, '--org', 'plant', '--dry-run', ...cli.flags]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, kinds: { technique: { created: 4 } } });
    expect(await threatCount()).toBe(0);
    const imported = await runCli(['threat', 'import-attack', ATTACK, '--org', 'plant', ...cli.flags]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ origin: 'mitre-enterprise-attack 17.1', relations: { created: 6 } });
    expect(imported.stderr).toContain('imported 16 of 16 threats and relations');
    expect(await threatCount()).toBe(10);
    const list = await runCli(['threat', 'list', '--org', 'plant', '--kind', 'technique', ...cli.flags]);
    expect(list.code, list.stderr).toBe(0);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 3).join(' ')),
    ).toEqual([
      'technique T1059 Command and Scripting Interpreter',
      'technique T1189 Drive-by Compromise',
      'technique T1059.001 PowerShell',
    ]);
    const badKind = await runCli(['threat', 'list', '--org', 'plant', '--kind', 'wizard', ...cli.flags]);
    expect(badKind.code).not.toBe(0);
  });
});

describe('bulwark vulnerability', { timeout: 240_000 }, () => {
  it('refuses a malformed KEV file with the path of the problem, then imports the catalogue and lists what it flags', async () => {
    const catalogue = JSON.parse(fs.readFileSync(KEV, 'utf8')) as { vulnerabilities: Record<string, unknown>[] };
    catalogue.vulnerabilities[1]!.dateAdded = 'yesterday';
    const bad = await runCli(['vulnerability', 'import-kev', file('kev.json', JSON.stringify(catalogue)), '--org', 'plant', ...cli.flags]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('file.vulnerabilities.1.dateAdded');
    const notJson = await runCli(['vulnerability', 'import-kev', file('kev.txt', 'cveID,product'), '--org', 'plant', ...cli.flags]);
    expect(notJson.code).not.toBe(0);
    expect(notJson.stderr).toContain('is not JSON');
    expect(await cli.open(async (store) => (await store.query('select cve_id from kev_entries')).length)).toBe(0);

    await cli.open(async (store) => {
      const [org] = await store.query<{ id: string }>("select id from organizations where slug = 'plant'");
      const access = { orgId: org!.id, orgSlug: 'plant', role: 'owner' as const, actor: SYSTEM_ACTOR, userId: null, requestId: null };
      await createVulnerability(store, access, {
        cveId: 'CVE-2024-3400',
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        status: 'open',
        tags: [],
        assetIds: [],
      });
      await createVulnerability(store, access, { cveId: 'CVE-2020-0001', status: 'open', tags: [], assetIds: [] });
    });
    const imported = await runCli(['vulnerability', 'import-kev', KEV, '--org', 'plant', ...cli.flags]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ catalogVersion: '2025.01.15', entries: 5, flagged: 1 });
    const all = await runCli(['vulnerability', 'list', '--org', 'plant', ...cli.flags]);
    expect(all.stdout.trim().split('\n')).toHaveLength(2);
    const flagged = await runCli(['vulnerability', 'list', '--org', 'plant', '--known-exploited', ...cli.flags]);
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(
      flagged.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t').slice(0, 5).join(' ')),
    ).toEqual(['9.8 Critical KEV - CVE-2024-3400']);
  });
});
