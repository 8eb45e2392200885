import { AUDIT_HEAD_SQL } from './register-cache.ts';
import type { HeatMapRating, RegisterSort, TRegisterFilter } from './register.schema.ts';

/*
 * The register's SQL, built from a parsed filter (pure: no IO, no clock). Every view of the register (page,
 * total, heat map, report) filters with the same WHERE, so a heat-map cell and the list it opens always
 * agree. Values always travel as parameters; only column names chosen from fixed lists are spliced in.
 */

export interface FilterScope {
  orgId: string;
  criteriaId: string;
  /**
   * false when the organization has one criteria set only: every scenario is then on it, and leaving the
   * condition out lets counts run on index-only scans (no index leads with criteria_id).
   */
  restrictCriteria: boolean;
  /** YYYY-MM-DD: what "overdue" and "expired" compare with. */
  today: string;
  /** For a cell filter: the versions of the set whose scales have the current sizes (null: all of them). */
  cellVersions: number[] | null;
}

export interface BuiltSql {
  text: string;
  params: unknown[];
  /** A prepared statement's name, for a statement of fixed text whose plan does not depend on its values. */
  name?: string;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%`, `_` and the escape character itself matched literally inside an ILIKE pattern. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The newest acceptance not withdrawn (the one in force), as a correlated sub-select on `s`. */
const ACCEPTANCE_IN_FORCE = `(select a.expires_on from risk_acceptances a
   where a.org_id = s.org_id and a.scenario_id = s.id and a.withdrawn_at is null
   order by a.accepted_at desc limit 1)`;

function whereOf(scope: FilterScope, filter: Partial<TRegisterFilter>, p: Params): string {
  const org = p.add(scope.orgId);
  const clauses = [`s.org_id = ${org}`];
  if (scope.restrictCriteria) clauses.push(`s.criteria_id = ${p.add(scope.criteriaId)}::uuid`);
  if (filter.level) clauses.push(`s.current_level = any(${p.add(filter.level)}::smallint[])`);
  if (filter.residualLevel) clauses.push(`s.residual_level = any(${p.add(filter.residualLevel)}::smallint[])`);
  if (filter.cell) {
    const { rating, likelihood, consequence } = filter.cell;
    clauses.push(`s.${rating}_likelihood = ${p.add(likelihood)}::smallint and s.${rating}_consequence = ${p.add(consequence)}::smallint`);
    if (scope.cellVersions) clauses.push(`s.criteria_version = any(${p.add(scope.cellVersions)}::int[])`);
  }
  if (filter.ownerId) clauses.push(`s.owner_id = ${p.add(filter.ownerId)}::uuid`);
  if (filter.assetId) {
    clauses.push(
      `s.id in (select l.scenario_id from risk_scenario_links l where l.org_id = ${org} and l.target_id = ${p.add(filter.assetId)}::uuid and l.target_type = 'asset')`,
    );
  }
  if (filter.status) clauses.push(`s.status = any(${p.add(filter.status)}::text[])`);
  if (filter.treatment) clauses.push(`s.treatment_option = any(${p.add(filter.treatment)}::text[])`);
  if (filter.source) {
    const source = p.add(filter.source);
    clauses.push(
      `(s.risk_source_id = ${source}::uuid or s.id in (select l.scenario_id from risk_scenario_links l where l.org_id = ${org} and l.target_id = ${source}::uuid and l.role = 'threat'))`,
    );
  }
  if (filter.evaluation) clauses.push(`s.evaluation = ${p.add(filter.evaluation)}`);
  if (filter.reviewOverdue !== undefined || filter.acceptanceExpired !== undefined) {
    const today = p.add(scope.today);
    if (filter.reviewOverdue === true) clauses.push(`s.review_due < ${today}::date`);
    if (filter.reviewOverdue === false) clauses.push(`(s.review_due is null or s.review_due >= ${today}::date)`);
    if (filter.acceptanceExpired === true) clauses.push(`${ACCEPTANCE_IN_FORCE} < ${today}::date`);
    if (filter.acceptanceExpired === false) clauses.push(`coalesce(${ACCEPTANCE_IN_FORCE} >= ${today}::date, true)`);
  }
  if (filter.q) {
    // Served by the trigram index risk_scenarios_search (migration 0010) where the pattern is rare; a frequent
    // one is found sooner by walking the sort's index. Which is which the planner reads off the pattern, so the
    // statements built here must be planned with their values (sent unnamed, not as named prepared statements).
    const pattern = p.add(containsPattern(filter.q));
    clauses.push(`(s.ref_id ilike ${pattern} or s.title ilike ${pattern})`);
  }
  return clauses.join(' and ');
}

interface SortKey {
  expr: string;
  /** Direction in the sort's default order; `asc`/`desc` as asked flips every key together. */
  desc: boolean;
  nullable: boolean;
}

const ratingKeys = (rating: 'current' | 'residual'): SortKey[] => [
  { expr: `s.${rating}_level`, desc: true, nullable: true },
  { expr: `s.${rating}_consequence`, desc: true, nullable: true },
  { expr: `s.${rating}_likelihood`, desc: true, nullable: true },
  { expr: 'lower(s.ref_id)', desc: false, nullable: false },
];

/** Each sort's keys; the reference is unique per organization (lower-cased), so it ends a tie. */
const SORTS: Record<RegisterSort, { keys: SortKey[]; defaultDesc: boolean }> = {
  priority: { keys: ratingKeys('current'), defaultDesc: true },
  residual: { keys: ratingKeys('residual'), defaultDesc: true },
  ref: { keys: [{ expr: 'lower(s.ref_id)', desc: false, nullable: false }], defaultDesc: false },
  title: {
    keys: [
      { expr: 'lower(s.title)', desc: false, nullable: false },
      { expr: 's.id', desc: false, nullable: false },
    ],
    defaultDesc: false,
  },
  reviewDue: {
    keys: [
      { expr: 's.review_due', desc: false, nullable: true },
      { expr: 'lower(s.ref_id)', desc: false, nullable: false },
    ],
    defaultDesc: false,
  },
  updated: {
    keys: [
      { expr: 's.updated_at', desc: true, nullable: false },
      { expr: 's.id', desc: true, nullable: false },
    ],
    defaultDesc: true,
  },
};

/** ORDER BY of a sort; unrated scenarios and those without a review date come last either way. */
export function orderByOf(sort: RegisterSort, direction: 'asc' | 'desc' | undefined): string {
  const spec = SORTS[sort];
  const flip = direction !== undefined && (direction === 'desc') !== spec.defaultDesc;
  return spec.keys.map((key) => `${key.expr} ${key.desc !== flip ? 'desc' : 'asc'}${key.nullable ? ' nulls last' : ''}`).join(', ');
}

const ITEM_COLUMNS = `s.id, s.ref_id, s.title, s.approach, s.status, s.owner_id, u.name as owner_name, s.criteria_id, s.criteria_version,
  s.inherent_likelihood, s.inherent_consequence, s.inherent_level, s.current_likelihood, s.current_consequence, s.current_level,
  s.target_likelihood, s.target_consequence, s.target_level, s.residual_likelihood, s.residual_consequence, s.residual_level,
  s.evaluation, s.treatment_option, s.review_due::text as review_due, s.updated_at,
  coalesce(p.planned, 0)::int as planned, coalesce(p.in_place, 0)::int as in_place, ${ACCEPTANCE_IN_FORCE}::text as acceptance_expires_on`;

/** A row of the page query (snake_case, as the driver returns it). */
export interface RegisterRow {
  /** null when the statement did not count. */
  total: number | null;
  /** The organization's audit head in the snapshot the total was counted in (register-cache.ts). */
  stamp: string | null;
  id: string | null;
  ref_id: string;
  title: string;
  approach: string;
  status: string;
  owner_id: string | null;
  owner_name: string | null;
  criteria_id: string;
  criteria_version: number;
  inherent_likelihood: number | null;
  inherent_consequence: number | null;
  inherent_level: number | null;
  current_likelihood: number | null;
  current_consequence: number | null;
  current_level: number | null;
  target_likelihood: number | null;
  target_consequence: number | null;
  target_level: number | null;
  residual_likelihood: number | null;
  residual_consequence: number | null;
  residual_level: number | null;
  evaluation: string | null;
  treatment_option: string | null;
  review_due: string | null;
  updated_at: Date | string;
  planned: number;
  in_place: number;
  acceptance_expires_on: string | null;
}

/** The scenario columns a page row needs, as stored (the outer select formats them). */
const ROW_COLUMNS = `s.org_id, s.id, s.ref_id, s.title, s.approach, s.status, s.owner_id, s.criteria_id, s.criteria_version,
  s.inherent_likelihood, s.inherent_consequence, s.inherent_level, s.current_likelihood, s.current_consequence, s.current_level,
  s.target_likelihood, s.target_consequence, s.target_level, s.residual_likelihood, s.residual_consequence, s.residual_level,
  s.evaluation, s.treatment_option, s.review_due, s.updated_at`;

/**
 * The tail every page statement shares: given a CTE `page` of rows in order (`ord`), each row gets its
 * owner, its plan's progress (one grouped sub-select over the page's planned-control links) and the
 * acceptance in force. `rows` joins the page to its scenario rows as `s`.
 */
function pageTail(pageCte: string, rows: string, ordColumn: string, totalSelect: string): string {
  return `with page as materialized (${pageCte}), progress as (
      select l.scenario_id, count(*) as planned, count(*) filter (where c.status in ('implemented', 'verified')) as in_place
        from page join risk_scenario_links l on l.org_id = $1 and l.scenario_id = page.id and l.role = 'planned-control'
        left join applied_controls c on c.org_id = l.org_id and c.id = l.target_id
       group by l.scenario_id
    )
    select t.total, t.stamp, r.*
      from (select ${totalSelect}) t
      left join (
        select ${ordColumn}, ${ITEM_COLUMNS}
          from ${rows}
          left join users u on u.id = s.owner_id
          left join progress p on p.scenario_id = s.id
      ) r on true
     order by r.ord`;
}

/**
 * One page of the register with its total, in one statement: the rows as the sort's walk finds them.
 * Shallow pages and the reports (`limit` null: every matching row) use it; a deep page is a slice of the
 * remembered order instead (register-order.ts), since walking to it skips every row before it. Without
 * `withTotal`, `total` and `stamp` are null.
 */
export function registerPageSql(
  scope: FilterScope,
  filter: Partial<TRegisterFilter>,
  sort: RegisterSort,
  direction: 'asc' | 'desc' | undefined,
  page: { limit: number | null; offset: number },
  withTotal: boolean,
): BuiltSql {
  const p = new Params();
  const where = whereOf(scope, filter, p);
  const limit = page.limit === null ? '' : ` limit ${p.add(page.limit)}`;
  const offset = page.offset > 0 ? ` offset ${p.add(page.offset)}` : '';
  const walk = `select ${ROW_COLUMNS} from risk_scenarios s where ${where} order by ${orderByOf(sort, direction)}${limit}${offset}`;
  const text = pageTail(
    `select found.*, row_number() over () as ord from (${walk}) found`,
    'page s',
    's.ord',
    withTotal
      ? `count(*)::int as total, ${AUDIT_HEAD_SQL} as stamp from risk_scenarios s where ${where}`
      : 'null::int as total, null::text as stamp',
  );
  return { text, params: p.values };
}

/**
 * Every matching scenario's id in the sort's order, as the base64 text of 16-byte uuids one after the other
 * (compact to carry and to keep: 50,000 ids are 800 KB, where as rows of text they would cost the driver tens
 * of milliseconds to parse), with the audit head of the same snapshot: what register-order.ts remembers to
 * serve deep pages.
 */
export function registerOrderSql(
  scope: FilterScope,
  filter: Partial<TRegisterFilter>,
  sort: RegisterSort,
  direction: 'asc' | 'desc' | undefined,
): BuiltSql {
  const p = new Params();
  const where = whereOf(scope, filter, p);
  // The ids are aggregated in the order the sub-select hands them over, which PostgreSQL keeps for a plain
  // aggregate over one ordered sub-select (risk-register-order.test.ts checks it against the walk, every
  // sort): the sort's index is walked instead of every row being sorted on collated text (50,000 scenarios,
  // priority order: 330 → 35 ms). Sent as base64: the driver reads bytea as hex text, twice the size, and
  // decoding that cost more than the walk.
  const text = `select ${AUDIT_HEAD_SQL} as stamp, coalesce(encode(string_agg(o.id, ''::bytea), 'base64'), '') as ids
                  from (select uuid_send(s.id) as id from risk_scenarios s where ${where} order by ${orderByOf(sort, direction)}) o`;
  return { text, params: p.values };
}

/**
 * The page rows of the given ids (`$2`, a uuid array), in that order. Its text never changes, so it is
 * prepared once per connection. A scenario deleted since its id was read is simply missing.
 */
export const REGISTER_ROWS_BY_IDS_SQL: BuiltSql = {
  text: pageTail(
    'select u.id, u.ord from unnest($2::uuid[]) with ordinality as u(id, ord)',
    'page join risk_scenarios s on s.org_id = $1 and s.id = page.id',
    'page.ord',
    'null::int as total, null::text as stamp',
  ),
  params: [],
  name: 'bulwark_register_rows_by_ids',
};

/**
 * Counts per (version, likelihood, consequence) of one rating, for the heat map; unrated rows have nulls.
 * Every row carries the audit head of the statement's snapshot (`stamp`).
 */
export function heatMapSql(scope: FilterScope, filter: Partial<TRegisterFilter>, rating: HeatMapRating): BuiltSql {
  const p = new Params();
  const where = whereOf(scope, filter, p);
  const text = `select ${AUDIT_HEAD_SQL} as stamp, s.criteria_version as version, s.${rating}_likelihood as likelihood,
                       s.${rating}_consequence as consequence, count(*)::int as n
                  from risk_scenarios s where ${where}
                 group by 2, 3, 4`;
  return { text, params: p.values };
}

/**
 * The criteria set a view shows (the one asked for, or the organization's default), its versions, how many
 * sets exist, and the organization's audit head (register-cache.ts). Run on every register and heat-map
 * request, remembered answers included, so it is prepared: planning it cost the database more than running it.
 */
export function criteriaScopeSql(orgId: string, criteriaId: string | undefined): BuiltSql {
  const params: unknown[] = [orgId];
  const which = criteriaId ? `c.id = ${(params.push(criteriaId), '$2')}::uuid` : 'c.is_default';
  const text = `select c.id, c.name, c.current_version, (select count(*) from risk_criteria o where o.org_id = $1)::int as sets,
                       (select array_agg(v.version order by v.version) from risk_criteria_versions v where v.org_id = $1 and v.criteria_id = c.id) as versions,
                       ${AUDIT_HEAD_SQL} as stamp
                  from risk_criteria c where c.org_id = $1 and ${which}`;
  return { text, params, name: criteriaId ? 'bulwark_register_scope_set' : 'bulwark_register_scope_default' };
}
