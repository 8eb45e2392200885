import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { assertVersion, changedFields, definedOnly } from '../inventory/write-kit.ts';
import { assertNotNamedByScenarios } from './scenario-usage.ts';
import type { TCreateThreat, TThreat, TThreatQuery, TThreatRelation, TUpdateThreat } from './threats.schema.ts';
import { threatRelations as r, threats as t } from './threats.table.ts';

export type ThreatRow = typeof t.$inferSelect;

const byId = (orgId: string, id: string) => and(eq(t.orgId, orgId), eq(t.id, id));
/** `%` and `_` in a search term match themselves. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export function presentThreat(row: ThreatRow): TThreat {
  return {
    id: row.id,
    kind: row.kind as TThreat['kind'],
    category: row.category as TThreat['category'],
    name: row.name,
    description: row.description,
    externalId: row.externalId,
    stixId: row.stixId,
    origin: row.origin,
    url: row.url,
    tactics: row.tactics,
    platforms: row.platforms,
    aliases: row.aliases,
    deprecated: row.deprecated,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listThreats(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  query: TThreatQuery,
): Promise<{ items: TThreat[]; truncated: boolean }> {
  const where: SQL[] = [eq(t.orgId, access.orgId)];
  if (query.kind) where.push(eq(t.kind, query.kind));
  if (query.category) where.push(eq(t.category, query.category));
  if (query.origin) where.push(eq(t.origin, query.origin));
  if (!query.includeDeprecated) where.push(eq(t.deprecated, false));
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(sql`(${t.name} ilike ${pattern} or ${t.externalId} ilike ${pattern})`);
  }
  const rows = await store.db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(sql`lower(${t.name})`), asc(t.externalId), asc(t.id))
    .limit(query.limit + 1);
  return { items: rows.slice(0, query.limit).map(presentThreat), truncated: rows.length > query.limit };
}

export async function getThreat(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TThreat> {
  const [row] = await db.select().from(t).where(byId(access.orgId, id));
  if (!row) throw notFound('Threat');
  return presentThreat(row);
}

/** The threats related to this one, both ways, as the catalogue relates them. */
export async function listThreatRelations(
  db: Queryable,
  access: Pick<OrgAccess, 'orgId'>,
  id: string,
): Promise<{ items: TThreatRelation[] }> {
  await getThreat(db, access, id);
  const other = { id: t.id, kind: t.kind, name: t.name, externalId: t.externalId, deprecated: t.deprecated };
  const [outgoing, incoming] = await Promise.all([
    db
      .select({ type: r.type, ...other })
      .from(r)
      .innerJoin(t, and(eq(t.orgId, r.orgId), eq(t.id, r.toId)))
      .where(and(eq(r.orgId, access.orgId), eq(r.fromId, id))),
    db
      .select({ type: r.type, ...other })
      .from(r)
      .innerJoin(t, and(eq(t.orgId, r.orgId), eq(t.id, r.fromId)))
      .where(and(eq(r.orgId, access.orgId), eq(r.toId, id))),
  ]);
  const present =
    (direction: TThreatRelation['direction']) =>
    ({ type, kind, ...threat }: (typeof outgoing)[number]): TThreatRelation => ({
      type: type as TThreatRelation['type'],
      direction,
      threat: { ...threat, kind: kind as TThreat['kind'] },
    });
  const items = [...outgoing.map(present('outgoing')), ...incoming.map(present('incoming'))];
  items.sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      a.direction.localeCompare(b.direction) ||
      a.threat.name.toLowerCase().localeCompare(b.threat.name.toLowerCase()) ||
      a.threat.id.localeCompare(b.threat.id),
  );
  return { items };
}

/** A source has a category from the list, an event none; manual names are unique per kind (case-insensitive). */
async function assertConsistent(tx: Queryable, orgId: string, row: ThreatRow, prefix: string): Promise<void> {
  if (row.kind === 'source' && row.category === null)
    throw unprocessable('A risk source needs a category', [{ path: `${prefix}.category`, message: 'required for a source' }]);
  if (row.kind !== 'source' && row.category !== null)
    throw unprocessable(`A ${row.kind} has no category; only risk sources do`, [
      { path: `${prefix}.category`, message: 'only for a source' },
    ]);
  const [clash] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.kind, row.kind), isNull(t.stixId), sql`lower(${t.name}) = lower(${row.name})`));
  if (clash && clash.id !== row.id) throw conflict(`A ${row.kind} named "${row.name}" already exists`, `${prefix}.name`);
}

async function audit(
  tx: Queryable,
  access: OrgAccess,
  action: string,
  row: ThreatRow,
  extra: { before?: unknown; summary?: Record<string, unknown> } = {},
) {
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action,
    targetType: 'threat',
    targetId: row.id,
    ...(action === 'threat.deleted' ? {} : { after: row }),
    ...extra,
    summary: { name: row.name, kind: row.kind, ...extra.summary },
  });
}

export async function createThreat(store: Store, access: OrgAccess, input: TCreateThreat): Promise<TThreat> {
  return store.db.transaction(async (tx) => {
    const now = new Date();
    const row: ThreatRow = {
      orgId: access.orgId,
      id: newId(),
      kind: input.kind,
      category: input.category ?? null,
      name: input.name,
      description: input.description ?? null,
      externalId: input.externalId ?? null,
      stixId: null,
      origin: 'manual',
      url: input.url ?? null,
      tactics: [],
      platforms: [],
      aliases: input.aliases,
      deprecated: input.deprecated,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await assertConsistent(tx, access.orgId, row, 'body');
    await tx.insert(t).values(row);
    await audit(tx, access, 'threat.created', row);
    return presentThreat(row);
  });
}

/** Changes an entry of the organization's own; a catalogue's entry changes only by importing the catalogue again. */
export async function updateThreat(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateThreat, 'version'>,
  expectedVersion: number | undefined,
): Promise<TThreat> {
  return store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(t).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Threat');
    if (current.stixId !== null)
      throw conflict(`"${current.name}" was imported from ${current.origin} and cannot be edited; import a newer catalogue to change it`);
    assertVersion('threat', current.version, expectedVersion);
    const defined = definedOnly(patch) as Partial<ThreatRow>;
    // Turning a source into an event drops its category unless the patch says otherwise.
    if (defined.kind === 'event' && current.kind === 'source' && patch.category === undefined) defined.category = null;
    const changed = changedFields(current, defined);
    if (changed.length === 0) return presentThreat(current);
    const next: ThreatRow = { ...current, ...defined, version: current.version + 1, updatedAt: new Date() };
    await assertConsistent(tx, access.orgId, next, 'body');
    await tx.update(t).set(next).where(byId(access.orgId, id));
    await audit(tx, access, 'threat.updated', next, { before: current, summary: { changed } });
    return presentThreat(next);
  });
}

/** Deletes a threat (its catalogue relations go with it) unless a risk scenario still names it. */
export async function deleteThreat(store: Store, access: OrgAccess, id: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    const [current] = await tx.select().from(t).where(byId(access.orgId, id)).for('update');
    if (!current) throw notFound('Threat');
    await assertNotNamedByScenarios(tx, access.orgId, id, `threat "${current.name}"`);
    await tx.delete(t).where(byId(access.orgId, id));
    await audit(tx, access, 'threat.deleted', current, { before: current });
  });
}
