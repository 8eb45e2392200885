import { checkedQuery } from '../platform/auth/token-check.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { likePrefix, prefixTsQuery } from './asset-search.ts';
import { ASSET_SELECT_SQL, presentAsset, type AssetRow } from './assets-row.ts';
import type { AssetSort, TAssetPage, TAssetQuery } from './assets.schema.ts';
import { readInventoryHead } from './inventory-state.ts';
import { NAME_KEY_SQL } from './search-keys.ts';
import { kindsOf } from './vocabulary.ts';

/**
 * Keyset order of each sort: the expressions (then id) in one direction, each matching an index that
 * leads with org_id (inventory.table.ts), so a page is an index range scan however deep it is.
 */
const SORTS: Record<AssetSort, { keys: string[]; desc: boolean }> = {
  name: { keys: [NAME_KEY_SQL], desc: false },
  '-name': { keys: [NAME_KEY_SQL], desc: true },
  kind: { keys: ['kind', NAME_KEY_SQL], desc: false },
  criticality: { keys: ['(- criticality)', NAME_KEY_SQL], desc: false },
  updatedAt: { keys: ['updated_at'], desc: false },
  '-updatedAt': { keys: ['updated_at'], desc: true },
};
/** Cursor values of timestamps keep microseconds, so no row is skipped or repeated at a page boundary. */
const keyValueSql = (key: string): string => (key === 'updated_at' ? `to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : key);
const keyParamSql = (key: string, param: string): string =>
  key === 'updated_at' ? `${param}::timestamptz` : key === '(- criticality)' ? `${param}::int` : `${param}::text`;

/** Above this many matches a filtered total is the planner's estimate instead of a count. */
export const EXACT_COUNT_LIMIT = 10_000;

type CursorKey = string | number;

function encodeCursor(sort: AssetSort, values: CursorKey[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: AssetSort): CursorKey[] {
  const invalid = new AppError('VALIDATION_FAILED', 'cursor is not a cursor of this list and sort', {
    errors: [{ path: 'querystring.cursor', message: 'not a cursor of this list and sort' }],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  const expected = SORTS[sort].keys.length + 1;
  if (s !== sort || !Array.isArray(k) || k.length !== expected || !k.every((v) => typeof v === 'string' || typeof v === 'number')) throw invalid;
  return k as CursorKey[];
}

interface Filters {
  clauses: string[];
  params: unknown[];
}

function filtersOf(orgId: string, query: TAssetQuery): Filters {
  const clauses = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.kind) clauses.push(`kind = ${param(query.kind)}`);
  if (query.category) clauses.push(`kind = any(${param(kindsOf(query.category))}::text[])`);
  if (query.status) clauses.push(`status = ${param(query.status)}`);
  if (query.tag) clauses.push(`tags @> array[${param(query.tag)}::text]`);
  if (query.operatorId) clauses.push(`operator_id = ${param(query.operatorId)}::uuid`);
  if (query.q) {
    const exact = param(query.q);
    const alternatives = [
      `${NAME_KEY_SQL} like (lower(${param(likePrefix(query.q))}::text) collate "C")`,
      `cmdb_id = ${exact}`,
      `purl = ${exact}`,
      `cpe = ${exact}`,
      `other_id = ${exact}`,
    ];
    const words = prefixTsQuery(query.q);
    if (words) alternatives.push(`search @@ to_tsquery('simple', ${param(words)})`);
    clauses.push(`(${alternatives.join(' or ')})`);
  }
  return { clauses, params };
}

async function totalOf(store: Store, orgId: string, query: TAssetQuery, filters: Filters): Promise<{ total: number; totalIsEstimate: boolean }> {
  if (filters.clauses.length === 1) return { total: (await readInventoryHead(store, orgId)).assetCount, totalIsEstimate: false };
  const where = filters.clauses.join(' and ');
  const [counted] = await store.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from assets where ${where} limit ${EXACT_COUNT_LIMIT + 1}) capped`,
    filters.params,
  );
  const n = counted?.n ?? 0;
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalIsEstimate: false };
  const [plan] = await store.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(`explain (format json) select 1 from assets where ${where}`, filters.params);
  const estimate = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, Math.round(estimate)), totalIsEstimate: true };
}

/**
 * One page of assets: filtered, searched and sorted in the store, keyset-paged on (sort keys, id).
 * Plain SQL on the driver: the hot list of the inventory, meant to stay fast at 100,000 assets.
 */
export async function listAssets(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: TAssetQuery): Promise<TAssetPage> {
  const sort = SORTS[query.sort];
  const filters = filtersOf(access.orgId, query);
  const clauses = [...filters.clauses];
  const params = [...filters.params];
  const keys = [...sort.keys, 'id'];
  if (query.cursor) {
    const values = decodeCursor(query.cursor, query.sort);
    const placeholders = keys.map((key, i) => {
      params.push(values[i]);
      return key === 'id' ? `$${params.length}::uuid` : keyParamSql(key, `$${params.length}`);
    });
    clauses.push(`(${keys.join(', ')}) ${sort.desc ? '<' : '>'} (${placeholders.join(', ')})`);
  }
  params.push(query.limit + 1);
  const direction = sort.desc ? ' desc' : '';
  // A search's matches are few or scattered in sort order, so the planner's favourite plan (walk the sort's
  // index and filter) can read the whole index before it has a page. Behind an `offset 0` fence it finds the
  // matches through the search indexes and sorts only them (100,000 assets, one request at a time: an exact
  // external id 211 → 0.2 ms, a rare word 181 → 9 ms). Without a search the index walk is the right plan.
  const from = query.q ? `(select * from assets where ${clauses.join(' and ')} offset 0) assets` : `assets where ${clauses.join(' and ')}`;
  const text = `select ${ASSET_SELECT_SQL}, ${sort.keys.map((key, i) => `${keyValueSql(key)} as k${i}`).join(', ')}
                  from ${from}
                 order by ${keys.map((key) => `${key}${direction}`).join(', ')} limit $${params.length}`;
  const [rows, total] = await Promise.all([
    checkedQuery<AssetRow & Record<`k${number}`, CursorKey>>(store, access, text, params),
    totalOf(store, access.orgId, query, filters),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor(query.sort, [...sort.keys.map((_, i) => last[`k${i}`]!), last.id]) : null;
  return { items: page.map(presentAsset), nextCursor, ...total };
}
