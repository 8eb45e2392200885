import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/util/ids.ts';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/*
 * Risk scenarios through the API (ISO/IEC 27005 identification → analysis → evaluation → treatment →
 * acceptance → review), on a small inventory: a primary information asset kept on a supporting host.
 */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let writer: { userId: string; email: string; token: string };
let riskOwner: { userId: string; email: string; token: string };
let bystander: { userId: string; email: string; token: string };
let outsider: string;
type Named =
  | 'records'
  | 'host'
  | 'laptop'
  | 'hoster'
  | 'backups'
  | 'encryption'
  | 'monitoring'
  | 'source'
  | 'event'
  | 'foreignAsset'
  | 'foreignControl'
  | 'criteria'
  | 'main'
  | 'acceptance'
  | 'vulnerability';
const ids = {} as Record<Named, string>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (
  method: Method,
  path: string,
  payload?: object,
  token = writer.token,
  headers: Record<string, string> = {},
  slug = org.slug,
) =>
  ctx.app.inject({ method, url: `/api/orgs/${slug}${path}`, headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
const created = async (
  path: string,
  payload: object,
  token = writer.token,
  slug = org.slug,
): Promise<{ id: string; version: number } & Record<string, unknown>> => {
  const response = await call('POST', path, payload, token, {}, slug);
  if (response.statusCode !== 201) throw new Error(`POST ${path} → ${response.statusCode} ${response.body}`);
  return response.json();
};
const scenario = async (id: string) => (await call('GET', `/scenarios/${id}`)).json();
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const today = (): string => new Date().toISOString().slice(0, 10);
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function insertThreat(orgId: string, kind: string, name: string): Promise<string> {
  const id = newId();
  await ctx.store.query(
    `insert into threats (org_id, id, kind, name, origin, tactics, platforms, aliases, version, created_at, updated_at)
     values ($1, $2, $3, $4, 'manual', '{}', '{}', '{}', 1, now(), now())`,
    [orgId, id, kind, name],
  );
  return id;
}

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
  writer = await memberToken(ctx.store, org, 'risk-manager');
  riskOwner = await memberToken(ctx.store, org, 'viewer');
  bystander = await memberToken(ctx.store, org, 'viewer');
  outsider = (await memberToken(ctx.store, other, 'risk-manager')).token;

  ids.records = (await created('/assets', { kind: 'information', name: 'Customer records', confidentiality: 4, integrity: 2 })).id;
  ids.host = (await created('/assets', { kind: 'host', name: 'db-host', availability: 2 })).id;
  ids.laptop = (await created('/assets', { kind: 'host', name: 'laptop-7' })).id;
  ids.hoster = (
    await created('/external-organizations', { name: 'Hoster GmbH', relationshipTypes: ['service-provider'], criticality: 3 })
  ).id;
  await created('/dependencies', { sourceId: ids.records, targetId: ids.host, type: 'stores' });
  await created('/dependencies', { sourceId: ids.host, targetId: ids.hoster, type: 'provided-by' });
  ids.backups = (await created('/controls', { refId: 'AC-1', title: 'Nightly backups', status: 'implemented' })).id;
  ids.encryption = (await created('/controls', { refId: 'AC-2', title: 'Disk encryption', effectiveness: 50 })).id;
  ids.monitoring = (await created('/controls', { refId: 'AC-3', title: 'Database activity monitoring', effectiveness: 50 })).id;
  ids.vulnerability = newId();
  await ctx.store.query(
    `insert into vulnerabilities (org_id, id, cve_id, title, cvss_score, cvss_severity, status, tags, version, created_at, updated_at)
     values ($1, $2, 'CVE-2024-0001', 'SQL injection in the admin console', 9.8, 'critical', 'open', '{}', 1, now(), now())`,
    [org.orgId, ids.vulnerability],
  );
  await ctx.store.query(
    `insert into kev_entries (org_id, cve_id, vendor, product, name, date_added, ransomware, catalog_version)
     values ($1, 'CVE-2024-0001', 'Acme', 'Console', 'Acme Console SQL injection', '2024-01-10', false, '2024.01.10')`,
    [org.orgId],
  );
  ids.source = await insertThreat(org.orgId, 'source', 'Organised crime');
  ids.event = await insertThreat(org.orgId, 'event', 'Data theft');
  ids.foreignAsset = (await created('/assets', { kind: 'host', name: 'their-host' }, outsider, other.slug)).id;
  ids.foreignControl = (await created('/controls', { title: 'Their control' }, outsider, other.slug)).id;
});
afterAll(() => ctx.dispose());

