import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZCreateAsset } from '../../src/inventory/assets.schema.ts';
import { ZCreateExternalOrganization } from '../../src/inventory/external-orgs.schema.ts';
import { upsertAssets } from '../../src/inventory/assets-batch.ts';
import { createAsset, deleteAsset, updateAsset } from '../../src/inventory/assets.service.ts';
import { createDependency, deleteDependency, updateDependency } from '../../src/inventory/dependencies.service.ts';
import { createExternalOrganization, deleteExternalOrganization, updateExternalOrganization } from '../../src/inventory/external-orgs.service.ts';
import { graphFor, loadGraph } from '../../src/inventory/graph-store.ts';
import { ALL_EDGE_TYPES, edgeTypeName, forEachNeighbor, nodeKindName, type InventoryGraph } from '../../src/inventory/graph/index.ts';
import { seedSupplyChain, type SupplyChain } from '../fixtures/inventory/supply-chain.ts';
import { buildOrg, type OrgFixture } from '../support/test-app.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

/*
 * After a write, graphFor patches the cached graph from the inventory_changes journal instead of reloading.
 * The patched graph must equal a fresh full load, node for node and edge for edge, after every kind of write.
 */
let ts: TestStore;
let org: OrgFixture;
let ids: SupplyChain;

beforeAll(async () => {
  ts = await createTestStore();
  org = await buildOrg(ts.store);
  await seedSupplyChain(ts.store, (await buildOrg(ts.store)).access); // a neighbour whose writes must not leak in
  ids = await seedSupplyChain(ts.store, org.access);
});
afterAll(() => ts.dispose());

/** Every live node with its attributes and every live edge, by id: equal for equal graphs however built. */
function signature(g: InventoryGraph): { nodes: string[]; edges: string[] } {
  const nodes: string[] = [];
  const edges: string[] = [];
  for (let u = 0; u < g.n; u++) {
    if (!g.alive[u]) continue;
    const kind = nodeKindName(g.kind[u]!);
    nodes.push(`${g.ids[u]} ${kind} p${g.isPrimary[u]} ${g.confidentiality[u]}/${g.integrity[u]}/${g.availability[u]} c${g.criticality[u]}`);
    forEachNeighbor(g, u, 'out', ALL_EDGE_TYPES, (v, t) => edges.push(`${g.ids[u]} ${edgeTypeName(t)} ${g.ids[v]}`));
  }
  return { nodes: nodes.sort(), edges: edges.sort() };
}

async function expectPatchedEqualsFullLoad(previous: InventoryGraph): Promise<void> {
  const patched = await graphFor(ts.store, org.orgId);
  expect(patched.graph, 'patched in place, not reloaded').toBe(previous);
  const full = await loadGraph(ts.store, org.orgId);
  expect(patched.version).toBe(full.version);
  expect(signature(patched.graph)).toEqual(signature(full.graph));
}

