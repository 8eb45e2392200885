import { sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { rowsOf } from '../inventory/sql-rows.ts';

/**
 * The references (ref_id) of the risk scenarios that name `targetId`: as their risk source or through any of
 * their links (risk_scenario_links.target_id), sorted. Used to refuse deleting what a scenario still names.
 */
export async function scenariosNaming(tx: Queryable, orgId: string, targetId: string): Promise<string[]> {
  const rows = await rowsOf<{ ref_id: string }>(
    tx,
    sql`select s.ref_id from risk_scenarios s
        where s.org_id = ${orgId} and (s.risk_source_id = ${targetId} or exists (
          select 1 from risk_scenario_links l where l.org_id = s.org_id and l.scenario_id = s.id and l.target_id = ${targetId}))
        order by lower(s.ref_id)`,
  );
  return rows.map((row) => row.ref_id);
}

/**
 * @throws AppError CONFLICT when any scenario names `targetId`: the detail names up to 20 of them, the problem's
 * `scenarios` member lists every reference
 */
export async function assertNotNamedByScenarios(tx: Queryable, orgId: string, targetId: string, what: string): Promise<void> {
  const refs = await scenariosNaming(tx, orgId, targetId);
  if (refs.length === 0) return;
  const shown = refs.slice(0, 20).join(', ') + (refs.length > 20 ? ` and ${refs.length - 20} more` : '');
  throw new AppError('CONFLICT', `The ${what} is named by risk scenario${refs.length > 1 ? 's' : ''} ${shown}; remove it from them first`, {
    extra: { scenarios: refs },
  });
}
