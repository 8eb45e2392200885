import type { OrgAccess } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/store.ts';
import { upsertAssets, type AssetUpsert, type UpsertResult } from '../assets-batch.ts';
import { BATCH_CHUNK } from '../batch-sql.ts';
import { upsertDependencies } from '../dependencies-batch.ts';
import { upsertExternalOrganizations } from '../external-orgs-batch.ts';
import type { ImportPlan, NodeRef } from './import-plan.ts';

export interface WrittenCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const add = (into: WrittenCounts, result: UpsertResult): void => {
  into.created += result.created;
  into.updated += result.updated;
  into.unchanged += result.unchanged;
};
const none = (): WrittenCounts => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Writes a plan through the batch upserts, inside the caller's transaction: organizations, then assets (so
 * operators resolve), then dependencies, in chunks with a progress report after each.
 */
export async function writeImportPlan(
  tx: Queryable,
  access: OrgAccess,
  plan: ImportPlan,
  progress: (done: number, total: number) => Promise<void>,
): Promise<{ assets: WrittenCounts; dependencies: WrittenCounts; externalOrganizations: WrittenCounts }> {
  const total = plan.organizations.length + plan.assets.length + plan.dependencies.length;
  let done = 0;
  const result = { assets: none(), dependencies: none(), externalOrganizations: none() };
  const options = { source: 'import' };

  const orgIds: string[] = [];
  if (plan.organizations.length > 0) {
    const written = await upsertExternalOrganizations(tx, access, plan.organizations.map((o) => o.item), options);
    add(result.externalOrganizations, written);
    orgIds.push(...written.ids);
    done += plan.organizations.length;
    await progress(done, total);
  }
  const assetIds: string[] = [];
  const idOf = (ref: NodeRef): string => ('id' in ref ? ref.id : 'asset' in ref ? assetIds[ref.asset]! : orgIds[ref.organization]!);
  for (let first = 0; first < plan.assets.length; first += BATCH_CHUNK) {
    const items = plan.assets.slice(first, first + BATCH_CHUNK).map(
      (asset): AssetUpsert => ({ ...asset.item, ...(asset.operator === undefined ? {} : { operatorId: asset.operator === null ? null : idOf(asset.operator) }) }),
    );
    const written = await upsertAssets(tx, access, items, options);
    add(result.assets, written);
    assetIds.push(...written.ids);
    done += items.length;
    await progress(done, total);
  }
  for (let first = 0; first < plan.dependencies.length; first += BATCH_CHUNK) {
    const items = plan.dependencies.slice(first, first + BATCH_CHUNK).map((edge) => ({ sourceId: idOf(edge.source), targetId: idOf(edge.target), type: edge.type, description: edge.description }));
    const written = await upsertDependencies(tx, access, items, options);
    add(result.dependencies, written);
    done += items.length;
    await progress(done, total);
  }
  return result;
}
