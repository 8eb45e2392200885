import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import type { THistoryEntry } from './scenarios.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id a history's changes mention (owner, risk source, linked lists, path steps), each once. */
export function idsIn(entries: THistoryEntry[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (UUID.test(value)) found.add(value.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const entry of entries) walk(entry.changes);
  return [...found];
}

/**
 * Names for the ids a scenario's history mentions, looked up when the history is read: a link removed since
 * (an asset taken out of the scenario, a control dropped from the plan) is still shown by its name, as long as
 * the thing itself exists. Ids of things since deleted are left out and shown as ids.
 */
export async function historyNames(db: Queryable, orgId: string, entries: THistoryEntry[]): Promise<Record<string, string>> {
  const ids = idsIn(entries);
  if (ids.length === 0) return {};
  const list = sql`${`{${ids.join(',')}}`}::uuid[]`;
  const rows = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select id::text, name from assets where org_id = ${orgId} and id = any(${list})
        union all select id::text, name from external_organizations where org_id = ${orgId} and id = any(${list})
        union all select id::text, name from threats where org_id = ${orgId} and id = any(${list})
        union all select id::text, coalesce(cve_id, title) from vulnerabilities where org_id = ${orgId} and id = any(${list})
        union all select id::text, coalesce(ref_id || ' ' || title, title) from applied_controls where org_id = ${orgId} and id = any(${list})
        union all select u.id::text, u.name from users u join memberships m on m.user_id = u.id and m.org_id = ${orgId} where u.id = any(${list})`,
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
