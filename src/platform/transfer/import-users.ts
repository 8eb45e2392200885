import { conflict } from '../errors/catalogue.ts';
import type { Queryable } from '../db/store.ts';
import { quoteIdentifier } from './table-plan.ts';
import { queryTx } from './tx-sql.ts';

/**
 * Users are global, so an import merges them: a user whose id is already here is kept as it is here; a new
 * one is inserted with its id, email and password hash (the org's rows and audit chain name users by id);
 * a user whose email is here under another id cannot be merged, and the whole import is refused.
 */
export async function insertUsers(tx: Queryable, columns: string[], rows: string[], keepInstanceAdmins: boolean): Promise<{ inserted: number; adminRightsDropped: string[] }> {
  const params = { rows: `[${rows.join(',')}]` };
  const [clash] = await queryTx<{ email: string }>(
    tx,
    `select r.email from json_populate_recordset(null::users, $rows::json) r
       join users u on u.email = r.email and u.id <> r.id
      where not exists (select 1 from users same where same.id = r.id)
      order by r.email limit 1`,
    params,
  );
  if (clash) throw conflict(`A different user with email ${clash.email} already exists here (the ids differ, and the organization's history names users by id); nothing was imported`);
  const inserted = await queryTx<{ id: string; email: string; is_instance_admin: boolean }>(
    tx,
    `insert into users (${columns.map(quoteIdentifier).join(', ')}) select ${columns.map((c) => `r.${quoteIdentifier(c)}`).join(', ')}
       from json_populate_recordset(null::users, $rows::json) r
      where not exists (select 1 from users u where u.id = r.id)
      returning id, email, is_instance_admin`,
    params,
  );
  const admins = inserted.filter((u) => u.is_instance_admin);
  if (admins.length > 0 && !keepInstanceAdmins) {
    await queryTx(tx, 'update users set is_instance_admin = false where id in (select value::uuid from json_array_elements_text($ids::json))', {
      ids: JSON.stringify(admins.map((u) => u.id)),
    });
  }
  return { inserted: inserted.length, adminRightsDropped: keepInstanceAdmins ? [] : admins.map((u) => u.email) };
}
