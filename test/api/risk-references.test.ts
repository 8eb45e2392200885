import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/*
 * What risk records name is never deleted from under them: an asset or outside organization a scenario names
 * cannot be deleted (not even with cascade=true), while a vulnerability's affected-asset link goes with the
 * asset and the asset's audit entry says so.
 */
let ctx: TestContext;
let org: OrgFixture;
let token: string;

const call = (method: 'GET' | 'POST' | 'DELETE', path: string, payload?: object) =>
  ctx.app.inject({ method, url: `/api/orgs/${org.slug}${path}`, headers: bearer(token), ...(payload ? { payload } : {}) });
const create = async (path: string, payload: object): Promise<string> => {
  const response = await call('POST', path, payload);
  if (response.statusCode !== 201) throw new Error(`POST ${path} → ${response.statusCode} ${response.body}`);
  return response.json().id;
};

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  token = (await memberToken(ctx.store, org, 'admin')).token;
  await create('/risk/criteria', { template: '5x5' });
});
afterAll(() => ctx.dispose());

describe('deleting what risk records name', () => {
  it('refuses to delete an asset a scenario names, even with cascade, and keeps it', async () => {
    const host = await create('/assets', { kind: 'host', name: 'named-host' });
    const scenario = await call('POST', '/scenarios', { title: 'Host compromise', approach: 'asset-based', assets: [host] });
    expect(scenario.statusCode).toBe(201);
    for (const query of ['', '?cascade=true']) {
      const refused = await call('DELETE', `/assets/${host}${query}`);
      expect(refused.statusCode).toBe(409);
      expect(problem(refused).detail).toContain(scenario.json().refId);
    }
    expect((await call('GET', `/assets/${host}`)).statusCode).toBe(200);
  });

  it('refuses to delete an outside organization on a scenario’s path', async () => {
    const supplier = await create('/external-organizations', { name: 'Path Supplier', relationshipTypes: ['supplier'], criticality: 2 });
    const scenario = await call('POST', '/scenarios', {
      title: 'Supplier breach',
      approach: 'event-based',
      path: [{ type: 'external-org', id: supplier }],
    });
    expect(scenario.statusCode).toBe(201);
    const refused = await call('DELETE', `/external-organizations/${supplier}?cascade=true`);
    expect(refused.statusCode).toBe(409);
    expect((await call('GET', `/external-organizations/${supplier}`)).statusCode).toBe(200);
  });

  it('removes a vulnerability’s link to a deleted asset and records it in the audit entry', async () => {
    const host = await create('/assets', { kind: 'host', name: 'vulnerable-host' });
    const vulnerability = await create('/vulnerabilities', { cveId: 'CVE-2021-44228', assetIds: [host] });
    expect((await call('DELETE', `/assets/${host}`)).statusCode).toBe(204);
    expect((await call('GET', `/vulnerabilities/${vulnerability}`)).json().assets).toEqual([]);
    const audit = (await call('GET', `/audit?action=asset.deleted&targetId=${host}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].summary).toMatchObject({ name: 'vulnerable-host', vulnerabilityLinksRemoved: 1 });
  });
});
