import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFor, loadGraph } from '../../src/inventory/graph-store.ts';
import { edgeCount, forEachNeighbor, nodeKindName, edgeTypeName, ALL_EDGE_TYPES } from '../../src/inventory/graph/index.ts';
import { upsertAssets } from '../../src/inventory/assets-batch.ts';
import { updateAsset } from '../../src/inventory/assets.service.ts';
import { openPostgresStore } from '../../src/platform/db/store.ts';
import { buildOrg, type OrgFixture } from '../support/test-app.ts';
import { createTestStore, TEST_STORE_KIND, type TestStore } from '../support/test-store.ts';
import { seedSupplyChain, type SupplyChain } from '../fixtures/inventory/supply-chain.ts';

let ts: TestStore;
let org: OrgFixture;
let ids: SupplyChain;

beforeAll(async () => {
  ts = await createTestStore();
  org = await buildOrg(ts.store);
  await seedSupplyChain(ts.store, (await buildOrg(ts.store)).access); // a neighbour whose rows must not load
  ids = await seedSupplyChain(ts.store, org.access);
});
afterAll(() => ts.dispose());

describe('loading the inventory graph', () => {
  it('holds exactly the organization’s assets, external organizations and dependencies, plus operator edges', async () => {
    const { graph, version } = await loadGraph(ts.store, org.orgId);
    const stored = await ts.store.query<{ source_id: string; target: string; type: string }>(
      `select source_id, coalesce(target_asset_id, target_org_id) as target, type from dependencies where org_id = $1
       union all select id, operator_id, 'provided-by' from assets where org_id = $1 and operator_id is not null`,
      [org.orgId],
    );
    expect(graph.n).toBe(13 + 3);
    expect(edgeCount(graph)).toBe(stored.length);
    expect(stored.length).toBe(17 + 1);
    const loaded: string[] = [];
    for (let u = 0; u < graph.n; u++) {
      forEachNeighbor(graph, u, 'out', ALL_EDGE_TYPES, (v, type) => loaded.push(`${graph.ids[u]} ${graph.ids[v]} ${edgeTypeName(type).replace('_', '-')}`));
    }
    expect(loaded.sort()).toEqual(stored.map((e) => `${e.source_id} ${e.target} ${e.type}`).sort());
    const [state] = await ts.store.query<{ v: number }>('select inventory_version::float8 as v from inventory_state where org_id = $1', [org.orgId]);
    expect(version).toBe(state!.v);
  });

  it('carries kinds, the primary flag, C/I/A and criticality into the typed arrays', async () => {
    const { graph } = await loadGraph(ts.store, org.orgId);
    const at = (id: string) => graph.index.get(id)!;
    expect(nodeKindName(graph.kind[at(ids.shop)]!)).toBe('business_process');
    expect(nodeKindName(graph.kind[at(ids.vmHr)]!)).toBe('cloud_resource');
    expect(nodeKindName(graph.kind[at(ids.nimbus)]!)).toBe('organization');
    expect([graph.isPrimary[at(ids.card)], graph.isPrimary[at(ids.shopApp)], graph.isPrimary[at(ids.nimbus)]]).toEqual([1, 0, 0]);
    expect([graph.confidentiality[at(ids.card)], graph.integrity[at(ids.card)], graph.availability[at(ids.card)], graph.criticality[at(ids.card)]]).toEqual([4, 4, 2, 4]);
    expect([graph.availability[at(ids.lan)], graph.confidentiality[at(ids.lan)]]).toEqual([3, 0]);
    expect(graph.criticality[at(ids.nimbus)]).toBe(4);
  });
});

describe('the graph cache', () => {
  it('reuses the loaded graph while the inventory version stands, and reloads once it moves', async () => {
    const first = await graphFor(ts.store, org.orgId);
    const [again, concurrent] = await Promise.all([graphFor(ts.store, org.orgId), graphFor(ts.store, org.orgId)]);
    expect(again).toBe(first);
    expect(concurrent).toBe(first);
    await updateAsset(ts.store, org.access, ids.lan, { availability: 4 }, undefined);
    const [a, b] = await Promise.all([graphFor(ts.store, org.orgId), graphFor(ts.store, org.orgId)]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(a.version).toBeGreaterThan(first.version);
    expect(a.graph.availability[a.graph.index.get(ids.lan)!]).toBe(4);
  });

  it('moves the version in the same transaction as the write, so a rolled-back write leaves the cache valid', async () => {
    const before = await graphFor(ts.store, org.orgId);
    await ts.store.db
      .transaction(async (tx) => {
        await upsertAssets(tx, org.access, [{ kind: 'host', name: 'ghost', externalIds: { cmdbId: 'rolled-back' } }]);
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await graphFor(ts.store, org.orgId)).toBe(before);
  });

  it.runIf(TEST_STORE_KIND === 'postgres')('sees a write made by another process on the same database', async () => {
    const before = await graphFor(ts.store, org.orgId);
    const nodesBefore = before.graph.index.size;
    const otherProcess = openPostgresStore(ts.url!, { poolSize: 2 });
    let added = '';
    try {
      const result = await otherProcess.db.transaction((tx) => upsertAssets(tx, org.access, [{ kind: 'host', name: 'elsewhere', externalIds: { cmdbId: 'other-process' } }]));
      added = result.ids[0]!;
    } finally {
      await otherProcess.close();
    }
    const after = await graphFor(ts.store, org.orgId);
    expect(after.graph.index.size).toBe(nodesBefore + 1);
    expect(after.graph.index.has(added)).toBe(true);
  });
});
