import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { assertVersion, changedFields, definedOnly } from '../inventory/write-kit.ts';
import { newId } from '../platform/util/ids.ts';
import type { TControl, TControlQuery, TCreateControl, TUpdateControl } from './controls.schema.ts';
import { assertNotNamedByScenarios } from './scenario-usage.ts';
import { recomputeResidualForControl } from './scenario-treatment.service.ts';
import { appliedControls as c } from './controls.table.ts';

type ControlRow = typeof c.$inferSelect;

const byId = (orgId: string, id: string) => and(eq(c.orgId, orgId), eq(c.id, id));
const today = (): string => new Date().toISOString().slice(0, 10);
const isInPlace = (status: string): boolean => status === 'implemented' || status === 'verified';

export function presentControl(row: ControlRow, on: string = today()): TControl {
  return {
    id: row.id,
    refId: row.refId,
    title: row.title,
    description: row.description,
    owner: row.owner,
    status: row.status as TControl['status'],
    dueDate: row.dueDate,
    overdue: row.dueDate !== null && row.dueDate < on && !isInPlace(row.status),
    oneOffCost: row.oneOffCost,
    yearlyCost: row.yearlyCost,
    currency: row.currency,
    effectiveness: row.effectiveness,
    attributes: row.attributes as TControl['attributes'],
    tags: row.tags,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listControls(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  query: TControlQuery,
): Promise<{ items: TControl[]; truncated: boolean }> {
  const where: SQL[] = [eq(c.orgId, access.orgId)];
  if (query.status) where.push(eq(c.status, query.status));
  if (query.owner) where.push(eq(c.owner, query.owner));
  if (query.concept) where.push(sql`${c.attributes} -> 'concepts' ? ${query.concept}`);
  if (query.capability) where.push(sql`${c.attributes} -> 'capabilities' ? ${query.capability}`);
  if (query.overdue !== undefined) {
    const late = sql`(${c.dueDate} < ${today()}::date and ${c.status} not in ('implemented', 'verified'))`;
    where.push(query.overdue ? late : sql`not coalesce(${late}, false)`);
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(${c.title} ilike ${pattern} or ${c.refId} ilike ${pattern})`);
  }
  const rows = await store.db
    .select()
    .from(c)
    .where(and(...where))
    .orderBy(asc(sql`lower(${c.title})`), asc(c.id))
    .limit(query.limit + 1);
  return { items: rows.slice(0, query.limit).map((row) => presentControl(row)), truncated: rows.length > query.limit };
}

export async function getControl(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TControl> {
  const [row] = await db.select().from(c).where(byId(access.orgId, id));
  if (!row) throw notFound('Applied control');
  return presentControl(row);
}

/** Costs need a currency; a reference is unique in the organization (409 naming the field). */
async function assertConsistent(
  tx: Queryable,
  orgId: string,
  row: Pick<ControlRow, 'refId' | 'oneOffCost' | 'yearlyCost' | 'currency'>,
  except: string | null,
  prefix: string,
): Promise<void> {
  if ((row.oneOffCost !== null || row.yearlyCost !== null) && row.currency === null) {
    throw unprocessable('A cost needs its currency', [{ path: `${prefix}.currency`, message: 'required when a cost is given' }]);
  }
  if (row.refId === null) return;
  const [clash] = await tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.orgId, orgId), sql`lower(${c.refId}) = lower(${row.refId})`));
  if (clash && clash.id !== except) throw conflict(`An applied control with reference "${row.refId}" already exists`, `${prefix}.refId`);
}

async function audit(
  tx: Queryable,
  access: OrgAccess,
  action: string,
  row: ControlRow,
  extra: { before?: unknown; summary?: Record<string, unknown> } = {},
): Promise<void> {
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action,
    targetType: 'applied-control',
    targetId: row.id,
    ...(action === 'applied-control.deleted' ? {} : { after: row }),
    ...extra,
    summary: { title: row.title, status: row.status, ...extra.summary },
  });
}

export async function createControl(store: Store, access: OrgAccess, input: TCreateControl): Promise<TControl> {
  return store.db.transaction(async (tx) => {
    const now = new Date();
    const row: ControlRow = {
      orgId: access.orgId,
      id: newId(),
      refId: input.refId ?? null,
      title: input.title,
      description: input.description ?? null,
      owner: input.owner ?? null,
      status: input.status,
      dueDate: input.dueDate ?? null,
      oneOffCost: input.oneOffCost ?? null,
      yearlyCost: input.yearlyCost ?? null,
      currency: input.currency ?? null,
      effectiveness: input.effectiveness ?? null,
      attributes: input.attributes,
      tags: input.tags,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await assertConsistent(tx, access.orgId, row, null, 'body');
    await tx.insert(c).values(row);
    await audit(tx, access, 'applied-control.created', row);
    return presentControl(row);
  });
}

/** Changes a control; with `expectedVersion` only that version (409 VERSION_CONFLICT when another edit got there first). */
export async function updateControl(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateControl, 'version'>,
  expectedVersion: number | undefined,
): Promise<TControl> {
  return store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(c).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Applied control');
    assertVersion('applied control', current.version, expectedVersion);
    const defined = definedOnly(patch) as Partial<ControlRow>;
    const changed = changedFields(current, defined);
    if (changed.length === 0) return presentControl(current);
    const next: ControlRow = { ...current, ...defined, version: current.version + 1, updatedAt: new Date() };
    await assertConsistent(tx, access.orgId, next, id, 'body');
    await tx.update(c).set(next).where(byId(access.orgId, id));
    // Treatment plans count this control's status and effectiveness: move the residual risk of those naming
    // it. Before the audit entry: scenario rows are locked before the organization's, as scenario writes do.
    if (changed.includes('status') || changed.includes('effectiveness')) await recomputeResidualForControl(tx, access, id);
    await audit(tx, access, 'applied-control.updated', next, { before: current, summary: { changed } });
    return presentControl(next);
  });
}

export async function deleteControl(store: Store, access: OrgAccess, id: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(c).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Applied control');
    // Risk scenarios count on their controls: deleting one they name is refused, not orphaned.
    await assertNotNamedByScenarios(tx, access.orgId, id, `applied control "${current.title}"`);
    await tx.delete(c).where(byId(access.orgId, id));
    await audit(tx, access, 'applied-control.deleted', current, { before: current });
  });
}
