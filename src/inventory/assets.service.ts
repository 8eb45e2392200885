import { and, eq, or, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError, notFound } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { assertExternalIdsFree, assertOperator } from './asset-checks.ts';
import { assetColumns, fieldsOfNew, fieldsOfPatch, presentAsset } from './assets-row.ts';
import type { TAsset, TCreateAsset, TUpdateAsset } from './assets.schema.ts';
import { cascadeDeleteAsset } from './cascade.ts';
import { adjustAssetCount, beginInventoryWrite } from './inventory-state.ts';
import { assets, dependencies } from './inventory.table.ts';
import { assertLevels } from './scale.ts';
import { assertVersion, auditChange, changedFields } from './write-kit.ts';
import { assertNotNamedByScenarios } from '../risk/scenario-usage.ts';
import { unlinkAssetFromVulnerabilities } from '../risk/vulnerabilities.service.ts';

const byId = (orgId: string, id: string) => and(eq(assets.orgId, orgId), eq(assets.id, id));

export async function createAsset(store: Store, access: OrgAccess, input: TCreateAsset): Promise<TAsset> {
  return store.db.transaction(async (tx) => {
    const { scale } = await beginInventoryWrite(tx, access.orgId);
    assertLevels(scale, input);
    const fields = fieldsOfNew(input);
    await assertOperator(tx, access.orgId, fields.operatorId, 'body.operatorId');
    await assertExternalIdsFree(tx, access.orgId, fields, null, 'body.externalIds');
    const now = new Date();
    const [row] = await tx
      .insert(assets)
      .values({ orgId: access.orgId, id: newId(), ...fields, version: 1, createdAt: now, updatedAt: now })
      .returning(assetColumns);
    await adjustAssetCount(tx, access.orgId, 1);
    await auditChange(tx, access, {
      action: 'asset.created',
      targetType: 'asset',
      targetId: row!.id,
      after: row,
      summary: { name: row!.name, kind: row!.kind },
    });
    return presentAsset(row!);
  });
}

/**
 * Changes an asset. With `expectedVersion` (If-Match or body.version) the change only applies to that
 * version: a concurrent edit that got there first makes it fail with 409 VERSION_CONFLICT.
 */
export async function updateAsset(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateAsset, 'version'>,
  expectedVersion: number | undefined,
): Promise<TAsset> {
  return store.db.transaction(async (tx) => {
    const { scale } = await beginInventoryWrite(tx, access.orgId);
    const [current] = await tx.select(assetColumns).from(assets).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Asset');
    assertVersion('asset', current.version, expectedVersion);
    assertLevels(scale, patch);
    const fields = fieldsOfPatch(patch);
    const changed = changedFields(current, fields);
    if (changed.length === 0) return presentAsset(current);
    if (changed.includes('operatorId')) await assertOperator(tx, access.orgId, fields.operatorId, 'body.operatorId');
    await assertExternalIdsFree(tx, access.orgId, fields, id, 'body.externalIds');
    const [row] = await tx
      .update(assets)
      .set({ ...fields, version: current.version + 1, updatedAt: new Date() })
      .where(byId(access.orgId, id))
      .returning(assetColumns);
    await auditChange(tx, access, {
      action: 'asset.updated',
      targetType: 'asset',
      targetId: id,
      before: current,
      after: row,
      summary: { name: row!.name, changed },
    });
    return presentAsset(row!);
  });
}

/**
 * Deletes an asset. While dependencies start or end at it the deletion is refused (409 with their count)
 * unless `cascade`, which deletes them too, each audited.
 */
export async function deleteAsset(store: Store, access: OrgAccess, id: string, cascade: boolean): Promise<void> {
  await store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const [current] = await tx.select(assetColumns).from(assets).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Asset');
    const [edges] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(dependencies)
      .where(and(eq(dependencies.orgId, access.orgId), or(eq(dependencies.sourceId, id), eq(dependencies.targetAssetId, id))));
    const count = edges?.n ?? 0;
    if (count > 0 && !cascade) {
      throw new AppError('CONFLICT', `${current.name} has ${count} dependencies; delete with cascade=true to remove them too`, {
        extra: { dependencies: count },
      });
    }
    // A risk scenario is a decision on record: never removed with the asset, even with cascade; the user
    // takes the asset out of the scenarios first. A vulnerability's affected-asset link is only a fact, so it goes.
    await assertNotNamedByScenarios(tx, access.orgId, id, `asset ${current.name}`);
    const cascaded = count > 0 ? await cascadeDeleteAsset(tx, access, id) : { dependenciesDeleted: 0 };
    const vulnerabilityLinksRemoved = await unlinkAssetFromVulnerabilities(tx, access.orgId, id);
    await tx.delete(assets).where(byId(access.orgId, id));
    await adjustAssetCount(tx, access.orgId, -1);
    await auditChange(tx, access, {
      action: 'asset.deleted',
      targetType: 'asset',
      targetId: id,
      before: current,
      summary: { name: current.name, ...cascaded, ...(vulnerabilityLinksRemoved > 0 ? { vulnerabilityLinksRemoved } : {}) },
    });
  });
}
