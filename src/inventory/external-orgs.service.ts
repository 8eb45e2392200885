import { assertNotNamedByScenarios } from '../risk/scenario-usage.ts';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { AppError, conflict, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { beginInventoryWrite } from './inventory-state.ts';
import { externalOrganizations } from './inventory.table.ts';
import type {
  TCreateExternalOrganization,
  TExternalOrganization,
  TExternalOrganizationQuery,
  TUpdateExternalOrganization,
} from './external-orgs.schema.ts';
import { cascadeDeleteOrganization } from './cascade.ts';
import { ORGANIZATION_CRITICALITY, type RelationshipType } from './vocabulary.ts';
import { assertVersion, auditChange, changedFields, definedOnly } from './write-kit.ts';

type OrgRow = typeof externalOrganizations.$inferSelect;
type Fields = Omit<OrgRow, 'orgId' | 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const e = externalOrganizations;
// Spelled out: in a single-table select the query builder leaves columns unqualified, which inside these
// subqueries would bind to the subquery's own table.
const withCounts = {
  ...getTableColumns(e),
  operatedAssets: sql<number>`(select count(*)::int from assets a where a.org_id = external_organizations.org_id and a.operator_id = external_organizations.id)`,
  directDependents: sql<number>`(select count(*)::int from dependencies d where d.org_id = external_organizations.org_id and d.target_org_id = external_organizations.id)`,
};

export function presentOrganization(row: OrgRow, counts: { operatedAssets: number; directDependents: number }): TExternalOrganization {
  return {
    id: row.id,
    name: row.name,
    relationshipTypes: row.relationshipTypes as RelationshipType[],
    criticality: row.criticality,
    criticalityLabel: ORGANIZATION_CRITICALITY[row.criticality as 1 | 2 | 3 | 4],
    contacts: row.contacts,
    contractStart: row.contractStart,
    contractEnd: row.contractEnd,
    country: row.country,
    website: row.website,
    notes: row.notes,
    tags: row.tags,
    externalId: row.externalId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    operatedAssets: counts.operatedAssets,
    directDependents: counts.directDependents,
  };
}

export async function listExternalOrganizations(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  query: TExternalOrganizationQuery,
): Promise<TExternalOrganization[]> {
  const where: SQL[] = [eq(e.orgId, access.orgId)];
  if (query.relationshipType) where.push(sql`${query.relationshipType} = any(${e.relationshipTypes})`);
  if (query.q) where.push(sql`strpos(lower(${e.name}), ${query.q.toLowerCase()}) > 0`);
  const rows = await store.db
    .select(withCounts)
    .from(e)
    .where(and(...where))
    .orderBy(sql`lower(${e.name})`, e.id);
  return rows.map((row) => presentOrganization(row, row));
}

export async function getExternalOrganization(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TExternalOrganization> {
  const [row] = await db
    .select(withCounts)
    .from(e)
    .where(and(eq(e.orgId, access.orgId), eq(e.id, id)));
  if (!row) throw notFound('External organization');
  return presentOrganization(row, row);
}

/** @throws CONFLICT when another organization of the tenant has the same name (case-insensitive) or external id */
async function assertUnique(
  tx: Queryable,
  orgId: string,
  fields: Pick<Fields, 'name' | 'externalId'>,
  exceptId: string | null,
): Promise<void> {
  const clash = await tx
    .select({ id: e.id, name: e.name, externalId: e.externalId })
    .from(e)
    .where(
      and(
        eq(e.orgId, orgId),
        sql`(lower(${e.name}) = lower(${fields.name}) or ${e.externalId} = ${fields.externalId})`,
        exceptId ? sql`${e.id} <> ${exceptId}` : undefined,
      ),
    );
  const sameName = clash.find((row) => row.name.toLowerCase() === fields.name.toLowerCase());
  if (sameName) throw conflict(`An external organization named "${sameName.name}" already exists`, 'body.name');
  if (clash.length > 0)
    throw conflict(`An external organization with external id "${fields.externalId}" already exists`, 'body.externalId');
}

function assertContract(fields: Pick<Fields, 'contractStart' | 'contractEnd'>): void {
  if (fields.contractStart && fields.contractEnd && fields.contractEnd < fields.contractStart) {
    throw unprocessable('The contract cannot end before it starts', [{ path: 'body.contractEnd', message: 'before contractStart' }]);
  }
}

export async function createExternalOrganization(
  store: Store,
  access: OrgAccess,
  input: TCreateExternalOrganization,
): Promise<TExternalOrganization> {
  assertContract(input);
  return store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    await assertUnique(tx, access.orgId, input, null);
    const now = new Date();
    const row: OrgRow = { orgId: access.orgId, id: newId(), ...input, version: 1, createdAt: now, updatedAt: now };
    await tx.insert(e).values(row);
    await auditChange(tx, access, {
      action: 'external-organization.created',
      targetType: 'external-organization',
      targetId: row.id,
      after: row,
      summary: { name: row.name },
    });
    return presentOrganization(row, { operatedAssets: 0, directDependents: 0 });
  });
}

