import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAssets, type AssetUpsert } from '../../src/inventory/assets-batch.ts';
import { upsertDependencies } from '../../src/inventory/dependencies-batch.ts';
import { upsertExternalOrganizations } from '../../src/inventory/external-orgs-batch.ts';
import { AppError } from '../../src/platform/errors/catalogue.ts';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { buildOrg, type OrgFixture } from '../support/test-app.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';
import { auditHead, auditSince } from '../fixtures/inventory/client.ts';

let ts: TestStore;
let org: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  ts = await createTestStore();
  org = await buildOrg(ts.store);
  other = await buildOrg(ts.store);
});
afterAll(() => ts.dispose());

const inTx = <T>(work: Parameters<TestStore['store']['db']['transaction']>[0] extends (tx: infer Tx) => Promise<unknown> ? (tx: Tx) => Promise<T> : never) =>
  ts.store.db.transaction(work);

const hosts = (n: number, extra: Partial<AssetUpsert> = {}): AssetUpsert[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'host', name: `host-${i}`, externalIds: { cmdbId: `H-${i}` }, ...extra }));

async function counts(orgId: string): Promise<{ assets: number; counted: number; edges: number }> {
  const [row] = await ts.store.query<{ assets: number; counted: number; edges: number }>(
    `select (select count(*)::int from assets where org_id = $1) as assets,
            (select asset_count from inventory_state where org_id = $1) as counted,
            (select count(*)::int from dependencies where org_id = $1) as edges`,
    [orgId],
  );
  return row!;
}

async function unprocessablePaths(work: Promise<unknown>): Promise<string[]> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('UNPROCESSABLE');
  return (error as AppError).errors!.map((e) => e.path);
}

describe('upsertAssets', () => {
  it('creates, then recognises the same batch by external id and changes nothing the second time', async () => {
    const head = await auditHead(ts.store, org.orgId);
    const first = await inTx((tx) => upsertAssets(tx, org.access, hosts(250), { source: 'test' }));
    expect(first).toMatchObject({ created: 250, updated: 0, unchanged: 0 });
    const again = await inTx((tx) => upsertAssets(tx, org.access, hosts(250)));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 250 });
    expect(again.ids).toEqual(first.ids);
    const entries = await auditSince(ts.store, org.orgId, head);
    expect(entries.map((e) => e.action)).toEqual(['asset.batch-upserted']);
    expect(entries[0]!.summary).toEqual({ created: 250, updated: 0, unchanged: 0, source: 'test' });
    expect(await counts(org.orgId)).toMatchObject({ assets: 250, counted: 250 });
  });

  it('updates only what changed, bumps versions, and matches on any external id', async () => {
    const batch = hosts(3).map((item, i) => (i === 1 ? { ...item, location: 'Paris', externalIds: { other: 'inv-1', cmdbId: 'H-1' } } : item));
    const result = await inTx((tx) => upsertAssets(tx, org.access, batch));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const byOther = await inTx((tx) => upsertAssets(tx, org.access, [{ kind: 'host', name: 'host-1', externalIds: { other: 'inv-1' }, status: 'retired' }]));
    expect(byOther).toMatchObject({ updated: 1, ids: [result.ids[1]] });
    const [row] = await ts.store.query<{ version: number; location: string; status: string; cmdb_id: string }>('select version, location, status, cmdb_id from assets where id = $1', [result.ids[1]]);
    expect(row).toEqual({ version: 3, location: 'Paris', status: 'retired', cmdb_id: 'H-1' });
  });

  it('refuses a bad batch as a whole, naming every bad item, and writes nothing', async () => {
    const before = await counts(org.orgId);
    const paths = await unprocessablePaths(
      inTx((tx) =>
        upsertAssets(tx, org.access, [
          { kind: 'information', name: 'ok', externalIds: { cmdbId: 'N-1' } },
          { kind: 'information', name: 'too high', confidentiality: 9, externalIds: { cmdbId: 'N-2' } },
          { kind: 'host', name: 'no key', externalIds: {} },
          { kind: 'host', name: 'twice', externalIds: { cmdbId: 'N-1' } },
          { kind: 'host', name: 'foreign operator', operatorId: '0190a0a0-0000-7000-8000-000000000001', externalIds: { cmdbId: 'N-5' } },
          { kind: 'host', name: 'two matches', externalIds: { cmdbId: 'H-5', other: 'inv-1' } },
        ]),
      ),
    );
    expect(paths).toEqual(['items.1.confidentiality', 'items.2.externalIds', 'items.3.externalIds.cmdbId', 'items.4.operatorId', 'items.5.externalIds']);
    expect(await counts(org.orgId)).toEqual(before);
  });

  it('is all-or-nothing with the rest of an import: a later failure in the transaction rolls the assets back', async () => {
    const before = await counts(org.orgId);
    const failing = inTx(async (tx) => {
      const created = await upsertAssets(tx, org.access, hosts(5, { kind: 'software' }).map((h, i) => ({ ...h, externalIds: { purl: `pkg:generic/x${i}` } })));
      await upsertDependencies(tx, org.access, [{ sourceId: created.ids[0]!, targetId: created.ids[0]!, type: 'depends-on' }]);
    });
    expect(await unprocessablePaths(failing)).toEqual(['items.0.targetId']);
    expect(await counts(org.orgId)).toEqual(before);
    expect((await verifyOrgChain(ts.store, org.orgId)).ok).toBe(true);
  });
});

