import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { upsertAssets } from '../inventory/assets-batch.ts';
import { upsertDependencies } from '../inventory/dependencies-batch.ts';
import { upsertExternalOrganizations } from '../inventory/external-orgs-batch.ts';
import { addOrganizations, addPrimaryAssets } from './demo-estate-business.ts';
import { EstateBuilder, seededRandom } from './demo-estate-builder.ts';
import { addInfrastructure } from './demo-estate-infra.ts';
import { addSoftware } from './demo-estate-software.ts';

/** Demo Corp's estate, the same on every start (seeded). */
export function buildDemoEstate(seed = 2024): EstateBuilder {
  const random = seededRandom(seed);
  const b = new EstateBuilder();
  addOrganizations(b);
  addPrimaryAssets(b);
  const hosts = addInfrastructure(b, random);
  addSoftware(b, hosts, random);
  return b;
}

/**
 * Seeds the demo inventory through the batch services, in one transaction (so it is audited, and either
 * all there or not at all): outside organizations, ~200 assets and ~400 dependencies with cycles.
 */
export async function seedDemoInventory(store: Store, access: OrgAccess): Promise<{ organizations: number; assets: number; dependencies: number }> {
  const estate = buildDemoEstate();
  return store.db.transaction(async (tx) => {
    const orgKeys = [...estate.organizations.keys()];
    const orgs = await upsertExternalOrganizations(tx, access, [...estate.organizations.values()], { source: 'demo' });
    const ids = new Map(orgKeys.map((key, i) => [key, orgs.ids[i]!]));
    const assets = await upsertAssets(tx, access, estate.assetItems(ids), { source: 'demo' });
    [...estate.assets.keys()].forEach((key, i) => ids.set(key, assets.ids[i]!));
    const edges = await upsertDependencies(tx, access, estate.edgeItems(ids), { source: 'demo' });
    return { organizations: orgs.ids.length, assets: assets.ids.length, dependencies: edges.ids.length };
  });
}