export async function updateExternalOrganization(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateExternalOrganization, 'version'>,
  expectedVersion: number | undefined,
): Promise<TExternalOrganization> {
  return store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const [current] = await tx
      .select()
      .from(e)
      .where(and(eq(e.orgId, access.orgId), eq(e.id, id)))
      .for('update');
    if (!current) throw notFound('External organization');
    assertVersion('external organization', current.version, expectedVersion);
    const changed = changedFields(current, patch);
    if (changed.length === 0) return getExternalOrganization(tx, access, id);
    const next: OrgRow = { ...current, ...definedOnly(patch), version: current.version + 1, updatedAt: new Date() };
    assertContract(next);
    if (changed.includes('name') || changed.includes('externalId')) await assertUnique(tx, access.orgId, next, id);
    await tx
      .update(e)
      .set(next)
      .where(and(eq(e.orgId, access.orgId), eq(e.id, id)));
    await auditChange(tx, access, {
      action: 'external-organization.updated',
      targetType: 'external-organization',
      targetId: id,
      before: current,
      after: next,
      summary: { name: next.name, changed },
    });
    return getExternalOrganization(tx, access, id);
  });
}

/**
 * Deletes an external organization. While assets name it as their operator or dependencies point at it,
 * the deletion is refused (409, with the counts) unless `cascade`: then those dependencies are deleted
 * and those assets become operated by the tenant itself, each change audited.
 */
export async function deleteExternalOrganization(store: Store, access: OrgAccess, id: string, cascade: boolean): Promise<void> {
  await store.db.transaction(async (tx) => {
    await beginInventoryWrite(tx, access.orgId);
    const [current] = await tx
      .select(withCounts)
      .from(e)
      .where(and(eq(e.orgId, access.orgId), eq(e.id, id)))
      .for('update', { of: e });
    if (!current) throw notFound('External organization');
    const { operatedAssets, directDependents } = current;
    if ((operatedAssets > 0 || directDependents > 0) && !cascade) {
      throw new AppError(
        'CONFLICT',
        `${current.name} is the target of ${directDependents} dependencies and operates ${operatedAssets} assets; delete with cascade=true to remove those links too`,
        { extra: { dependencies: directDependents, operatedAssets } },
      );
    }
    // Scenarios whose event path runs through this organization keep it until someone edits them.
    await assertNotNamedByScenarios(tx, access.orgId, id, `outside organization ${current.name}`);
    const cascaded = await cascadeDeleteOrganization(tx, access, id);
    await tx.delete(e).where(and(eq(e.orgId, access.orgId), eq(e.id, id)));
    const { operatedAssets: _o, directDependents: _d, ...before } = current;
    await auditChange(tx, access, {
      action: 'external-organization.deleted',
      targetType: 'external-organization',
      targetId: id,
      before,
      summary: { name: current.name, ...cascaded },
    });
  });
}