describe('identifying a risk from an asset', () => {
  it('refuses a scenario before the organization has risk criteria, saying to create them', async () => {
    const refused = await call('POST', '/scenarios', { title: 'Too early', approach: 'asset-based' });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).errors?.[0]?.path).toBe('body.criteriaId');
    expect(problem(refused).detail).toMatch(/create a set first/);
    ids.criteria = (await created('/risk/criteria', { template: '5x5' })).id;
    await created('/risk/criteria', { template: '5x5' }, outsider, other.slug);
  });

  it('suggests a consequence for an asset from the primary assets in its blast radius', async () => {
    const response = await call('GET', `/assets/${ids.host}/risk-suggestion`, undefined, riskOwner.token);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.ownAssets).toEqual([
      { id: ids.host, name: 'db-host', kind: 'host', confidentiality: null, integrity: null, availability: 2 },
    ]);
    expect(body.primaryAssets).toEqual([
      {
        id: ids.records,
        name: 'Customer records',
        kind: 'information',
        confidentiality: 4,
        integrity: 2,
        availability: null,
        distance: 1,
        reachedFrom: ids.host,
      },
    ]);
    // Confidentiality "Very high" (4 of 4) of the information kept on the host → the top of the 5-level consequence scale.
    expect(body.highestRequirement).toEqual({ level: 4, levelName: 'Very high', property: 'confidentiality', assetId: ids.records });
    expect(body.consequence).toEqual({ index: 4, name: 'Severe' });
    expect(body.criteria).toMatchObject({ id: ids.criteria, version: 1 });
    // Nothing relies on the laptop and it has no requirement: nothing to suggest.
    const alone = (await call('GET', `/assets/${ids.laptop}/risk-suggestion`)).json();
    expect(alone).toMatchObject({ primaryAssets: [], highestRequirement: null, consequence: null });
    expect((await call('GET', `/assets/${ids.foreignAsset}/risk-suggestion`)).statusCode).toBe(404);
  });

  it('creates a scenario from the asset, with the next reference, names resolved and the suggestion', async () => {
    const response = await call('POST', '/scenarios', {
      title: 'Theft of customer records from the database host',
      approach: 'asset-based',
      ownerId: riskOwner.userId,
      assets: [ids.host],
      threats: [ids.event],
      vulnerabilities: [ids.vulnerability],
      existingControls: [ids.backups],
      tags: ['gdpr'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const body = response.json();
    ids.main = body.id;
    expect(body).toMatchObject({
      refId: 'R-001',
      status: 'identified',
      owner: { id: riskOwner.userId, email: riskOwner.email },
      criteria: { id: ids.criteria, name: 'Standard 5×5', version: 1, latestVersion: 1 },
      assets: [{ id: ids.host, name: 'db-host', kind: 'host', criticality: 2 }],
      threats: [{ id: ids.event, name: 'Data theft', kind: 'event' }],
      vulnerabilities: [{ id: ids.vulnerability, cveId: 'CVE-2024-0001', cvssScore: 9.8, cvssSeverity: 'critical', knownExploited: true }],
      existingControls: [{ id: ids.backups, refId: 'AC-1', title: 'Nightly backups', status: 'implemented', overdue: false }],
      inherent: null,
      current: null,
      residual: null,
      treatment: null,
      acceptance: null,
      reviewDue: null,
      version: 1,
    });
    expect(body.suggestion.consequence).toEqual({ index: 4, name: 'Severe' });
    expect(body.suggestion.primaryAssets.map((asset: { name: string }) => asset.name)).toEqual(['Customer records']);
    const second = await created('/scenarios', { title: 'Second', approach: 'asset-based' });
    expect(second.refId).toBe('R-002');
    const duplicate = await call('POST', '/scenarios', { refId: 'r-001', title: 'Copy', approach: 'asset-based' });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.refId');
  });

  it('creates an event-based scenario with its risk source and path in order', async () => {
    const body = await created('/scenarios', {
      refId: 'EV-1',
      title: 'Crime group exfiltrates through the hoster',
      approach: 'event-based',
      riskSourceId: ids.source,
      desiredEndState: 'Sell the customer records',
      path: [
        { type: 'external-org', id: ids.hoster, note: 'Phishes the hoster’s support' },
        { type: 'asset', id: ids.host },
        { type: 'asset', id: ids.records },
      ],
    });
    expect(body).toMatchObject({
      riskSource: { id: ids.source, name: 'Organised crime' },
      path: [
        {
          position: 0,
          type: 'external-org',
          id: ids.hoster,
          name: 'Hoster GmbH',
          kind: 'organization',
          note: 'Phishes the hoster’s support',
        },
        { position: 1, type: 'asset', id: ids.host, name: 'db-host', kind: 'host', note: null },
        { position: 2, type: 'asset', id: ids.records, name: 'Customer records', kind: 'information' },
      ],
    });
    // The path's hoster reaches the records through the host; the records' own requirement decides.
    expect((body.suggestion as { consequence: unknown }).consequence).toEqual({ index: 4, name: 'Severe' });
  });
});

describe('what a scenario may name', () => {
  const count = async (): Promise<number> =>
    (await ctx.store.query<{ n: number }>('select count(*)::int as n from risk_scenarios where org_id = $1', [org.orgId]))[0]!.n;

  it('refuses ids that are not this organization’s, each at its path, without telling another tenant’s apart', async () => {
    const before = await count();
    const ghost = newId();
    const refused = await call('POST', '/scenarios', {
      title: 'Bad links',
      approach: 'asset-based',
      assets: [ids.host, ids.foreignAsset],
      existingControls: [ghost],
      vulnerabilities: [ghost],
    });
    expect(refused.statusCode).toBe(422);
    const errors = problem(refused).errors!;
    expect(errors.map((e) => e.path)).toEqual(['body.assets.1', 'body.vulnerabilities.0', 'body.existingControls.0']);
    expect(errors[0]!.message).toBe('no asset with this id in this organization');
    expect(refused.body).not.toContain('their-host');
    const wrongSource = await call('POST', '/scenarios', { title: 'X', approach: 'event-based', riskSourceId: ids.event });
    expect(problem(wrongSource).errors?.[0]?.path).toBe('body.riskSourceId');
    const pathOnAssetBased = await call('POST', '/scenarios', {
      title: 'X',
      approach: 'asset-based',
      path: [{ type: 'asset', id: ids.host }],
    });
    expect(pathOnAssetBased.statusCode).toBe(422);
    expect(problem(pathOnAssetBased).errors?.[0]?.path).toBe('body.path');
    const stranger = await call('POST', '/scenarios', { title: 'X', approach: 'asset-based', ownerId: other.owner.id });
    expect(problem(stranger).errors?.[0]?.path).toBe('body.ownerId');
    const twice = await call('POST', '/scenarios', { title: 'X', approach: 'asset-based', assets: [ids.host, ids.host] });
    expect(twice.statusCode).toBe(400);
    expect(problem(twice).errors?.[0]?.path).toBe('body.assets.1');
    expect(await count()).toBe(before);
  });

  it('hides scenarios from other organizations and lets only risk writers write', async () => {
    expect((await call('GET', `/scenarios/${ids.main}`, undefined, outsider, {}, other.slug)).statusCode).toBe(404);
    expect((await call('GET', `/scenarios/${ids.main}`, undefined, outsider)).statusCode).toBe(404);
    expect((await call('PATCH', `/scenarios/${ids.main}`, { title: 'Mine' }, outsider, {}, other.slug)).statusCode).toBe(404);
    const assess = await call(
      'PUT',
      `/scenarios/${ids.main}/assessment`,
      { current: { likelihood: 0, consequence: 0 }, version: 1 },
      outsider,
      {},
      other.slug,
    );
    expect(assess.statusCode).toBe(404);
    expect((await call('POST', '/scenarios', { title: 'Viewer’s', approach: 'asset-based' }, riskOwner.token)).statusCode).toBe(403);
    expect((await scenario(ids.main)).title).toBe('Theft of customer records from the database host');
  });

  it('patches descriptive fields and replaces a list when given, keeping the others', async () => {
    const response = await call(
      'PATCH',
      `/scenarios/${ids.main}`,
      { description: 'Backups are offsite', assets: [ids.host, ids.laptop] },
      writer.token,
      ifMatch(1),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      description: 'Backups are offsite',
      assets: [{ name: 'db-host' }, { name: 'laptop-7' }],
      threats: [{ name: 'Data theft' }],
      existingControls: [{ refId: 'AC-1' }],
    });
    const stale = await call('PATCH', `/scenarios/${ids.main}`, { title: 'Lost update' }, writer.token, ifMatch(1));
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    expect((await scenario(ids.main)).title).toBe('Theft of customer records from the database host');
  });
});

