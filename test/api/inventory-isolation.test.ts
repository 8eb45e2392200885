import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { inventoryClient, type InventoryClient } from '../fixtures/inventory/client.ts';
import { seedSupplyChain, type SupplyChain } from '../fixtures/inventory/supply-chain.ts';

let ctx: TestContext;
let mine: OrgFixture;
let theirs: OrgFixture;
let api: InventoryClient;
let their: SupplyChain;
let theirEdge: string;
let myAsset: string;

const GHOST = '0190a0a0-0000-7000-8000-0000000000aa';

/** Everything of the other organization that a leak could change, including its audit head and inventory version. */
async function snapshotOf(orgId: string): Promise<unknown> {
  return ctx.store.query(
    `select (select json_agg(a order by a.id) from (select id, name, version, operator_id from assets where org_id = $1) a) as assets,
            (select json_agg(d order by d.id) from (select id, type, description from dependencies where org_id = $1) d) as dependencies,
            (select json_agg(e order by e.id) from (select id, name, version from external_organizations where org_id = $1) e) as organizations,
            (select inventory_version::text from inventory_state where org_id = $1) as inventory_version,
            (select protection_scale from inventory_state where org_id = $1) as scale,
            (select audit_seq::text from organizations where id = $1) as audit_seq`,
    [orgId],
  );
}

beforeAll(async () => {
  ctx = await createTestApp();
  mine = await buildOrg(ctx.store);
  theirs = await buildOrg(ctx.store);
  api = inventoryClient(ctx.app, mine.slug, (await memberToken(ctx.store, mine, 'admin')).token);
  await seedSupplyChain(ctx.store, mine.access);
  their = await seedSupplyChain(ctx.store, theirs.access);
  [{ id: theirEdge }] = await ctx.store.query<{ id: string }>('select id from dependencies where org_id = $1 limit 1', [theirs.orgId]) as [{ id: string }];
  myAsset = (await api.create('/assets', { kind: 'host', name: 'my-host' })).id;
});
afterAll(() => ctx.dispose());

/** The problem with the id blanked, to compare another tenant's id with one that exists nowhere. */
const shape = (response: LightMyRequestResponse, id: string) => {
  const body = problem(response);
  return { status: response.statusCode, code: body.code, detail: body.detail.replaceAll(id, 'ID'), errors: JSON.stringify(body.errors ?? []).replaceAll(id, 'ID') };
};

