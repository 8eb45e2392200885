import { checkedQuery } from '../platform/auth/token-check.ts';
import type { OrgAccess } from '../platform/context.ts';
import { StampedMemo } from '../platform/db/stamped-memo.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { likePrefix, prefixTsQuery } from './asset-search.ts';
import { ASSET_SELECT_SQL, presentAsset, type AssetRowIn } from './assets-row.ts';
import type { AssetSort, TAssetPage, TAssetQuery } from './assets.schema.ts';
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
const keyValueSql = (key: string): string =>
  key === 'updated_at' ? `to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : key;
const keyParamSql = (key: string, param: string): string =>
  key === 'updated_at' ? `${param}::timestamptz` : key === '(- criticality)' ? `${param}::int` : `${param}::text`;

/** Above this many matches a filtered total is the planner's estimate instead of a count. */
export const EXACT_COUNT_LIMIT = 10_000;

type CursorKey = string | number;

function encodeCursor(sort: AssetSort, values: CursorKey[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: values })).toString('base64url');
}

function decodeCursor(cursor: string, sort: AssetSort): CursorKey[] {
  // Built only when needed: an AppError captures a stack trace, which a valid cursor should not pay for.
  const invalid = (): AppError =>
    new AppError('VALIDATION_FAILED', 'cursor is not a cursor of this list and sort', {
      errors: [{ path: 'querystring.cursor', message: 'not a cursor of this list and sort' }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  const expected = SORTS[sort].keys.length + 1;
  if (s !== sort || !Array.isArray(k) || k.length !== expected || !k.every((v) => typeof v === 'string' || typeof v === 'number'))
    throw invalid();
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

interface Total {
  total: number;
  totalIsEstimate: boolean;
}

/*
 * Pages and totals are remembered per inventory version (platform/db/stamped-memo.ts). Every write to the
 * inventory moves `inventory_state.inventory_version` in its own transaction (beginInventoryWrite), and an
 * asset page holds nothing but asset columns, so an answer computed at a version is exact for as long as the
 * version stands. A request for a page already remembered asks only for the version (with its token check,
 * one round trip of a primary-key lookup) instead of running the page and its count. Pages are bounded in
 * number because they are large; a page of 50 assets is some tens of kilobytes.
 */
const pages = new StampedMemo<TAssetPage>(500);
const totals = new StampedMemo<Total>(2_000);
const MEMO_MAX_LIMIT = 100;
/** The organization's inventory version, as text; '0' before its first inventory write. */
const STAMP_SQL = `coalesce((select inventory_version::text from inventory_state where org_id = $1), '0')`;

/** The memo key of a question: the organization and the query's own fields, in a fixed order. */
function memoKey(orgId: string, fields: object): string {
  const entries = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${orgId}|${JSON.stringify(entries)}`;
}

/** The number of matches, exact up to EXACT_COUNT_LIMIT, with the inventory version it was counted at. */
async function countMatches(store: Store, filters: Filters): Promise<Total & { stamp: string }> {
  if (filters.clauses.length === 1) {
    const [row] = await store.query<{ n: number | null; stamp: string }>(
      `select (select asset_count from inventory_state where org_id = $1) as n, ${STAMP_SQL} as stamp`,
      filters.params,
    );
    return { total: row?.n ?? 0, totalIsEstimate: false, stamp: row!.stamp };
  }
  const where = filters.clauses.join(' and ');
  const [counted] = await store.query<{ n: number; stamp: string }>(
    `select count(*)::int as n, ${STAMP_SQL} as stamp from (select 1 from assets where ${where} limit ${EXACT_COUNT_LIMIT + 1}) capped`,
    filters.params,
  );
  const n = counted?.n ?? 0;
  const stamp = counted!.stamp;
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalIsEstimate: false, stamp };
  const [plan] = await store.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `explain (format json) select 1 from assets where ${where}`,
    filters.params,
  );
  const estimate = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, Math.round(estimate)), totalIsEstimate: true, stamp };
}

/**
 * One page of assets: filtered, searched and sorted in the store, keyset-paged on (sort keys, id).
 * Plain SQL on the driver: the hot list of the inventory, meant to stay fast at 100,000 assets. A page
 * already computed at the current inventory version is answered from memory.
 */
export async function listAssets(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: TAssetQuery): Promise<TAssetPage> {
  const key = memoKey(access.orgId, query);
  const known = query.limit <= MEMO_MAX_LIMIT ? pages.latest(store, key) : undefined;
  if (known) {
    const [row] = await checkedQuery<{ stamp: string }>(store, access, `select ${STAMP_SQL} as stamp`, [access.orgId], {
      name: 'bulwark_inventory_stamp',
    });
    if (row?.stamp === known.stamp) return known.value;
  }
  const { page, stamp } = await computePage(store, access, query);
  if (stamp !== undefined && query.limit <= MEMO_MAX_LIMIT) pages.remember(store, key, stamp, page);
  return page;
}

const preparedNames = new Map<string, string>();
/** A statement name of its own for each text (a name must always stand for the same text on a connection). */
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) preparedNames.set(text, (name = `bulwark_assets_page_${preparedNames.size}`));
  return name;
}

/** The page and the inventory version it was computed at (undefined when that cannot be told: an empty page). */
async function computePage(
  store: Store,
  access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>,
  query: TAssetQuery,
): Promise<{ page: TAssetPage; stamp: string | undefined }> {
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
  const text = `select ${ASSET_SELECT_SQL}, ${sort.keys.map((key, i) => `${keyValueSql(key)} as k${i}`).join(', ')}, ${STAMP_SQL} as __stamp
                  from ${from}
                 order by ${keys.map((key) => `${key}${direction}`).join(', ')} limit $${params.length}`;
  // The count of a filter is shared by all its pages and sorts: when one is remembered, the page goes alone
  // and the count is reused if the page was read at the same version.
  const totalKey = memoKey(access.orgId, { ...query, sort: undefined, cursor: undefined, limit: undefined });
  const knownTotal = totals.latest(store, totalKey);
  // Without a filter the statement's text is one of a dozen (sort × cursor or not), and its plan (walk the
  // sort's index) never depends on the values: prepared, it is not planned again (serially 0.50 → 0.36 ms of
  // database CPU per page). A filter's best plan can depend on how common its value is, so those go unnamed.
  const name = filters.clauses.length === 1 ? preparedName(text) : undefined;
  const [rows, counted] = await Promise.all([
    checkedQuery<AssetRowIn & { __stamp: string } & Record<`k${number}`, CursorKey>>(store, access, text, params, { name }),
    knownTotal ? undefined : countMatches(store, filters),
  ]);
  const stamp = rows[0]?.__stamp;
  let total: Total & { stamp: string };
  if (counted) {
    totals.remember(store, totalKey, counted.stamp, { total: counted.total, totalIsEstimate: counted.totalIsEstimate });
    total = counted;
  } else if (stamp !== undefined && knownTotal!.stamp === stamp) total = { ...knownTotal!.value, stamp };
  else {
    // Written since the count was remembered (or the page is empty and cannot tell): count again.
    total = await countMatches(store, filters);
    totals.remember(store, totalKey, total.stamp, { total: total.total, totalIsEstimate: total.totalIsEstimate });
  }
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(query.sort, [...sort.keys.map((_, i) => last[`k${i}`]!), last.id]) : null;
  const result = { items: page.map(presentAsset), nextCursor, total: total.total, totalIsEstimate: total.totalIsEstimate };
  // Remembered only when the page and its count were read at the same version.
  return { page: result, stamp: stamp !== undefined && total.stamp === stamp ? stamp : undefined };
}
