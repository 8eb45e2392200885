import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { inventoryClient, type InventoryClient } from '../fixtures/inventory/client.ts';
import { seedSupplyChain, type SupplyChain } from '../fixtures/inventory/supply-chain.ts';

let ctx: TestContext;
let org: OrgFixture;
let api: InventoryClient;
let ids: SupplyChain;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  api = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'viewer')).token);
  ids = await seedSupplyChain(ctx.store, org.access);
});
afterAll(() => ctx.dispose());

interface Reached {
  node: { id: string; name: string; kind: string };
  distance: number;
  via: string | null;
}
const distances = (items: Reached[]): Record<string, number> => Object.fromEntries(items.map((item) => [item.node.name, item.distance]));
const names = (nodes: { name: string }[]): string[] => nodes.map((node) => node.name);

describe('what breaks if the cloud provider fails', () => {
  it('lists every asset relying on Nimbus Cloud, directly or not, nearest first, with distances', async () => {
    const response = await api.get(`/external-organizations/${ids.nimbus}/dependents`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.start).toEqual({ id: ids.nimbus, name: 'Nimbus Cloud', kind: 'organization' });
    // vm-hr is reached through its operating organization, which counts as provided-by.
    expect(distances(body.items)).toEqual({ 'vm-db': 1, 'vm-hr': 1, 'card-db': 2, 'HR app': 2, 'Card data': 3, Payroll: 3, 'Online shop': 4 });
    expect(body.items.map((item: Reached) => item.distance)).toEqual([1, 1, 2, 2, 3, 3, 4]);
    expect(body).toMatchObject({ total: 7, primaryAffected: 3, truncated: false, byKind: { 'cloud-resource': 2, storage: 1, software: 1, information: 1, 'business-process': 2 } });
    const shop = body.items.find((item: Reached) => item.node.name === 'Online shop');
    expect(shop).toMatchObject({ via: ids.card, category: 'primary' });
  });

  it('follows only the requested dependency types and stops at maxDepth', async () => {
    const providedBy = (await api.get(`/external-organizations/${ids.nimbus}/dependents?types=provided-by`)).json();
    expect(names(providedBy.items.map((item: Reached) => item.node))).toEqual(['vm-db', 'vm-hr']);
    const near = (await api.get(`/external-organizations/${ids.nimbus}/dependents?maxDepth=2&limit=3`)).json();
    expect(near).toMatchObject({ total: 4, truncated: true });
    expect(near.items).toHaveLength(3);
    const bad = await api.get(`/external-organizations/${ids.nimbus}/dependents?types=depends-on,teleports`);
    expect(bad.statusCode).toBe(400);
  });

  it('gives the blast radius of an asset, and 404 for an id of the wrong kind', async () => {
    const body = (await api.get(`/assets/${ids.dc}/blast-radius`)).json();
    expect(distances(body.items)).toEqual({ 'host-1': 1, 'host-2': 1, LAN: 2, 'Shop app': 2, 'Online shop': 3 });
    expect((await api.get(`/assets/${ids.nimbus}/blast-radius`)).statusCode).toBe(404);
    expect((await api.get(`/external-organizations/${ids.dc}/dependents`)).statusCode).toBe(404);
  });
});

