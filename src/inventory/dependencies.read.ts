import { sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import type { TDependency, TDependencyPage, TDependencyQuery } from './dependencies.schema.ts';
import type { TNodeRef } from './inventory.schema.ts';
import { rowsOf } from './sql-rows.ts';

interface EdgeRow {
  id: string;
  type: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
  source_id: string;
  source_name: string;
  source_kind: string;
  target_id: string;
  target_name: string;
  target_kind: string;
}

/** Edges with both ends named; the caller adds `where` (on d) and the order. */
const EDGE_SELECT = `select d.id, d.type, d.description, d.created_at, d.updated_at,
       s.id as source_id, s.name as source_name, s.kind as source_kind,
       coalesce(ta.id, eo.id) as target_id, coalesce(ta.name, eo.name) as target_name, coalesce(ta.kind, 'organization') as target_kind
  from dependencies d
  join assets s on s.org_id = d.org_id and s.id = d.source_id
  left join assets ta on ta.org_id = d.org_id and ta.id = d.target_asset_id
  left join external_organizations eo on eo.org_id = d.org_id and eo.id = d.target_org_id`;

function present(row: EdgeRow): TDependency {
  return {
    id: row.id,
    type: row.type as TDependency['type'],
    description: row.description,
    source: { id: row.source_id, name: row.source_name, kind: row.source_kind as TNodeRef['kind'] },
    target: { id: row.target_id, name: row.target_name, kind: row.target_kind as TNodeRef['kind'] },
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function getDependency(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TDependency> {
  const [row] = await rowsOf<EdgeRow>(db, sql`${sql.raw(EDGE_SELECT)} where d.org_id = ${access.orgId} and d.id = ${id}`);
  if (!row) throw notFound('Dependency');
  return present(row);
}

/** Dependencies, filtered, keyset-paged on id (creation order). */
export async function listDependencies(store: Store, access: Pick<OrgAccess, 'orgId'>, query: TDependencyQuery): Promise<TDependencyPage> {
  const params: unknown[] = [access.orgId];
  const where = ['d.org_id = $1'];
  const add = (clause: string, value: unknown): void => {
    params.push(value);
    where.push(clause.replaceAll('?', `$${params.length}`));
  };
  if (query.sourceId) add('d.source_id = ?::uuid', query.sourceId);
  if (query.targetId) add('(d.target_asset_id = ?::uuid or d.target_org_id = ?::uuid)', query.targetId);
  if (query.type) add('d.type = ?', query.type);
  if (query.cursor) add('d.id > ?::uuid', query.cursor);
  params.push(query.limit + 1);
  const rows = await store.query<EdgeRow>(`${EDGE_SELECT} where ${where.join(' and ')} order by d.id limit $${params.length}`, params);
  const page = rows.slice(0, query.limit);
  return { items: page.map(present), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}
