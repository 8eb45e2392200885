import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/util/ids.ts';
import { unlinkAssetFromVulnerabilities } from '../../src/risk/vulnerabilities.service.ts';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/* Vulnerabilities through the API: CVSS computed from the vector, KEV flags from the catalogue, EPSS from FIRST's CSV. */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let writer: string;
let viewer: string;
const asset: Record<string, string> = {};

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/risk');
const miniKev = () =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'mini-kev.json'), 'utf8')) as {
    count: number;
    vulnerabilities: Record<string, unknown>[];
  };
const miniEpss = () => fs.readFileSync(path.join(FIXTURES, 'mini-epss.csv'), 'utf8');

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
const V31_MEDIUM = 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N';

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
  writer = (await memberToken(ctx.store, org, 'risk-manager')).token;
  viewer = (await memberToken(ctx.store, org, 'viewer')).token;
  for (const [key, slug, name] of [
    ['web', org.slug, 'web-01'],
    ['db', org.slug, 'db-01'],
    ['theirs', other.slug, 'their-host'],
  ] as const) {
    const made = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${slug}/assets`,
      headers: bearer(slug === org.slug ? writer : (await memberToken(ctx.store, other, 'admin')).token),
      payload: { kind: 'host', name },
    });
    expect(made.statusCode, made.body).toBe(201);
    asset[key] = made.json().id;
  }
});
afterAll(() => ctx.dispose());

const url = (suffix = '', slug = org.slug): string => `/api/orgs/${slug}/vulnerabilities${suffix}`;
const send = (
  method: 'POST' | 'PATCH' | 'DELETE',
  suffix: string,
  payload?: unknown,
  token = writer,
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url: url(suffix),
    headers: { ...bearer(token), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
const postCsv = (text: string, token = writer) =>
  ctx.app.inject({ method: 'POST', url: url('/epss'), headers: { ...bearer(token), 'content-type': 'text/csv' }, payload: text });
const get = (suffix = '', token = writer, slug = org.slug) => ctx.app.inject({ url: url(suffix, slug), headers: bearer(token) });
const titles = async (query: string): Promise<string[]> =>
  (await get(`?${query}`)).json().items.map((item: { title: string }) => item.title);
const counts = async () => {
  const [row] = await ctx.store.query<{ vulnerabilities: number; links: number; kev: number }>(
    `select (select count(*)::int from vulnerabilities where org_id = $1) as vulnerabilities,
            (select count(*)::int from vulnerability_assets where org_id = $1) as links,
            (select count(*)::int from kev_entries where org_id = $1) as kev`,
    [org.orgId],
  );
  return row!;
};
const ids: Record<string, string> = {};

describe('vulnerabilities', () => {
  it('creates vulnerabilities with CVSS computed from the vector, the title defaulting to the CVE id, and their assets', async () => {
    const log4j = await send('POST', '', { cveId: 'cve-2021-44228', cvssVector: V31, assetIds: [asset.web, asset.db], tags: ['java'] });
    expect(log4j.statusCode, log4j.body).toBe(201);
    expect(log4j.headers.etag).toBe('"1"');
    expect(log4j.json()).toMatchObject({
      cveId: 'CVE-2021-44228',
      title: 'CVE-2021-44228',
      cvssVector: V31,
      cvssVersion: '3.1',
      cvssScore: 9.8,
      cvssSeverity: 'Critical',
      status: 'open',
      knownExploited: false,
      kev: null,
      assets: [
        { id: asset.db, name: 'db-01', kind: 'host' },
        { id: asset.web, name: 'web-01', kind: 'host' },
      ],
    });
    ids.log4j = log4j.json().id;
    const panos = await send('POST', '', {
      cveId: 'CVE-2024-3400',
      title: 'PAN-OS GlobalProtect command injection',
      cvssVector: V40,
      status: 'mitigated',
    });
    expect(panos.json()).toMatchObject({ cvssVersion: '4.0', cvssScore: 9.3, cvssSeverity: 'Critical' });
    ids.panos = panos.json().id;
    const own = await send('POST', '', { title: 'Default password on the badge reader', cvssVector: V31_MEDIUM, assetIds: [asset.web] });
    expect(own.json()).toMatchObject({ cveId: null, cvssScore: 6.4, cvssSeverity: 'Medium' });
    ids.own = own.json().id;
    const unscored = await send('POST', '', { cveId: 'CVE-2019-0708', title: 'BlueKeep' });
    expect(unscored.json()).toMatchObject({ cvssVector: null, cvssScore: null, cvssSeverity: null });
    ids.bluekeep = unscored.json().id;
  });

  it('refuses a bad vector, a client-supplied score, a duplicate CVE, a foreign asset and a nameless finding, writing nothing', async () => {
    const before = await counts();
    const badVector = await send('POST', '', { cveId: 'CVE-2024-0001', cvssVector: 'CVSS:3.1/AV:N/AC:L' });
    expect(badVector.statusCode).toBe(422);
    expect(problem(badVector).errors).toEqual([{ path: 'body.cvssVector', message: 'base metrics PR, UI, S, C, I, A missing' }]);
    const clientScore = await send('POST', '', { cveId: 'CVE-2024-0002', cvssVector: V31_MEDIUM, cvssScore: 10 });
    expect(clientScore.statusCode).toBe(400);
    expect(problem(clientScore).errors?.[0]?.path).toBe('body.cvssScore');
    const duplicate = await send('POST', '', { cveId: 'CVE-2021-44228', title: 'Again' });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.cveId');
    const foreign = await send('POST', '', { cveId: 'CVE-2024-0003', assetIds: [asset.web, asset.theirs] });
    expect(foreign.statusCode).toBe(422);
    expect(problem(foreign).errors).toEqual([{ path: 'body.assetIds.1', message: 'no such asset in this organization' }]);
    const nameless = await send('POST', '', { description: 'Something' });
    expect(nameless.statusCode).toBe(422);
    expect(problem(nameless).errors?.[0]?.path).toBe('body.title');
    const badCve = await send('POST', '', { cveId: 'CVE-21-1' });
    expect(badCve.statusCode).toBe(400);
    expect(problem(badCve).errors?.[0]?.path).toBe('body.cveId');
    expect(await counts()).toEqual(before);
  });

  it('flags vulnerabilities from the KEV catalogue, and a newer catalogue replaces the old one', async () => {
    const imported = await send('POST', '/kev', miniKev());
    expect(imported.statusCode, imported.body).toBe(200);
    // Three of the organization's CVEs are listed: Log4Shell, PAN-OS and BlueKeep.
    expect(imported.json()).toEqual({ catalogVersion: '2025.01.15', entries: 5, flagged: 3 });
    expect((await get(`/${ids.log4j}`)).json()).toMatchObject({
      knownExploited: true,
      kev: { dateAdded: '2021-12-10', dueDate: '2021-12-24', ransomware: true, requiredAction: 'Apply updates per vendor instructions.' },
    });
    expect((await get(`/${ids.bluekeep}`)).json().kev).toMatchObject({ ransomware: false });
    const smaller = miniKev();
    smaller.vulnerabilities = smaller.vulnerabilities.filter((entry) => entry.cveID !== 'CVE-2019-0708');
    smaller.count = smaller.vulnerabilities.length;
    expect((await send('POST', '/kev', smaller)).json()).toMatchObject({ entries: 4, flagged: 2 });
    expect((await get(`/${ids.bluekeep}`)).json()).toMatchObject({ knownExploited: false, kev: null });
    const actions = await ctx.store.query<{ n: number }>(
      "select count(*)::int as n from audit_entries where org_id = $1 and action = 'kev.imported'",
      [org.orgId],
    );
    expect(actions[0]?.n).toBe(2);
  });

  it('refuses a malformed KEV file with the path of each problem, keeping the previous catalogue', async () => {
    const before = await counts();
    const missing = miniKev();
    delete missing.vulnerabilities[2]!.cveID;
    const response = await send('POST', '/kev', missing);
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['body.vulnerabilities.2.cveID']);
    const cut = miniKev();
    cut.vulnerabilities.pop();
    expect(problem(await send('POST', '/kev', cut)).errors?.[0]?.path).toBe('body.count');
    expect(problem(await send('POST', '/kev', { catalogVersion: '1', vulnerabilities: 'none' })).errors?.[0]?.path).toBe(
      'body.vulnerabilities',
    );
    expect(problem(await send('POST', '/kev', [])).errors?.[0]?.path).toBe('body');
    expect(await counts()).toEqual(before);
  });

  it('sets EPSS scores from FIRST’s CSV on the organization’s vulnerabilities only', async () => {
    const response = await postCsv(miniEpss());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ rows: 5, matched: 2 });
    const log4j = (await get(`/${ids.log4j}`)).json();
    expect(log4j).toMatchObject({ epssScore: 0.94358, epssPercentile: 0.99988, epssDate: '2025-08-25', version: 2 });
    // The same file again moves nothing, so no version changes.
    expect((await postCsv(miniEpss())).json()).toEqual({ rows: 5, matched: 2 });
    expect((await get(`/${ids.log4j}`)).json().version).toBe(2);
    const bad = await postCsv(miniEpss().replace('CVE-2024-3400,0.94257', 'CVE-2024-3400,1.5'));
    expect(bad.statusCode).toBe(422);
    expect(problem(bad).errors).toEqual([{ path: 'body.line.4.epss', message: 'not a number from 0 to 1' }]);
    const noHeader = await postCsv('CVE-2021-44228,0.1,0.2\n');
    expect(problem(noHeader).errors?.[0]?.path).toBe('body.line.1');
    expect((await get(`/${ids.panos}`)).json().epssScore).toBe(0.94257);
  });

  it('filters by text, severity, KEV, status, asset and EPSS, and sorts by CVSS, EPSS, CVE or title', async () => {
    expect(await titles('')).toEqual([
      'CVE-2021-44228',
      'PAN-OS GlobalProtect command injection',
      'Default password on the badge reader',
      'BlueKeep',
    ]);
    expect(await titles('sort=epss')).toEqual([
      'CVE-2021-44228',
      'PAN-OS GlobalProtect command injection',
      'BlueKeep',
      'Default password on the badge reader',
    ]);
    expect(await titles('sort=cve')).toEqual([
      'BlueKeep',
      'CVE-2021-44228',
      'PAN-OS GlobalProtect command injection',
      'Default password on the badge reader',
    ]);
    expect(await titles('sort=title')).toEqual([
      'BlueKeep',
      'CVE-2021-44228',
      'Default password on the badge reader',
      'PAN-OS GlobalProtect command injection',
    ]);
    expect(await titles('q=badge')).toEqual(['Default password on the badge reader']);
    expect(await titles('q=2024-34')).toEqual(['PAN-OS GlobalProtect command injection']);
    expect(await titles('severity=Medium')).toEqual(['Default password on the badge reader']);
    expect(await titles('knownExploited=true')).toEqual(['CVE-2021-44228', 'PAN-OS GlobalProtect command injection']);
    expect(await titles('knownExploited=false')).toEqual(['Default password on the badge reader', 'BlueKeep']);
    expect(await titles('status=mitigated')).toEqual(['PAN-OS GlobalProtect command injection']);
    expect(await titles(`assetId=${asset.web}`)).toEqual(['CVE-2021-44228', 'Default password on the badge reader']);
    expect(await titles('minEpss=0.9425')).toEqual(['CVE-2021-44228', 'PAN-OS GlobalProtect command injection']);
    const cut = (await get('?limit=2')).json();
    expect([cut.items.length, cut.truncated]).toEqual([2, true]);
    expect((await get('?limit=4')).json().truncated).toBe(false);
  });

  it('updates with optimistic concurrency, recomputing CVSS and replacing the assets', async () => {
    const rescored = await send('PATCH', `/${ids.own}`, { cvssVector: V31, assetIds: [asset.db] }, writer, { 'if-match': '"1"' });
    expect(rescored.statusCode, rescored.body).toBe(200);
    expect(rescored.json()).toMatchObject({ cvssScore: 9.8, cvssSeverity: 'Critical', version: 2, assets: [{ id: asset.db }] });
    const stale = await send('PATCH', `/${ids.own}`, { status: 'fixed' }, writer, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    const badVector = await send('PATCH', `/${ids.own}`, { cvssVector: 'CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' });
    expect(problem(badVector).errors?.[0]?.path).toBe('body.cvssVector');
    const cleared = await send('PATCH', `/${ids.own}`, { cvssVector: null, status: 'fixed' });
    expect(cleared.json()).toMatchObject({
      cvssVector: null,
      cvssScore: null,
      cvssVersion: null,
      cvssSeverity: null,
      status: 'fixed',
      version: 3,
    });
    const same = await send('PATCH', `/${ids.own}`, { status: 'fixed', assetIds: [asset.db] });
    expect(same.json().version).toBe(3);
    const foreign = await send('PATCH', `/${ids.own}`, { assetIds: [asset.theirs] });
    expect(problem(foreign).errors?.[0]?.path).toBe('body.assetIds.0');
    const clash = await send('PATCH', `/${ids.own}`, { cveId: 'CVE-2024-3400' });
    expect(clash.statusCode).toBe(409);
    expect((await get(`/${ids.own}`)).json()).toMatchObject({ cveId: null, version: 3, assets: [{ id: asset.db }] });
  });

  it('refuses to delete a vulnerability a scenario names, and deletes it with its asset links otherwise', async () => {
    const scenario = newId();
    await ctx.store.query(
      `insert into risk_scenarios (org_id, id, ref_id, title, approach, status, criteria_id, criteria_version, rationale, tags, version, created_at, updated_at)
       values ($1, $2, 'R-007', 'Log4Shell on the web tier', 'asset-based', 'identified', $3, 1, '{}'::jsonb, '{}', 1, now(), now())`,
      [org.orgId, scenario, newId()],
    );
    await ctx.store.query(
      `insert into risk_scenario_links (org_id, scenario_id, role, target_type, target_id) values ($1, $2, 'vulnerability', 'vulnerability', $3)`,
      [org.orgId, scenario, ids.log4j],
    );
    const refused = await send('DELETE', `/${ids.log4j}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).detail).toContain('risk scenario R-007');
    await ctx.store.query('delete from risk_scenarios where org_id = $1', [org.orgId]);
    const before = await counts();
    expect((await send('DELETE', `/${ids.log4j}`)).statusCode).toBe(204);
    expect(await counts()).toMatchObject({ vulnerabilities: before.vulnerabilities - 1, links: before.links - 2 });
    expect((await get(`/${ids.log4j}`)).statusCode).toBe(404);
  });

  it('unlinks a deleted asset from every vulnerability (for asset deletion)', async () => {
    await send('PATCH', `/${ids.bluekeep}`, { assetIds: [asset.db, asset.web] });
    const removed = await ctx.store.db.transaction((tx) => unlinkAssetFromVulnerabilities(tx, org.orgId, asset.db!));
    expect(removed).toBe(2);
    expect((await get(`/${ids.bluekeep}`)).json().assets.map((a: { name: string }) => a.name)).toEqual(['web-01']);
    expect((await get(`/${ids.own}`)).json().assets).toEqual([]);
    expect(await ctx.store.db.transaction((tx) => unlinkAssetFromVulnerabilities(tx, org.orgId, asset.db!))).toBe(0);
  });
});

describe('vulnerability permissions and tenancy', () => {
  it('lets viewers read but not write or import, and hides vulnerabilities from other organizations', async () => {
    expect((await get('', viewer)).statusCode).toBe(200);
    expect((await send('POST', '', { cveId: 'CVE-2024-1111' }, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/kev', miniKev(), viewer)).statusCode).toBe(403);
    expect((await postCsv(miniEpss(), viewer)).statusCode).toBe(403);
    const outsider = (await memberToken(ctx.store, other, 'admin')).token;
    expect((await get(`/${ids.panos}`, outsider, other.slug)).statusCode).toBe(404);
    expect((await get(`/${ids.panos}`, outsider)).statusCode).toBe(404);
    expect(
      (
        await ctx.app.inject({
          method: 'PATCH',
          url: url(`/${ids.panos}`, other.slug),
          headers: bearer(outsider),
          payload: { title: 'Mine' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await get('', outsider, other.slug)).json().items).toEqual([]);
  });
});
