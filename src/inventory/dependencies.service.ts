import { and, eq, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { deleteDependenciesWhere } from './cascade.ts';
import { resolveNodes } from './dependency-nodes.ts';
import type { TCreateDependency, TDependency, TUpdateDependency } from './dependencies.schema.ts';
import { getDependency } from './dependencies.read.ts';
import { beginInventoryWrite } from './inventory-state.ts';
import { dependencies } from './inventory.table.ts';
import { auditChange } from './write-kit.ts';

const d = dependencies;
type DependencyRow = typeof dependencies.$inferSelect;

/** Where the caller named the source: in the body, or in the path (…/assets/{id}/dependencies, then 404). */
export type SourceIn = 'body' | 'path';

async function assertNoDuplicate(tx: Queryable, orgId: string, edge: Pick<DependencyRow, 'sourceId' | 'targetAssetId' | 'targetOrgId' | 'type'>, exceptId: string | null): Promise<void> {
  const target = edge.targetAssetId ? eq(d.targetAssetId, edge.targetAssetId) : eq(d.targetOrgId, edge.targetOrgId!);
  const [same] = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.orgId, orgId), eq(d.sourceId, edge.sourceId), target, eq(d.type, edge.type), exceptId ? sql`${d.id} <> ${exceptId}` : undefined));
  if (same) throw conflict(`The dependency already exists (${same.id})`, 'body.type');
}

/**
 * Adds a typed edge source → target. The source must be an asset of the tenant and the target an asset or
 * an external organization of the tenant: any other id (another tenant's included) → 422 naming the field.
 */
export async function createDependency(store: Store, access: OrgAccess, input: TCreateDependency, sourceIn: SourceIn = 'body'): Promise<TDependency> {
  return store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const nodes = await resolveNodes(tx, access.orgId, [input.sourceId, input.targetId]);
    const source = nodes.get(input.sourceId);
    if (!source || source.isOrganization) {
      if (sourceIn === 'path') throw notFound('Asset');
      throw unprocessable(`No asset ${input.sourceId}`, [{ path: 'body.sourceId', message: `no asset ${input.sourceId}` }]);
    }
    if (input.sourceId === input.targetId) {
      throw unprocessable('An asset cannot depend on itself', [{ path: 'body.targetId', message: 'same as the source' }]);
    }
    const target = nodes.get(input.targetId);
    if (!target) {
      throw unprocessable(`No asset or external organization ${input.targetId}`, [
        { path: 'body.targetId', message: `no asset or external organization ${input.targetId}` },
      ]);
    }
    const now = new Date();
    const row: DependencyRow = {
      orgId: access.orgId,
      id: newId(),
      sourceId: source.id,
      targetAssetId: target.isOrganization ? null : target.id,
      targetOrgId: target.isOrganization ? target.id : null,
      type: input.type,
      description: input.description ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await assertNoDuplicate(tx, access.orgId, row, null);
    await tx.insert(d).values(row);
    await auditChange(tx, access, {
      action: 'dependency.created',
      targetType: 'dependency',
      targetId: row.id,
      after: row,
      summary: { source: source.name, target: target.name, type: row.type },
    });
    return getDependency(tx, access, row.id);
  });
}

export async function updateDependency(store: Store, access: OrgAccess, id: string, patch: TUpdateDependency): Promise<TDependency> {
  return store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const [current] = await tx.select().from(d).where(and(eq(d.orgId, access.orgId), eq(d.id, id))).for('update');
    if (!current) throw notFound('Dependency');
    const next: DependencyRow = { ...current, type: patch.type ?? current.type, description: patch.description === undefined ? current.description : patch.description };
    if (next.type === current.type && next.description === current.description) return getDependency(tx, access, id);
    if (next.type !== current.type) await assertNoDuplicate(tx, access.orgId, next, id);
    next.updatedAt = new Date();
    await tx.update(d).set(next).where(and(eq(d.orgId, access.orgId), eq(d.id, id)));
    await auditChange(tx, access, {
      action: 'dependency.updated',
      targetType: 'dependency',
      targetId: id,
      before: current,
      after: next,
      summary: { type: next.type, changed: [next.type !== current.type && 'type', next.description !== current.description && 'description'].filter(Boolean) },
    });
    return getDependency(tx, access, id);
  });
}

export async function deleteDependency(store: Store, access: OrgAccess, id: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const removed = await deleteDependenciesWhere(tx, access, eq(d.id, id), {});
    if (removed === 0) throw notFound('Dependency');
  });
}
