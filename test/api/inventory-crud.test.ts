import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { auditHead, auditSince, inventoryClient, inventoryCounts, type InventoryClient } from '../fixtures/inventory/client.ts';

let ctx: TestContext;
let org: OrgFixture;
let api: InventoryClient;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  api = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'risk-manager')).token);
});
afterAll(() => ctx.dispose());

describe('external organizations', () => {
  it('creates, reads, updates and deletes one, auditing each change', async () => {
    const before = await auditHead(ctx.store, org.orgId);
    const created = await api.create('/external-organizations', {
      name: 'Nimbus Cloud',
      relationshipTypes: ['cloud-provider', 'supplier', 'cloud-provider'],
      criticality: 4,
      contacts: [{ name: 'Support desk', email: 'support@nimbus.example', role: 'support' }],
      contractStart: '2024-01-01',
      contractEnd: '2026-12-31',
      country: 'de',
      website: 'https://nimbus.example',
      tags: ['iaas'],
      externalId: 'SUP-001',
    });
    expect(created).toMatchObject({ relationshipTypes: ['cloud-provider', 'supplier'], criticalityLabel: 'critical', country: 'DE', version: 1, operatedAssets: 0 });
    const read = await api.get(`/external-organizations/${created.id}`);
    expect(read.json()).toEqual(created);
    expect(read.headers.etag).toBe('"1"');
    const patched = await api.patch(`/external-organizations/${created.id}`, { notes: 'Primary IaaS', version: 1 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ notes: 'Primary IaaS', version: 2 });
    expect((await api.del(`/external-organizations/${created.id}`)).statusCode).toBe(204);
    expect((await api.get(`/external-organizations/${created.id}`)).statusCode).toBe(404);
    const entries = await auditSince(ctx.store, org.orgId, before);
    expect(entries.map((e) => e.action)).toEqual(['external-organization.created', 'external-organization.updated', 'external-organization.deleted']);
    expect(entries.every((e) => e.target_id === created.id)).toBe(true);
    expect(entries[1]!.summary.changed).toEqual(['notes']);
  });

  it('refuses a duplicate name (case-insensitive) with 409 naming body.name', async () => {
    await api.create('/external-organizations', { name: 'Ledgerly Payroll', relationshipTypes: ['service-provider'] });
    const duplicate = await api.post('/external-organizations', { name: 'ledgerly payroll', relationshipTypes: ['supplier'] });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.name');
  });

  it('validates: unknown field, wrong type, bad enumeration, contract ending before it starts', async () => {
    const unknown = await api.post('/external-organizations', { name: 'X', relationshipTypes: ['partner'], rating: 5 });
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.map((e) => e.path)).toEqual(['body.rating']);
    const wrongType = await api.post('/external-organizations', { name: 'X', relationshipTypes: ['partner'], criticality: 'high' });
    expect(problem(wrongType).errors?.map((e) => e.path)).toEqual(['body.criticality']);
    const badType = await api.post('/external-organizations', { name: 'X', relationshipTypes: ['friend'] });
    expect(problem(badType).errors?.[0]?.path).toMatch(/^body\.relationshipTypes/);
    const backwards = await api.post('/external-organizations', { name: 'X', relationshipTypes: ['partner'], contractStart: '2025-01-01', contractEnd: '2024-01-01' });
    expect(backwards.statusCode).toBe(422);
    expect(problem(backwards).errors?.[0]?.path).toBe('body.contractEnd');
  });
});

