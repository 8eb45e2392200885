import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { assets, dependencies } from './inventory.table.ts';
import { auditChange } from './write-kit.ts';

const d = dependencies;

/** Deletes the organization's dependencies matching `where`, one audit entry each; returns how many. */
export async function deleteDependenciesWhere(tx: Queryable, access: OrgAccess, where: SQL, cause: Record<string, unknown>): Promise<number> {
  const removed = await tx
    .delete(d)
    .where(and(eq(d.orgId, access.orgId), where))
    .returning();
  for (const edge of removed) {
    await auditChange(tx, access, {
      action: 'dependency.deleted',
      targetType: 'dependency',
      targetId: edge.id,
      before: edge,
      summary: { sourceId: edge.sourceId, targetId: edge.targetAssetId ?? edge.targetOrgId, type: edge.type, ...cause },
    });
  }
  return removed.length;
}

/** Removes every dependency from or to the asset (the caller deletes the asset). */
export async function cascadeDeleteAsset(tx: Queryable, access: OrgAccess, assetId: string): Promise<{ dependenciesDeleted: number }> {
  const dependenciesDeleted = await deleteDependenciesWhere(tx, access, or(eq(d.sourceId, assetId), eq(d.targetAssetId, assetId))!, { cascadeOf: assetId });
  return { dependenciesDeleted };
}

/**
 * Removes the dependencies that point at an external organization and makes the assets it operated the
 * tenant's own (operator null), each change audited.
 */
export async function cascadeDeleteOrganization(
  tx: Queryable,
  access: OrgAccess,
  organizationId: string,
): Promise<{ dependenciesDeleted: number; assetsDetached: number }> {
  const dependenciesDeleted = await deleteDependenciesWhere(tx, access, eq(d.targetOrgId, organizationId), { cascadeOf: organizationId });
  const detached = await tx
    .update(assets)
    .set({ operatorId: null, version: sql`${assets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assets.orgId, access.orgId), eq(assets.operatorId, organizationId)))
    .returning({ id: assets.id, name: assets.name, version: assets.version });
  for (const asset of detached) {
    await auditChange(tx, access, {
      action: 'asset.updated',
      targetType: 'asset',
      targetId: asset.id,
      before: { operatorId: organizationId },
      after: { operatorId: null, version: asset.version },
      summary: { name: asset.name, changed: ['operatorId'], cascadeOf: organizationId },
    });
  }
  return { dependenciesDeleted, assetsDetached: detached.length };
}