describe('patching the cached graph from the change journal', () => {
  it('equals a full load after each kind of write', async () => {
    const { graph } = await graphFor(ts.store, org.orgId);
    const writes: [string, () => Promise<unknown>][] = [];
    let extra = '';
    let link = '';
    let supplier = '';
    writes.push(['create an asset', async () => (extra = (await createAsset(ts.store, org.access, ZCreateAsset.parse({ kind: 'host', name: 'host-3', externalIds: { cmdbId: 'h3' } }))).id)]);
    writes.push(['add a dependency to it', async () => (link = (await createDependency(ts.store, org.access, { sourceId: ids.shopApp, targetId: extra, type: 'runs-on' })).id)]);
    writes.push(['change its type', () => updateDependency(ts.store, org.access, link, { type: 'depends-on' })]);
    writes.push(['raise a primary asset’s levels', () => updateAsset(ts.store, org.access, ids.payroll, { confidentiality: 4, availability: 4 }, undefined)]);
    writes.push(['make a primary asset supporting', () => updateAsset(ts.store, org.access, ids.hrData, { kind: 'storage' }, undefined)]);
    writes.push(['add an outside organization', async () => (supplier = (await createExternalOrganization(ts.store, org.access, ZCreateExternalOrganization.parse({ name: 'Hostly', relationshipTypes: ['managed-service-provider'], criticality: 2 }))).id)]);
    writes.push(['let it operate an asset', () => updateAsset(ts.store, org.access, extra, { operatorId: supplier }, undefined)]);
    writes.push(['change its criticality', () => updateExternalOrganization(ts.store, org.access, supplier, { criticality: 4 }, undefined)]);
    writes.push(['remove a dependency', () => deleteDependency(ts.store, org.access, link)]);
    writes.push(['delete an asset with its dependencies', () => deleteAsset(ts.store, org.access, ids.host2, true)]);
    writes.push(['delete an outside organization that operates assets', () => deleteExternalOrganization(ts.store, org.access, ids.nimbus, true)]);
    writes.push([
      'import a batch',
      () =>
        ts.store.db.transaction((tx) =>
          upsertAssets(tx, org.access, [
            { kind: 'host', name: 'host-3 renamed', availability: 3, externalIds: { cmdbId: 'h3' } },
            { kind: 'network', name: 'WAN', externalIds: { cmdbId: 'wan' } },
          ]),
        ),
    ]);
    for (const [what, write] of writes) {
      await write();
      await expect.soft(expectPatchedEqualsFullLoad(graph), what).resolves.toBeUndefined();
    }
  });

  it('reloads in full when the journal no longer reaches back to the cached version', async () => {
    const before = await graphFor(ts.store, org.orgId);
    await updateAsset(ts.store, org.access, ids.lan, { availability: 1 }, undefined);
    await ts.store.query('update inventory_state set journal_from = inventory_version where org_id = $1', [org.orgId]);
    const after = await graphFor(ts.store, org.orgId);
    expect(after.graph).not.toBe(before.graph);
    expect(after.graph.availability[after.graph.index.get(ids.lan)!]).toBe(1);
  });

  it('journals a statement touching more than 10,000 nodes as one reload marker', async () => {
    const before = await graphFor(ts.store, org.orgId);
    const [bumped] = await ts.store.query<{ v: number }>(
      'update inventory_state set inventory_version = inventory_version + 1 where org_id = $1 returning inventory_version::float8 as v',
      [org.orgId],
    );
    const version = bumped!.v;
    expect(version).toBeGreaterThan(before.version);
    await ts.store.query(
      `insert into assets (org_id, id, kind, name, status, tags, version, created_at, updated_at)
       select $1, gen_random_uuid(), 'host', 'bulk-' || i, 'in-use', '{}', 1, now(), now() from generate_series(1, 10001) i`,
      [org.orgId],
    );
    await ts.store.query('update inventory_state set asset_count = asset_count + 10001 where org_id = $1', [org.orgId]);
    const journal = await ts.store.query<{ node_id: string | null }>('select node_id from inventory_changes where org_id = $1 and version = $2', [org.orgId, version]);
    expect(journal).toEqual([{ node_id: null }]);
    const after = await graphFor(ts.store, org.orgId);
    expect(after.graph).not.toBe(before.graph);
    expect(after.graph.n).toBe(before.graph.n + 10001);
  });

  it('keeps other organizations’ writes out of the journal of this one', async () => {
    const neighbour = await buildOrg(ts.store);
    await createAsset(ts.store, neighbour.access, ZCreateAsset.parse({ kind: 'host', name: 'theirs', externalIds: { cmdbId: 'theirs' } }));
    const ours = await ts.store.query<{ n: number }>(
      "select count(*)::int as n from inventory_changes c join assets a on a.id = c.node_id and a.org_id <> c.org_id",
    );
    expect(ours[0]!.n).toBe(0);
  });
});