describe('assets', () => {
  it('creates one with a derived category and criticality, audits create, update and delete', async () => {
    const before = await auditHead(ctx.store, org.orgId);
    const created = await api.create('/assets', {
      kind: 'information',
      name: 'Customer PII',
      owner: 'Head of Customer Care',
      confidentiality: 4,
      integrity: 3,
      rtoMinutes: 240,
      tags: ['gdpr', 'gdpr', 'pii'],
      externalIds: { cmdbId: 'CI-0001' },
    });
    expect(created).toMatchObject({ category: 'primary', criticality: 4, availability: null, status: 'in-use', tags: ['gdpr', 'pii'], version: 1 });
    expect(created.externalIds).toEqual({ cmdbId: 'CI-0001', purl: null, cpe: null, other: null });
    const updated = await api.patch(`/assets/${created.id}`, { kind: 'business-process', availability: 2, externalIds: { other: 'x-1' } });
    expect(updated.json()).toMatchObject({ kind: 'business-process', category: 'primary', availability: 2, version: 2 });
    expect(updated.json().externalIds).toMatchObject({ cmdbId: 'CI-0001', other: 'x-1' });
    expect(updated.headers.etag).toBe('"2"');
    const host = await api.create('/assets', { kind: 'host', name: 'db-01' });
    expect(host).toMatchObject({ category: 'supporting', criticality: 0 });
    expect((await api.del(`/assets/${created.id}`)).statusCode).toBe(204);
    const entries = await auditSince(ctx.store, org.orgId, before);
    expect(entries.map((e) => `${e.action} ${e.target_id}`)).toEqual([
      `asset.created ${created.id}`,
      `asset.updated ${created.id}`,
      `asset.created ${host.id}`,
      `asset.deleted ${created.id}`,
    ]);
    expect(entries[1]!.summary.changed).toEqual(['kind', 'availability', 'otherId']);
  });

  it('rejects a level outside the tenant scale with 422 naming body.confidentiality; a wider scale admits it', async () => {
    const head = await auditHead(ctx.store, org.orgId);
    const counts = await inventoryCounts(ctx.store);
    const outside = await api.post('/assets', { kind: 'information', name: 'Card data', confidentiality: 5 });
    expect(outside.statusCode).toBe(422);
    expect(problem(outside).errors).toEqual([{ path: 'body.confidentiality', message: expect.stringContaining('1–4') }]);
    expect(await inventoryCounts(ctx.store)).toEqual(counts);
    const zero = await api.post('/assets', { kind: 'information', name: 'Card data', integrity: 0 });
    expect(problem(zero).errors?.[0]?.path).toBe('body.integrity');

    const scale = await api.put('/inventory/scale', { levels: ['Public', 'Internal', 'Confidential', 'Secret', 'Top secret'].map((name) => ({ name })) });
    expect(scale.statusCode).toBe(200);
    expect(scale.json().levels[4]).toEqual({ value: 5, name: 'Top secret' });
    const card = await api.create('/assets', { kind: 'information', name: 'Card data', confidentiality: 5 });
    expect(card.criticality).toBe(5);
    const shrink = await api.put('/inventory/scale', { levels: [{ name: 'Low' }, { name: 'Medium' }, { name: 'High' }] });
    expect(shrink.statusCode).toBe(422);
    expect(problem(shrink).errors?.[0]?.path).toBe('body.levels');
    expect((await api.get('/inventory/scale')).json().levels).toHaveLength(5);
    const changes = await auditSince(ctx.store, org.orgId, head);
    expect(changes.map((e) => e.action)).toEqual(['inventory.scale-changed', 'asset.created']);
  });

  it('validates: unknown field → 400 naming it, wrong type → 400, unknown operator → 422, taken external id → 409', async () => {
    const unknown = await api.post('/assets', { kind: 'host', name: 'h', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(problem(unknown).errors?.map((e) => e.path)).toEqual(['body.colour']);
    const wrongType = await api.post('/assets', { kind: 'host', name: 'h', rtoMinutes: 'soon' });
    expect(wrongType.statusCode).toBe(400);
    expect(problem(wrongType).errors?.map((e) => e.path)).toEqual(['body.rtoMinutes']);
    const badKind = await api.post('/assets', { kind: 'spaceship', name: 'h' });
    expect(problem(badKind).errors?.[0]?.path).toBe('body.kind');
    const operator = await api.post('/assets', { kind: 'host', name: 'h', operatorId: '0190a0a0-0000-7000-8000-000000000000' });
    expect(operator.statusCode).toBe(422);
    expect(problem(operator).errors?.[0]).toMatchObject({ path: 'body.operatorId', message: expect.stringContaining('0190a0a0-0000-7000-8000-000000000000') });
    await api.create('/assets', { kind: 'software', name: 'lodash', externalIds: { purl: 'pkg:npm/lodash@4.17.21' } });
    const taken = await api.post('/assets', { kind: 'software', name: 'lodash copy', externalIds: { purl: 'pkg:npm/lodash@4.17.21' } });
    expect(taken.statusCode).toBe(409);
    expect(problem(taken).errors?.[0]?.path).toBe('body.externalIds.purl');
  });

  it('guards concurrent edits: a stale If-Match or version gets 409 VERSION_CONFLICT and changes nothing', async () => {
    const asset = await api.create('/assets', { kind: 'host', name: 'web-01' });
    const first = await api.patch(`/assets/${asset.id}`, { location: 'Paris' }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    const stale = await api.patch(`/assets/${asset.id}`, { location: 'Lyon' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    const staleBody = await api.patch(`/assets/${asset.id}`, { location: 'Lyon', version: 1 });
    expect(problem(staleBody).code).toBe('VERSION_CONFLICT');
    const detail = (await api.get(`/assets/${asset.id}`)).json();
    expect(detail).toMatchObject({ location: 'Paris', version: 2 });

    const racers = await Promise.all([
      api.patch(`/assets/${asset.id}`, { owner: 'Ana', version: 2 }),
      api.patch(`/assets/${asset.id}`, { owner: 'Ben', version: 2 }),
    ]);
    expect(racers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = racers.find((r) => r.statusCode === 200)!.json();
    expect((await api.get(`/assets/${asset.id}`)).json()).toMatchObject({ owner: winner.owner, version: 3 });
  });
});

describe('dependencies', () => {
  it('links assets and external organizations, shows both directions, and rejects self-loops and duplicates', async () => {
    const shop = await api.create('/assets', { kind: 'business-process', name: 'Online shop' });
    const app = await api.create('/assets', { kind: 'software', name: 'Shop app' });
    const cloud = await api.create('/external-organizations', { name: 'Stratus Hosting', relationshipTypes: ['cloud-provider'] });
    const edge = await api.create('/dependencies', { sourceId: shop.id, targetId: app.id, type: 'depends-on', description: 'storefront' });
    expect(edge).toMatchObject({ type: 'depends-on', source: { id: shop.id, kind: 'business-process' }, target: { id: app.id, name: 'Shop app', kind: 'software' } });
    const toCloud = await api.create(`/assets/${app.id}/dependencies`, { targetId: cloud.id, type: 'provided-by' });
    expect(toCloud.target).toEqual({ id: cloud.id, name: 'Stratus Hosting', kind: 'organization' });
    // A cycle is fine.
    await api.create('/dependencies', { sourceId: app.id, targetId: shop.id, type: 'connects-to' });

    const detail = (await api.get(`/assets/${app.id}`)).json();
    expect(detail.dependents.map((l: { node: { name: string } }) => l.node.name)).toEqual(['Online shop']);
    expect(detail.dependsOn.map((l: { type: string; node: { name: string } }) => `${l.type} ${l.node.name}`)).toEqual(['connects-to Online shop', 'provided-by Stratus Hosting']);
    expect(detail).toMatchObject({ dependsOnCount: 2, dependentsCount: 1 });

    const self = await api.post('/dependencies', { sourceId: shop.id, targetId: shop.id, type: 'depends-on' });
    expect(self.statusCode).toBe(422);
    expect(problem(self).errors?.[0]?.path).toBe('body.targetId');
    const duplicate = await api.post('/dependencies', { sourceId: shop.id, targetId: app.id, type: 'depends-on' });
    expect(duplicate.statusCode).toBe(409);
    const otherType = await api.post('/dependencies', { sourceId: shop.id, targetId: app.id, type: 'processes' });
    expect(otherType.statusCode).toBe(201);
    const retype = await api.patch(`/dependencies/${otherType.json().id}`, { type: 'depends-on' });
    expect(retype.statusCode).toBe(409);
    const ghost = '0190a0a0-0000-7000-8000-00000000beef';
    const unknown = await api.post('/dependencies', { sourceId: shop.id, targetId: ghost, type: 'depends-on' });
    expect(unknown.statusCode).toBe(422);
    expect(problem(unknown).errors).toEqual([{ path: 'body.targetId', message: `no asset or external organization ${ghost}` }]);
    const unknownSource = await api.post('/dependencies', { sourceId: ghost, targetId: shop.id, type: 'depends-on' });
    expect(problem(unknownSource).errors?.[0]?.path).toBe('body.sourceId');
    const orgAsSource = await api.post('/dependencies', { sourceId: cloud.id, targetId: shop.id, type: 'depends-on' });
    expect(problem(orgAsSource).errors?.[0]?.path).toBe('body.sourceId');
    expect((await api.post(`/assets/${ghost}/dependencies`, { targetId: shop.id, type: 'depends-on' })).statusCode).toBe(404);

    const head = await auditHead(ctx.store, org.orgId);
    const described = await api.patch(`/dependencies/${edge.id}`, { description: 'storefront and basket' });
    expect(described.json()).toMatchObject({ description: 'storefront and basket', type: 'depends-on' });
    expect((await api.del(`/dependencies/${otherType.json().id}`)).statusCode).toBe(204);
    expect((await api.get(`/dependencies/${otherType.json().id}`)).statusCode).toBe(404);
    expect((await auditSince(ctx.store, org.orgId, head)).map((e) => `${e.action} ${e.target_id}`)).toEqual([
      `dependency.updated ${edge.id}`,
      `dependency.deleted ${otherType.json().id}`,
    ]);
    const created = await auditSince(ctx.store, org.orgId, 0);
    expect(created.filter((e) => e.action === 'dependency.created').map((e) => e.target_id)).toEqual(expect.arrayContaining([edge.id, toCloud.id]));

    const listed = (await api.get(`/dependencies?sourceId=${shop.id}`)).json();
    expect(listed.items).toHaveLength(1);
    expect((await api.get(`/dependencies?targetId=${cloud.id}`)).json().items.map((d: { id: string }) => d.id)).toEqual([toCloud.id]);
  });

  it('refuses to delete a referenced asset or organization (409 with counts) unless cascade=true, auditing each removed edge', async () => {
    const service = await api.create('/assets', { kind: 'business-process', name: 'Payments' });
    const vm = await api.create('/assets', { kind: 'cloud-resource', name: 'pay-vm' });
    const provider = await api.create('/external-organizations', { name: 'Cumulus Compute', relationshipTypes: ['cloud-provider'] });
    const operated = await api.create('/assets', { kind: 'storage', name: 'pay-bucket', operatorId: provider.id });
    await api.create('/dependencies', { sourceId: service.id, targetId: vm.id, type: 'runs-on' });
    await api.create('/dependencies', { sourceId: vm.id, targetId: provider.id, type: 'provided-by' });

    const counts = await inventoryCounts(ctx.store);
    const refused = await api.del(`/assets/${vm.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', dependencies: 2 });
    const refusedOrg = await api.del(`/external-organizations/${provider.id}`);
    expect(refusedOrg.json()).toMatchObject({ dependencies: 1, operatedAssets: 1 });
    expect(await inventoryCounts(ctx.store)).toEqual(counts);

    const before = await auditHead(ctx.store, org.orgId);
    expect((await api.del(`/assets/${vm.id}?cascade=true`)).statusCode).toBe(204);
    const entries = await auditSince(ctx.store, org.orgId, before);
    expect(entries.map((e) => e.action)).toEqual(['dependency.deleted', 'dependency.deleted', 'asset.deleted']);
    expect(entries[2]!.summary).toMatchObject({ name: 'pay-vm', dependenciesDeleted: 2 });
    expect((await api.get(`/assets/${service.id}`)).json().dependsOnCount).toBe(0);

    expect((await api.del(`/external-organizations/${provider.id}?cascade=true`)).statusCode).toBe(204);
    expect((await api.get(`/assets/${operated.id}`)).json()).toMatchObject({ operatorId: null, operator: null, version: 2 });
  });
});

describe('roles', () => {
  it('lets a viewer and an auditor read the inventory but not change it (403, nothing written)', async () => {
    const asset = await api.create('/assets', { kind: 'site', name: 'HQ' });
    for (const role of ['viewer', 'auditor', 'incident-responder'] as const) {
      const reader = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, role)).token);
      expect((await reader.get('/assets')).statusCode).toBe(200);
      expect((await reader.get(`/assets/${asset.id}`)).statusCode).toBe(200);
      expect((await reader.get('/external-organizations')).statusCode).toBe(200);
      expect((await reader.get('/inventory/scale')).statusCode).toBe(200);
      const counts = await inventoryCounts(ctx.store);
      const writes = await Promise.all([
        reader.post('/assets', { kind: 'site', name: 'Annex' }),
        reader.patch(`/assets/${asset.id}`, { name: 'Head office' }),
        reader.del(`/assets/${asset.id}`),
        reader.post('/external-organizations', { name: 'Z', relationshipTypes: ['partner'] }),
        reader.post('/dependencies', { sourceId: asset.id, targetId: asset.id, type: 'depends-on' }),
        reader.put('/inventory/scale', { levels: [{ name: 'a' }, { name: 'b' }] }),
      ]);
      expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
      expect(await inventoryCounts(ctx.store)).toEqual(counts);
    }
  });
});
