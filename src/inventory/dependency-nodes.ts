import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { isUuid } from '../platform/util/ids.ts';
import type { TNodeRef } from './inventory.schema.ts';
import { rowsOf } from './sql-rows.ts';

export interface ResolvedNode extends TNodeRef {
  isOrganization: boolean;
}

/**
 * The tenant's assets and external organizations among `ids`, by id. Another tenant's ids are simply
 * absent, so callers report them exactly like ids that exist nowhere.
 */
export async function resolveNodes(tx: Queryable, orgId: string, ids: readonly string[]): Promise<Map<string, ResolvedNode>> {
  // Anything that is not a UUID names nothing; the rest go as one array parameter.
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const list = sql`${`{${unique.join(',')}}`}::uuid[]`;
  const rows = await rowsOf<{ id: string; name: string; kind: string }>(
    tx,
    sql`select id, name, kind from assets where org_id = ${orgId} and id = any(${list})
        union all
        select id, name, 'organization' as kind from external_organizations where org_id = ${orgId} and id = any(${list})`,
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, kind: row.kind as TNodeRef['kind'], isOrganization: row.kind === 'organization' }]));
}