describe('another organization’s inventory is invisible and untouchable', () => {
  const byId = (): [string, string, unknown?][] => [
    ['GET', `/assets/${their.shop}`],
    ['PATCH', `/assets/${their.shop}`, { name: 'pwned' }],
    ['DELETE', `/assets/${their.shop}`],
    ['DELETE', `/assets/${their.shop}?cascade=true`],
    ['GET', `/assets/${their.shop}/dependencies`],
    ['POST', `/assets/${their.shop}/dependencies`, { targetId: myAsset, type: 'depends-on' }],
    ['GET', `/assets/${their.shop}/blast-radius`],
    ['GET', `/assets/${their.shop}/upstream`],
    ['GET', `/assets/${their.cardDb}/protection`],
    ['GET', `/assets/${their.shop}/single-points-of-failure`],
    ['GET', `/external-organizations/${their.nimbus}`],
    ['PATCH', `/external-organizations/${their.nimbus}`, { notes: 'pwned' }],
    ['DELETE', `/external-organizations/${their.nimbus}?cascade=true`],
    ['GET', `/external-organizations/${their.nimbus}/dependents`],
    ['GET', `/dependencies/${theirEdge}`],
    ['PATCH', `/dependencies/${theirEdge}`, { description: 'pwned' }],
    ['DELETE', `/dependencies/${theirEdge}`],
    ['GET', `/inventory/paths?from=${their.shop}&to=${myAsset}`],
    ['GET', `/inventory/paths?from=${myAsset}&to=${their.nimbus}`],
  ];

  it('answers 404 for each of its ids on every endpoint, exactly as for an id that does not exist, and changes nothing', async () => {
    const before = await snapshotOf(theirs.orgId);
    const theirIds = [their.shop, their.cardDb, their.nimbus, theirEdge];
    for (const [method, path, payload] of byId()) {
      const response = await ctx.app.inject({ method: method as 'GET', url: `/api/orgs/${mine.slug}${path}`, headers: { authorization: `Bearer ${(await tokenOnce())}` }, ...(payload ? { payload: payload as object } : {}) });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
      const used = theirIds.find((id) => path.includes(id))!;
      const ghost = await ctx.app.inject({ method: method as 'GET', url: `/api/orgs/${mine.slug}${path.replaceAll(used, GHOST)}`, headers: { authorization: `Bearer ${(await tokenOnce())}` }, ...(payload ? { payload: payload as object } : {}) });
      expect(shape(response, used), `${method} ${path}`).toEqual(shape(ghost, GHOST));
    }
    expect(await snapshotOf(theirs.orgId)).toEqual(before);
  });

  it('refuses an edge to or from its asset with the 422 of an unknown id, naming the field', async () => {
    const before = await snapshotOf(theirs.orgId);
    const cases: [unknown, unknown, string][] = [
      [{ sourceId: myAsset, targetId: their.shop, type: 'depends-on' }, { sourceId: myAsset, targetId: GHOST, type: 'depends-on' }, 'body.targetId'],
      [{ sourceId: myAsset, targetId: their.nimbus, type: 'provided-by' }, { sourceId: myAsset, targetId: GHOST, type: 'provided-by' }, 'body.targetId'],
      [{ sourceId: their.shop, targetId: myAsset, type: 'depends-on' }, { sourceId: GHOST, targetId: myAsset, type: 'depends-on' }, 'body.sourceId'],
    ];
    for (const [leak, ghost, field] of cases) {
      const response = await api.post('/dependencies', leak);
      expect(response.statusCode).toBe(422);
      expect(problem(response).errors?.[0]?.path).toBe(field);
      const id = field === 'body.sourceId' ? (leak as { sourceId: string }).sourceId : (leak as { targetId: string }).targetId;
      expect(shape(response, id)).toEqual(shape(await api.post('/dependencies', ghost), GHOST));
    }
    const operator = await api.post('/assets', { kind: 'host', name: 'x', operatorId: their.nimbus });
    expect(shape(operator, their.nimbus)).toEqual(shape(await api.post('/assets', { kind: 'host', name: 'x', operatorId: GHOST }), GHOST));
    const reassign = await api.patch(`/assets/${myAsset}`, { operatorId: their.nimbus });
    expect(reassign.statusCode).toBe(422);
    expect(await snapshotOf(theirs.orgId)).toEqual(before);
  });

  it('never lists or counts its rows', async () => {
    const assets = (await api.get('/assets?limit=500')).json();
    expect(assets.total).toBe(14);
    expect(assets.items.map((a: { id: string }) => a.id)).not.toContain(their.shop);
    expect((await api.get(`/assets?operatorId=${their.nimbus}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await api.get(`/dependencies?sourceId=${their.shop}`)).json().items).toEqual([]);
    expect((await api.get('/dependencies?limit=500')).json().items).toHaveLength(17);
    const orgs = (await api.get('/external-organizations')).json().items;
    expect(orgs.map((o: { id: string }) => o.id)).not.toContain(their.nimbus);
    const concentration = (await api.get('/inventory/concentration')).json();
    expect(concentration.organizations.map((e: { node: { id: string } }) => e.node.id)).not.toContain(their.nimbus);
    expect((await api.get('/assets?q=Online')).json().total).toBe(1);
  });

  it('keeps each organization’s protection scale to itself', async () => {
    const before = await snapshotOf(theirs.orgId);
    expect((await api.put('/inventory/scale', { levels: [{ name: 'Low' }, { name: 'Medium' }, { name: 'High' }, { name: 'Very high' }, { name: 'Extreme' }] })).statusCode).toBe(200);
    expect(await snapshotOf(theirs.orgId)).toEqual(before);
    const theirView = await ctx.app.inject({ url: `/api/orgs/${theirs.slug}/inventory/scale`, headers: { authorization: `Bearer ${(await memberToken(ctx.store, theirs, 'viewer')).token}` } });
    expect(theirView.json().levels).toHaveLength(4);
  });

  it('does not let a token of one organization open another organization’s inventory', async () => {
    const response = await api.get('/assets');
    expect(response.statusCode).toBe(200);
    const cross = await ctx.app.inject({ url: `/api/orgs/${theirs.slug}/assets`, headers: { authorization: `Bearer ${await tokenOnce()}` } });
    expect(cross.statusCode).toBe(404);
  });
});

let adminToken: string | undefined;
async function tokenOnce(): Promise<string> {
  adminToken ??= (await memberToken(ctx.store, mine, 'admin')).token;
  return adminToken;
}