describe('upsertDependencies and upsertExternalOrganizations', () => {
  it('keys edges on (source, target, type), updates descriptions, and counts a repeated edge once', async () => {
    const [cloud] = (await inTx((tx) => upsertExternalOrganizations(tx, org.access, [{ name: 'Nimbus Cloud', relationshipTypes: ['cloud-provider'], externalId: 'S-1' }]))).ids;
    const { ids } = await inTx((tx) => upsertAssets(tx, org.access, hosts(3)));
    const edges = [
      { sourceId: ids[0]!, targetId: ids[1]!, type: 'runs-on' as const },
      { sourceId: ids[0]!, targetId: ids[1]!, type: 'connects-to' as const },
      { sourceId: ids[1]!, targetId: cloud!, type: 'provided-by' as const, description: 'IaaS' },
      { sourceId: ids[0]!, targetId: ids[1]!, type: 'runs-on' as const },
    ];
    const first = await inTx((tx) => upsertDependencies(tx, org.access, edges));
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 1 });
    expect(first.ids[3]).toBe(first.ids[0]);
    const second = await inTx((tx) => upsertDependencies(tx, org.access, edges.map((e, i) => (i === 2 ? { ...e, description: 'IaaS, eu-west' } : e))));
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect(await ts.store.query('select description from dependencies where id = $1', [first.ids[2]])).toEqual([{ description: 'IaaS, eu-west' }]);

    // Matched by external id first (a rename), else by name, case-insensitively.
    const renamed = await inTx((tx) => upsertExternalOrganizations(tx, org.access, [{ name: 'Nimbus', relationshipTypes: ['cloud-provider'], externalId: 'S-1' }]));
    expect(renamed).toMatchObject({ created: 0, updated: 1, ids: [cloud] });
    const byName = await inTx((tx) => upsertExternalOrganizations(tx, org.access, [{ name: 'NIMBUS', relationshipTypes: ['cloud-provider'] }]));
    expect(byName).toMatchObject({ created: 0, updated: 1, ids: [cloud] });
    const same = await inTx((tx) => upsertExternalOrganizations(tx, org.access, [{ name: 'nimbus', relationshipTypes: ['cloud-provider'], criticality: 2 }]));
    expect(same).toMatchObject({ created: 0, updated: 1, ids: [cloud] });
    expect(await inTx((tx) => upsertExternalOrganizations(tx, org.access, [{ name: 'nimbus', relationshipTypes: ['cloud-provider'] }]))).toMatchObject({ unchanged: 1 });
  });

  it('treats another tenant’s ids as unknown', async () => {
    const theirs = await inTx((tx) => upsertAssets(tx, other.access, hosts(1)));
    const mine = await inTx((tx) => upsertAssets(tx, org.access, hosts(1)));
    const paths = await unprocessablePaths(
      inTx((tx) =>
        upsertDependencies(tx, org.access, [
          { sourceId: mine.ids[0]!, targetId: theirs.ids[0]!, type: 'depends-on' },
          { sourceId: theirs.ids[0]!, targetId: mine.ids[0]!, type: 'depends-on' },
        ]),
      ),
    );
    expect(paths).toEqual(['items.0.targetId', 'items.1.sourceId']);
  });
});