describe('supply chain and structure', () => {
  it('gives an asset’s neighbourhood both ways with every edge between its nodes, for the graph view', async () => {
    const near = (await api.get(`/assets/${ids.shopApp}/neighbourhood?maxDepth=1`)).json();
    expect(near.start.name).toBe('Shop app');
    const row = (node: { node: { name: string }; blastDistance: number | null; upstreamDistance: number | null }) => [node.node.name, node.blastDistance, node.upstreamDistance];
    expect(near.nodes.map(row)).toEqual([
      ['Shop app', 0, 0],
      ['host-1', null, 1],
      ['host-2', null, 1],
      ['Online shop', 1, null],
      ['PayFlow', null, 1],
    ]);
    const nameOf = new Map(near.nodes.map((node: { node: { id: string; name: string } }) => [node.node.id, node.node.name]));
    const edge = (e: { sourceId: string; targetId: string; type: string }) => `${nameOf.get(e.sourceId)} ${e.type} ${nameOf.get(e.targetId)}`;
    expect(near.edges.map(edge).sort()).toEqual(['Online shop depends-on Shop app', 'Shop app provided-by PayFlow', 'Shop app runs-on host-1', 'Shop app runs-on host-2']);
    const wider = (await api.get(`/assets/${ids.shopApp}/neighbourhood?maxDepth=2`)).json();
    expect(wider).toMatchObject({ total: 7, truncated: false });
    const widerNames = new Map(wider.nodes.map((node: { node: { id: string; name: string } }) => [node.node.id, node.node.name]));
    const widerEdges = wider.edges.map((e: { sourceId: string; targetId: string; type: string }) => `${widerNames.get(e.sourceId)} ${e.type} ${widerNames.get(e.targetId)}`);
    // The LAN cycle appears both ways: edges among the nodes, not just the traversal trees.
    expect(widerEdges).toEqual(expect.arrayContaining(['host-1 connects-to LAN', 'LAN connects-to host-1', 'host-1 depends-on DC Paris', 'host-2 depends-on DC Paris']));
    expect(widerEdges).toHaveLength(8);
    const capped = (await api.get(`/assets/${ids.shopApp}/neighbourhood?maxDepth=2&limit=3`)).json();
    expect(capped).toMatchObject({ total: 7, truncated: true });
    expect(capped.nodes).toHaveLength(3);
    expect(capped.edges.every((e: { sourceId: string; targetId: string }) => capped.nodes.some((n: { node: { id: string } }) => n.node.id === e.sourceId))).toBe(true);
  });

  it('shows the upstream of a service with its external organizations by tier and the chain to each', async () => {
    const body = (await api.get(`/assets/${ids.shop}/upstream`)).json();
    expect(distances(body.items)).toMatchObject({ 'Shop app': 1, 'Card data': 1, PayFlow: 2, 'Nimbus Cloud': 4, 'DC Paris': 3 });
    expect(body.organizations.map((o: { node: { name: string }; tier: number; distance: number }) => [o.node.name, o.tier, o.distance])).toEqual([
      ['PayFlow', 1, 2],
      ['Nimbus Cloud', 1, 4],
    ]);
    expect(names(body.organizations[1].path)).toEqual(['Online shop', 'Card data', 'card-db', 'vm-db', 'Nimbus Cloud']);
  });

  it('explains inherited protection requirements with the path that causes each', async () => {
    const db = (await api.get(`/assets/${ids.cardDb}/protection`)).json();
    expect(db.confidentiality).toMatchObject({ own: null, effective: 4, levelName: 'Very high', source: { name: 'Card data' } });
    expect(names(db.confidentiality.path)).toEqual(['card-db', 'Card data']);
    expect(db.availability.effective).toBe(4);
    expect(names(db.availability.path)).toEqual(['card-db', 'Card data', 'Online shop']);
    // In the host-1 ⇄ LAN cycle, LAN inherits the shop's availability over its own 3.
    const lan = (await api.get(`/assets/${ids.lan}/protection`)).json();
    expect(lan.availability).toMatchObject({ own: 3, effective: 4, source: { name: 'Online shop' } });
    expect(names(lan.availability.path)).toEqual(['LAN', 'host-1', 'Shop app', 'Online shop']);
    const own = (await api.get(`/assets/${ids.card}/protection`)).json();
    expect(names(own.confidentiality.path)).toEqual(['Card data']);
    expect((await api.get(`/assets/${ids.dc}/protection`)).json().confidentiality).toMatchObject({ effective: 2, source: { name: 'Online shop' } });
  });

  it('names single points of failure: the app and the site, not the redundant hosts', async () => {
    const body = (await api.get(`/assets/${ids.shop}/single-points-of-failure`)).json();
    expect(body).toMatchObject({ bottoms: 3, upstream: 10 });
    expect(body.points[0]).toMatchObject({ node: { name: 'Shop app' }, bottomsLost: 2 });
    const points = names(body.points.map((p: { node: { name: string } }) => p.node));
    expect(points).toEqual(expect.arrayContaining(['DC Paris', 'PayFlow', 'Card data', 'card-db', 'vm-db', 'Nimbus Cloud']));
    expect(points).not.toContain('host-1');
    expect(points).not.toContain('host-2');
  });

  it('ranks concentration risk: the cloud provider carries the most primary assets', async () => {
    const response = await api.get('/inventory/concentration?topK=5');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.organizations.map((e: { node: { name: string }; primaryDependents: number }) => [e.node.name, e.primaryDependents])).toEqual([
      ['Nimbus Cloud', 3],
      ['Ledgerly', 2],
      ['PayFlow', 1],
    ]);
    expect(body.exhaustive).toBe(true);
  });

  it('finds paths between two nodes, optionally along one dependency type', async () => {
    const all = (await api.get(`/inventory/paths?from=${ids.shop}&to=${ids.nimbus}`)).json();
    expect(all.paths).toHaveLength(1);
    expect(names(all.paths[0].nodes)).toEqual(['Online shop', 'Card data', 'card-db', 'vm-db', 'Nimbus Cloud']);
    expect(all.paths[0].types).toEqual(['processes', 'stores', 'runs-on', 'provided-by']);
    const network = (await api.get(`/inventory/paths?from=${ids.lan}&to=${ids.host1}&types=connects-to`)).json();
    expect(names(network.paths[0].nodes)).toEqual(['LAN', 'host-1']);
    expect((await api.get(`/inventory/paths?from=${ids.shop}&to=${ids.nimbus}&types=connects-to`)).json().paths).toEqual([]);
  });
});

describe('the graph stays in step with the store', () => {
  it('reflects a new dependency and a cascade deletion on the next request', async () => {
    const writer = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'admin')).token);
    const first = (await api.get(`/external-organizations/${ids.nimbus}/dependents`)).json();
    const backup = await writer.create('/assets', { kind: 'software', name: 'Backup job' });
    await writer.create('/dependencies', { sourceId: backup.id, targetId: ids.vmDb, type: 'depends-on' });
    const second = (await api.get(`/external-organizations/${ids.nimbus}/dependents`)).json();
    expect(second.inventoryVersion).toBeGreaterThan(first.inventoryVersion);
    expect(distances(second.items)['Backup job']).toBe(2);
    expect((await writer.del(`/assets/${ids.vmDb}?cascade=true`)).statusCode).toBe(204);
    const third = (await api.get(`/external-organizations/${ids.nimbus}/dependents`)).json();
    expect(distances(third.items)).toEqual({ 'vm-hr': 1, 'HR app': 2, Payroll: 3 });
  });
});
