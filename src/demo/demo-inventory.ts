import fs from 'node:fs';
import path from 'node:path';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../inventory/sql-rows.ts';
import { upsertAssets } from '../inventory/assets-batch.ts';
import { upsertDependencies } from '../inventory/dependencies-batch.ts';
import { upsertExternalOrganizations } from '../inventory/external-orgs-batch.ts';
import { importInTransaction } from '../inventory/imports/import.service.ts';
import type { DependencyType } from '../inventory/vocabulary.ts';
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
 * Applications whose components come from their CycloneDX SBOMs (src/demo/sboms), imported through the same
 * import service as a user's upload, and linked into the estate: who relies on them, where they run, what
 * data they use (by the estate's keys).
 */
export const DEMO_SBOMS: { file: string; rootPurl: string; links: [from: string, to: string, type: DependencyType][] }[] = [
  { file: 'loyalty-web.cdx.json', rootPurl: 'pkg:npm/loyalty-web@2.4.0', links: [['svc-marketing', 'ROOT', 'depends-on'], ['ROOT', 'cloud-k8s', 'runs-on']] },
  {
    file: 'invoice-service.cdx.json',
    rootPurl: 'pkg:maven/com.demo/invoice-service@1.12.3?type=jar',
    links: [['svc-finance', 'ROOT', 'depends-on'], ['ROOT', 'cloud-k8s', 'runs-on'], ['ROOT', 'st-ledger', 'depends-on']],
  },
  {
    file: 'churn-model-nightly.cdx.json',
    rootPurl: 'pkg:pypi/churn-model-nightly@0.9.0',
    links: [['svc-analytics', 'ROOT', 'depends-on'], ['ROOT', 'cloud-k8s', 'runs-on'], ['ROOT', 'st-warehouse', 'depends-on']],
  },
];

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
    let sbomAssets = 0;
    let sbomEdges = 0;
    for (const sbom of DEMO_SBOMS) {
      const content = fs.readFileSync(path.join(import.meta.dirname, 'sboms', sbom.file), 'utf8');
      const imported = await importInTransaction(tx, access, { format: 'cyclonedx', content }, { skipInvalid: false });
      const [root] = await rowsOf<{ id: string }>(tx, sql`select id from assets where org_id = ${access.orgId} and purl = ${sbom.rootPurl}`);
      const idOf = (key: string): string => (key === 'ROOT' ? root!.id : ids.get(key)!);
      const links = await upsertDependencies(tx, access, sbom.links.map(([from, to, type]) => ({ sourceId: idOf(from), targetId: idOf(to), type })), { source: 'demo' });
      sbomAssets += imported.assets.created;
      sbomEdges += imported.dependencies.created + links.created;
    }
    return { organizations: orgs.ids.length, assets: assets.ids.length + sbomAssets, dependencies: edges.ids.length + sbomEdges };
  });
}