describe('analysis and evaluation', () => {
  it('refuses ratings outside the scales, naming the field and the scale size, and changes nothing', async () => {
    const refused = await call('PUT', `/scenarios/${ids.main}/assessment`, {
      inherent: { likelihood: 4, consequence: 4 },
      current: { likelihood: 5, consequence: 2 },
      version: 2,
    });
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).errors).toEqual([
      { path: 'body.current.likelihood', message: '5 is outside the likelihood scale of 5 levels (0 to 4)' },
    ]);
    expect(await scenario(ids.main)).toMatchObject({ version: 2, inherent: null, current: null, status: 'identified' });
    const stale = await call('PUT', `/scenarios/${ids.main}/assessment`, { current: { likelihood: 1, consequence: 1 }, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    expect((await scenario(ids.main)).current).toBeNull();
    const blind = await call('PUT', `/scenarios/${ids.main}/assessment`, { current: { likelihood: 1, consequence: 1 } });
    expect(blind.statusCode).toBe(400);
    expect(problem(blind).errors?.[0]?.path).toBe('body.version');
  });

  it('rates with the matrix, evaluates against the acceptance rules and sets the next review', async () => {
    const response = await call(
      'PUT',
      `/scenarios/${ids.main}/assessment`,
      {
        inherent: { likelihood: 4, consequence: 4 },
        current: { likelihood: 3, consequence: 3 },
        target: { likelihood: 1, consequence: 1 },
        rationale: { current: 'Backups limit the loss; theft is still likely' },
        strengthOfKnowledge: 'medium',
      },
      writer.token,
      ifMatch(2),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"3"');
    expect(response.json()).toMatchObject({
      status: 'assessed',
      inherent: { likelihood: 4, consequence: 4, level: 3, levelName: 'Critical', colour: '#E03131' },
      current: { likelihood: 3, consequence: 3, level: 2, likelihoodName: 'Likely', consequenceName: 'Major', levelName: 'High' },
      target: { level: 0, levelName: 'Low' },
      residual: { likelihood: 3, consequence: 3, level: 2 },
      rationale: { current: 'Backups limit the loss; theft is still likely' },
      strengthOfKnowledge: 'medium',
      // "High" needs an administrator to accept: to treat.
      evaluation: 'to-treat',
      reviewDue: inDays(90),
      reviewOverdue: false,
    });
    const low = await created('/scenarios', { title: 'Minor slip', approach: 'asset-based' });
    const lowAssessed = await call('PUT', `/scenarios/${low.id}/assessment`, { current: { likelihood: 0, consequence: 1 }, version: 1 });
    expect(lowAssessed.json()).toMatchObject({ evaluation: 'acceptable', current: { levelName: 'Low' }, reviewDue: inDays(365) });
  });

  it('keeps a scenario’s ratings as they were when the criteria are revised, until it is re-based', async () => {
    const onOne = await created('/scenarios', { title: 'Rebase me', approach: 'asset-based' });
    await call('PUT', `/scenarios/${onOne.id}/assessment`, { current: { likelihood: 0, consequence: 0 }, version: 1 });
    const criteria = (await call('GET', `/risk/criteria/${ids.criteria}`)).json();
    // Version 2: every cell of the matrix is "Critical".
    const definition = { ...criteria.definition, matrix: criteria.definition.matrix.map((row: number[]) => row.map(() => 3)) };
    expect((await call('POST', `/risk/criteria/${ids.criteria}/versions`, { basedOn: 1, definition })).statusCode).toBe(201);

    const kept = await scenario(ids.main);
    expect(kept).toMatchObject({ version: 3, criteria: { version: 1, latestVersion: 2 }, current: { level: 2, levelName: 'High' } });
    const before = await scenario(onOne.id);
    expect(before).toMatchObject({ criteria: { version: 1 }, current: { level: 0, levelName: 'Low' }, evaluation: 'acceptable' });
    expect((await created('/scenarios', { title: 'New on v2', approach: 'asset-based' })).criteria).toMatchObject({ version: 2 });

    // Re-based on version 2, the rating kept is re-rated with its matrix and evaluated again.
    const rebased = (await call('PUT', `/scenarios/${onOne.id}/assessment`, { useLatestCriteria: true, version: before.version })).json();
    expect(rebased).toMatchObject({
      criteria: { version: 2 },
      current: { likelihood: 0, consequence: 0, level: 3, levelName: 'Critical' },
      evaluation: 'to-treat',
    });
    // Back to the template's matrix (version 3) for what follows.
    expect(
      (await call('POST', `/risk/criteria/${ids.criteria}/versions`, { basedOn: 2, definition: criteria.definition })).statusCode,
    ).toBe(201);
  });
});

describe('treatment', () => {
  it('refuses a plan without justification or with another tenant’s control, and a stale version', async () => {
    const noReason = await call('PUT', `/scenarios/${ids.main}/treatment`, {
      option: 'modify',
      justification: ' ',
      plannedControls: [],
      version: 3,
    });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors?.[0]?.path).toBe('body.justification');
    const foreign = await call('PUT', `/scenarios/${ids.main}/treatment`, {
      option: 'modify',
      justification: 'Encrypt',
      plannedControls: [ids.foreignControl],
      version: 3,
    });
    expect(foreign.statusCode).toBe(422);
    expect(problem(foreign).errors?.[0]?.path).toBe('body.plannedControls.0');
    const stale = await call('PUT', `/scenarios/${ids.main}/treatment`, {
      option: 'modify',
      justification: 'Encrypt',
      plannedControls: [],
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    expect((await scenario(ids.main)).treatment).toBeNull();
  });

  it('moves the residual risk towards the target as the plan’s controls are implemented', async () => {
    const planned = await call(
      'PUT',
      `/scenarios/${ids.main}/treatment`,
      { option: 'modify', justification: 'Encrypt and watch the database', plannedControls: [ids.encryption, ids.monitoring] },
      writer.token,
      ifMatch(3),
    );
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({
      status: 'in-treatment',
      version: 4,
      treatment: {
        option: 'modify',
        plannedControls: [{ refId: 'AC-2', status: 'planned' }, { refId: 'AC-3' }],
        progress: { planned: 2, inPlace: 0, percent: 0 },
      },
      residual: { likelihood: 3, consequence: 3, level: 2 },
    });

    expect((await call('PATCH', `/controls/${ids.encryption}`, { status: 'implemented' })).statusCode).toBe(200);
    // Half the plan (by effectiveness) in place: 3 − 0.5 × (3 − 1) = 2 on each scale.
    expect(await scenario(ids.main)).toMatchObject({
      status: 'in-treatment',
      version: 5,
      treatment: { progress: { planned: 2, inPlace: 1, percent: 50 } },
      residual: { likelihood: 2, consequence: 2, level: 1, levelName: 'Medium' },
    });
    expect((await call('PATCH', `/controls/${ids.monitoring}`, { status: 'verified' })).statusCode).toBe(200);
    expect(await scenario(ids.main)).toMatchObject({
      status: 'treated',
      version: 6,
      treatment: { progress: { planned: 2, inPlace: 2, percent: 100 } },
      residual: { likelihood: 1, consequence: 1, level: 0, levelName: 'Low' },
    });
    // A change that does not touch status or effectiveness leaves the scenario alone.
    await call('PATCH', `/controls/${ids.monitoring}`, { owner: 'DBA team' });
    expect((await scenario(ids.main)).version).toBe(6);
  });

  it('refuses to delete a control a scenario plans, naming the scenario, and keeps it', async () => {
    const refused = await call('DELETE', `/controls/${ids.encryption}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).code).toBe('CONFLICT');
    expect(problem(refused).detail).toContain('R-001');
    expect((await call('GET', `/controls/${ids.encryption}`)).statusCode).toBe(200);
  });
});

describe('acceptance', () => {
  it('lets only the risk owner accept a low risk, within the rule’s longest period', async () => {
    const notOwner = await call('POST', `/scenarios/${ids.main}/acceptances`, { justification: 'Fine by me' });
    expect(notOwner.statusCode).toBe(403);
    expect(problem(notOwner).detail).toMatch(/owner/);
    const tooLong = await call(
      'POST',
      `/scenarios/${ids.main}/acceptances`,
      { justification: 'Fine', expiresOn: inDays(731) },
      riskOwner.token,
    );
    expect(tooLong.statusCode).toBe(422);
    expect(problem(tooLong).errors?.[0]?.path).toBe('body.expiresOn');
    const past = await call(
      'POST',
      `/scenarios/${ids.main}/acceptances`,
      { justification: 'Fine', expiresOn: '2020-01-01' },
      riskOwner.token,
    );
    expect(problem(past).errors?.[0]?.path).toBe('body.expiresOn');
    expect((await scenario(ids.main)).status).toBe('treated');

    const accepted = await call(
      'POST',
      `/scenarios/${ids.main}/acceptances`,
      { justification: 'Residual risk is low', conditions: 'Re-check after the audit' },
      riskOwner.token,
    );
    expect(accepted.statusCode).toBe(201);
    const body = accepted.json();
    ids.acceptance = body.acceptance.id;
    expect(body.acceptance).toMatchObject({
      level: 0,
      levelName: 'Low',
      authority: 'risk-owner',
      acceptedBy: { id: riskOwner.userId },
      expiresOn: inDays(730),
      expired: false,
      inForce: true,
    });
    expect(body.acceptance.acceptedBy.label).toContain(riskOwner.email);
    expect(body.scenario).toMatchObject({ status: 'accepted', acceptance: { id: ids.acceptance }, acceptanceExpired: false });
  });

  it('refuses anyone at a level nobody may accept', async () => {
    const critical = await created('/scenarios', { title: 'Ransomware on everything', approach: 'asset-based', ownerId: riskOwner.userId });
    await call('PUT', `/scenarios/${critical.id}/assessment`, { current: { likelihood: 4, consequence: 4 }, version: 1 });
    for (const token of [riskOwner.token, writer.token]) {
      const refused = await call('POST', `/scenarios/${critical.id}/acceptances`, { justification: 'We live with it' }, token);
      expect(refused.statusCode).toBe(403);
      expect(problem(refused).detail).toMatch(/Nobody may accept a risk at level "Critical"/);
    }
    expect((await scenario(critical.id)).status).toBe('assessed');
  });

  it('lets only the role the rule names (or an owner) accept a medium risk', async () => {
    const medium = await created('/scenarios', { title: 'Laptop theft', approach: 'asset-based', ownerId: riskOwner.userId });
    await call('PUT', `/scenarios/${medium.id}/assessment`, { current: { likelihood: 2, consequence: 2 }, version: 1 });
    const byOwner = await call('POST', `/scenarios/${medium.id}/acceptances`, { justification: 'Mine to accept?' }, riskOwner.token);
    expect(byOwner.statusCode).toBe(403);
    expect(problem(byOwner).detail).toContain('"risk-manager"');
    const byManager = await call('POST', `/scenarios/${medium.id}/acceptances`, {
      justification: 'Within appetite',
      expiresOn: inDays(30),
    });
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json().acceptance).toMatchObject({ authority: 'role', levelName: 'Medium', expiresOn: inDays(30) });
  });

  it('flags an acceptance whose expiry has passed', async () => {
    await ctx.store.query(`update risk_acceptances set expires_on = '2020-01-01' where id = $1`, [ids.acceptance]);
    const shown = await scenario(ids.main);
    expect(shown).toMatchObject({
      status: 'accepted',
      acceptanceExpired: true,
      acceptance: { id: ids.acceptance, expired: true, inForce: false },
    });
    const list = (await call('GET', `/scenarios/${ids.main}/acceptances`, undefined, bystander.token)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: ids.acceptance, expired: true, inForce: false, withdrawnAt: null })]);
    await ctx.store.query(`update risk_acceptances set expires_on = $2 where id = $1`, [ids.acceptance, inDays(10)]);
  });

  it('withdraws an acceptance (its acceptor or a risk writer) and recomputes the status', async () => {
    const byBystander = await call('POST', `/scenarios/${ids.main}/acceptances/${ids.acceptance}/withdraw`, undefined, bystander.token);
    expect(byBystander.statusCode).toBe(403);
    const withdrawn = await call('POST', `/scenarios/${ids.main}/acceptances/${ids.acceptance}/withdraw`, undefined, riskOwner.token);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().acceptance).toMatchObject({ inForce: false, withdrawnBy: expect.stringContaining(riskOwner.email) });
    expect(withdrawn.json().scenario).toMatchObject({ status: 'treated', acceptance: null, acceptanceExpired: false });
    const again = await call('POST', `/scenarios/${ids.main}/acceptances/${ids.acceptance}/withdraw`);
    expect(again.statusCode).toBe(409);
    const list = (await call('GET', `/scenarios/${ids.main}/acceptances`)).json();
    expect(list.items[0]).toMatchObject({ id: ids.acceptance, inForce: false });
    expect(list.items[0].withdrawnAt).not.toBeNull();
  });
});

describe('review and history', () => {
  it('moves the next review one period on from today', async () => {
    await ctx.store.query(`update risk_scenarios set review_due = '2020-01-01' where id = $1`, [ids.main]);
    const due = await scenario(ids.main);
    expect(due).toMatchObject({ reviewDue: '2020-01-01', reviewOverdue: true, lastReviewedAt: null });
    const stale = await call('POST', `/scenarios/${ids.main}/reviews`, { note: 'Old', version: due.version - 1 });
    expect(stale.statusCode).toBe(409);
    const reviewed = await call('POST', `/scenarios/${ids.main}/reviews`, {
      note: 'Still relevant; controls checked',
      version: due.version,
    });
    expect(reviewed.statusCode).toBe(200);
    // The current level is "High": reviewed every 90 days.
    expect(reviewed.json()).toMatchObject({ reviewDue: inDays(90), reviewOverdue: false, version: due.version + 1 });
    expect(reviewed.json().lastReviewedAt.slice(0, 10)).toBe(today());
  });

  it('lists every step with its actor and changes, each also in the audit trail', async () => {
    const response = await call('GET', `/scenarios/${ids.main}/history`, undefined, bystander.token);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      seq: number;
      actor: string;
      action: string;
      changes: Record<string, [unknown, unknown]>;
      note: string | null;
    }[];
    expect(items.map((item) => item.action)).toEqual([
      'created',
      'updated',
      'assessed',
      'treatment',
      'residual-recomputed',
      'residual-recomputed',
      'accepted',
      'acceptance-withdrawn',
      'reviewed',
    ]);
    expect(items.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(items[0]!.actor).toContain(writer.email);
    expect(items[6]!.actor).toContain(riskOwner.email);
    expect(items[0]!.changes.title).toEqual([null, 'Theft of customer records from the database host']);
    expect(items[0]!.changes.vulnerabilities).toEqual([[], [ids.vulnerability]]);
    expect(items[0]!.changes).not.toHaveProperty('inherent');
    expect(items[1]!.changes.assets).toEqual([[ids.host], [ids.host, ids.laptop]]);
    expect(items[2]!.changes.current).toEqual([null, { likelihood: 3, consequence: 3, level: 2 }]);
    expect(items[2]!.changes.status).toEqual(['identified', 'assessed']);
    expect(items[3]!.changes.plannedControls).toEqual([[], [ids.encryption, ids.monitoring]]);
    expect(items[4]!.changes.residual).toEqual([
      { likelihood: 3, consequence: 3, level: 2 },
      { likelihood: 2, consequence: 2, level: 1 },
    ]);
    expect(items[4]!.note).toContain('AC-2 Disk encryption is implemented');
    expect(items[5]!.changes.status).toEqual(['in-treatment', 'treated']);
    expect(items[6]!.changes.status).toEqual(['treated', 'accepted']);
    expect(items[7]!.changes.status).toEqual(['accepted', 'treated']);
    expect(items[8]!.note).toBe('Still relevant; controls checked');
    // The ids the changes mention come with their names; nothing of the other tenant's is named.
    const names = response.json().names as Record<string, string>;
    expect(names).toMatchObject({
      [ids.host]: 'db-host',
      [ids.laptop]: 'laptop-7',
      [ids.encryption]: 'AC-2 Disk encryption',
      [ids.monitoring]: 'AC-3 Database activity monitoring',
    });
    expect(names).not.toHaveProperty(ids.foreignAsset);
    const audit = await ctx.store.query<{ action: string }>(
      `select action from audit_entries where org_id = $1 and target_type = 'risk-scenario' and target_id = $2 order by seq`,
      [org.orgId, ids.main],
    );
    expect(audit.map((row) => row.action)).toEqual(items.map((item) => `risk-scenario.${item.action}`));
  });

  it('deletes a scenario with its links, acceptances and history, and then the control may go', async () => {
    const gone = await call('DELETE', `/scenarios/${ids.main}`);
    expect(gone.statusCode).toBe(204);
    expect((await call('GET', `/scenarios/${ids.main}`)).statusCode).toBe(404);
    const [left] = await ctx.store.query<{ links: number; acceptances: number; history: number }>(
      `select (select count(*)::int from risk_scenario_links where scenario_id = $1) as links,
              (select count(*)::int from risk_acceptances where scenario_id = $1) as acceptances,
              (select count(*)::int from risk_scenario_history where scenario_id = $1) as history`,
      [ids.main],
    );
    expect(left).toEqual({ links: 0, acceptances: 0, history: 0 });
    const [deleted] = await ctx.store.query<{ n: number }>(
      `select count(*)::int as n from audit_entries where org_id = $1 and target_id = $2 and action = 'risk-scenario.deleted'`,
      [org.orgId, ids.main],
    );
    expect(deleted!.n).toBe(1);
    expect((await call('DELETE', `/controls/${ids.encryption}`)).statusCode).toBe(204);
  });
});

describe('a scenario on another criteria set', () => {
  const scenarioCount = async (): Promise<number> =>
    (await ctx.store.query<{ n: number }>('select count(*)::int as n from risk_scenarios where org_id = $1', [org.orgId]))[0]!.n;

  it('is rated on the set its creation names, and an unknown or another tenant’s set is 422 with nothing stored', async () => {
    const plant = await created('/risk/criteria', { template: '4x4', name: 'OT plant 4×4' });
    const made = await created('/scenarios', {
      title: 'Kiln controller tampering',
      approach: 'asset-based',
      assets: [ids.host],
      criteriaId: plant.id,
    });
    expect(made.criteria).toEqual({ id: plant.id, name: 'OT plant 4×4', version: 1, latestVersion: 1 });
    // Its suggestion, like the asset's when the set is named, is on that set's four-level consequence scale.
    expect((made.suggestion as { consequence: { index: number } }).consequence.index).toBe(3);
    const suggestion = (await call('GET', `/assets/${ids.host}/risk-suggestion?criteriaId=${plant.id}`)).json();
    expect(suggestion.criteria).toEqual({ id: plant.id, name: 'OT plant 4×4', version: 1 });
    expect(suggestion.consequence.index).toBe(3);
    const rated = await call(
      'PUT',
      `/scenarios/${made.id}/assessment`,
      { current: { likelihood: 3, consequence: 3 } },
      writer.token,
      ifMatch(1),
    );
    expect(rated.statusCode).toBe(200);
    expect(rated.json().current).toMatchObject({ likelihood: 3, consequence: 3 });
    const onDefault = (await call('GET', '/scenarios?q=Kiln')).json();
    expect(onDefault.total).toBe(0);
    expect((await call('GET', `/scenarios?q=Kiln&criteriaId=${plant.id}`)).json().total).toBe(1);

    const before = await scenarioCount();
    const theirs = (await call('GET', '/risk/criteria', undefined, outsider, {}, other.slug)).json().items[0].id as string;
    for (const criteriaId of [newId(), theirs]) {
      const refused = await call('POST', '/scenarios', { title: 'Nowhere', approach: 'asset-based', criteriaId });
      expect(refused.statusCode).toBe(422);
      expect(problem(refused).errors).toEqual([{ path: 'body.criteriaId', message: 'no risk criteria with this id' }]);
      expect(refused.body).not.toContain('Standard 5×5');
    }
    expect(await scenarioCount()).toBe(before);
  });
});
