import { checkedQuery } from '../platform/auth/token-check.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { notFound, unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { criteriaVersions } from './criteria-cache.ts';
import { StampedMemo } from '../platform/db/stamped-memo.ts';
import { cachedAt, registerCacheKey, remember } from './register-cache.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { criteriaScopeSql, registerPageSql, type FilterScope, type RegisterRow } from './register.query.ts';
import { DEEP_OFFSET, orderedPage, type Ordering } from './register-order.ts';
import type { RegisterSort, TRatingView, TRegisterFilter, TRegisterItem, TRegisterPage, TRegisterQuery } from './register.schema.ts';
import type { Approach, Evaluation, ScenarioStatus, TreatmentOption } from './scenarios.vocabulary.ts';

type Access = Pick<OrgAccess, 'orgId' | 'tokenCheck'>;

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The criteria set a register view shows, with every version's definition (from criteria-cache.ts). */
export interface RegisterScope {
  criteria: { id: string; name: string; version: number };
  current: TCriteriaDefinition;
  /** Definitions by version number. */
  versions: Map<number, TCriteriaDefinition>;
  filterScope: FilterScope;
  /** The organization's audit head when the scope was read: cached answers computed at it still stand. */
  stamp: string;
}

const sameScales = (a: TCriteriaDefinition, b: TCriteriaDefinition): boolean =>
  a.likelihood.length === b.likelihood.length && a.consequence.length === b.consequence.length;

/**
 * Resolves the criteria set (asked for, or the default) and checks the level and cell filters against its
 * current version (422 naming the parameter). null: the organization has no criteria yet, so no scenario.
 * Settles the request's token check in the same round trip.
 */
export async function resolveRegisterScope(
  store: Store,
  access: Access,
  filter: Partial<TRegisterFilter>,
  today = todayUtc(),
): Promise<RegisterScope | null> {
  const scopeSql = criteriaScopeSql(access.orgId, filter.criteriaId);
  const [row] = await checkedQuery<{ id: string; name: string; current_version: number; sets: number; versions: number[]; stamp: string }>(
    store,
    access,
    scopeSql.text,
    scopeSql.params,
    { name: scopeSql.name },
  );
  if (!row) {
    if (filter.criteriaId) throw notFound('Risk criteria');
    return null;
  }
  const definitions = await criteriaVersions(
    store,
    access.orgId,
    row.versions.map((version) => ({ criteriaId: row.id, version })),
  );
  const versions = new Map<number, TCriteriaDefinition>();
  for (const version of row.versions) {
    const definition = definitions.get(`${row.id}:${version}`);
    if (definition) versions.set(version, definition);
  }
  const current = versions.get(row.current_version);
  if (!current) throw notFound(`Version ${row.current_version} of these risk criteria`);
  checkFilterAgainst(current, filter);
  const matching = [...versions].filter(([, definition]) => sameScales(definition, current)).map(([version]) => version);
  return {
    criteria: { id: row.id, name: row.name, version: row.current_version },
    current,
    versions,
    filterScope: {
      orgId: access.orgId,
      criteriaId: row.id,
      restrictCriteria: row.sets > 1,
      today,
      cellVersions: matching.length === versions.size ? null : matching,
    },
    stamp: row.stamp,
  };
}

function checkFilterAgainst(current: TCriteriaDefinition, filter: Partial<TRegisterFilter>): void {
  const issues: FieldIssue[] = [];
  const levels = current.levels.length;
  for (const name of ['level', 'residualLevel'] as const) {
    filter[name]?.forEach((level, i) => {
      if (level >= levels) issues.push({ path: `querystring.${name}.${i}`, message: `these criteria have risk levels 0 to ${levels - 1}` });
    });
  }
  if (filter.cell) {
    const { likelihood, consequence } = filter.cell;
    if (likelihood >= current.likelihood.length || consequence >= current.consequence.length) {
      issues.push({
        path: 'querystring.cell',
        message: `outside the ${current.likelihood.length}×${current.consequence.length} matrix (indexes are zero-based)`,
      });
    }
  }
  if (issues.length > 0) throw unprocessable(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
}

const GREY = '#868E96';

/** A rating named from the definition it was made with; null when not (fully) rated. */
export function ratingView(
  definition: TCriteriaDefinition | undefined,
  likelihood: number | null,
  consequence: number | null,
  level: number | null,
): TRatingView | null {
  if (likelihood === null || consequence === null || level === null) return null;
  const riskLevel = definition?.levels[level];
  return {
    likelihood,
    consequence,
    level,
    likelihoodName: definition?.likelihood[likelihood]?.name ?? `Likelihood ${likelihood + 1}`,
    consequenceName: definition?.consequence[consequence]?.name ?? `Consequence ${consequence + 1}`,
    levelName: riskLevel?.name ?? `Level ${level + 1}`,
    colour: riskLevel?.colour ?? GREY,
  };
}

function presentRow(row: RegisterRow, definition: TCriteriaDefinition | undefined, today: string): TRegisterItem {
  return {
    id: row.id!,
    refId: row.ref_id,
    title: row.title,
    approach: row.approach as Approach,
    status: row.status as ScenarioStatus,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    criteriaVersion: row.criteria_version,
    ratings: {
      inherent: ratingView(definition, row.inherent_likelihood, row.inherent_consequence, row.inherent_level),
      current: ratingView(definition, row.current_likelihood, row.current_consequence, row.current_level),
      target: ratingView(definition, row.target_likelihood, row.target_consequence, row.target_level),
      residual: ratingView(definition, row.residual_likelihood, row.residual_consequence, row.residual_level),
    },
    evaluation: row.evaluation as Evaluation | null,
    treatmentOption: row.treatment_option as TreatmentOption | null,
    progress: { planned: row.planned, inPlace: row.in_place },
    reviewDue: row.review_due,
    reviewOverdue: row.review_due !== null && row.review_due < today,
    acceptance: row.acceptance_expires_on ? { expiresOn: row.acceptance_expires_on, expired: row.acceptance_expires_on < today } : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Names each row's ratings from its own criteria version (rows of a statement with no match: dropped). */
async function presentRows(store: Store, scope: RegisterScope, rows: RegisterRow[]): Promise<TRegisterItem[]> {
  const present = rows.filter((row) => row.id !== null);
  // Rows on the set's versions are all known already; a row on another set (none while restricted) is looked up.
  const others = present
    .filter((row) => row.criteria_id !== scope.criteria.id)
    .map((row) => ({ criteriaId: row.criteria_id, version: row.criteria_version }));
  const foreign =
    others.length > 0 ? await criteriaVersions(store, scope.filterScope.orgId, others) : new Map<string, TCriteriaDefinition>();
  const definitionOf = (row: RegisterRow): TCriteriaDefinition | undefined =>
    row.criteria_id === scope.criteria.id
      ? scope.versions.get(row.criteria_version)
      : foreign.get(`${row.criteria_id}:${row.criteria_version}`);
  return present.map((row) => presentRow(row, definitionOf(row), scope.filterScope.today));
}

/** Runs the page statement (with its count unless the total is remembered at this audit head). */
async function fetchRows(
  store: Store,
  scope: RegisterScope,
  filter: Partial<TRegisterFilter>,
  sort: RegisterSort,
  direction: 'asc' | 'desc' | undefined,
  page: { limit: number | null; offset: number },
  totalFrom: 'cache' | 'count',
): Promise<{ items: TRegisterItem[]; total: number }> {
  const key = totalKeyOf(scope, filter);
  const known = totalFrom === 'cache' ? cachedAt<number>(store, key, scope.stamp) : undefined;
  const built = registerPageSql(scope.filterScope, filter, sort, direction, page, known === undefined);
  const rows = await store.query<RegisterRow>(built.text, built.params);
  let total = known ?? 0;
  if (known === undefined && rows[0]) {
    total = rows[0].total ?? 0;
    remember(store, key, rows[0].stamp!, total);
  }
  return { items: await presentRows(store, scope, rows), total };
}

const totalKeyOf = (scope: RegisterScope, filter: Partial<TRegisterFilter>): string =>
  registerCacheKey('total', scope.filterScope.orgId, scope.criteria.id, scope.filterScope.today, filter);

/** A deep page, sliced from the remembered order of its filter and sort (register-order.ts). */
async function fetchDeepRows(
  store: Store,
  scope: RegisterScope,
  ordering: Ordering,
  page: { limit: number; offset: number },
): Promise<{ items: TRegisterItem[]; total: number }> {
  const { rows, total, stamp } = await orderedPage(store, scope.filterScope, scope.stamp, ordering, page);
  remember(store, totalKeyOf(scope, ordering.filter), stamp, total);
  return { items: await presentRows(store, scope, rows), total };
}

/**
 * Pages remembered at the audit head they were read at, any offset: people reopen first pages most, but also
 * the page they were working through. Bounded, because pages are large (a few tens of kilobytes).
 */
const pages = new StampedMemo<TRegisterPage>(300);
const MEMO_MAX_LIMIT = 100;

/**
 * One page of the register: filtered, sorted and offset-paged in the store, with the exact number of
 * matches. Two round trips: the criteria set (with the token check and the audit head), then the page, with
 * the count in the same statement unless the total is known at this audit head (register-cache.ts); a deep
 * page (offset ≥ DEEP_OFFSET) is a slice of its filter and sort's remembered order instead (register-order.ts).
 * A page already computed at this audit head is answered from memory after the first round trip (the same object,
 * so the route serialises it once): a register is read far more often than written, and any write to a
 * scenario, its links, acceptances, controls or criteria moves the head. (Owner names are the users' own,
 * which an organization's writes do not cover: a renamed owner shows with the new name from the
 * organization's next change.)
 */
export async function listRegister(store: Store, access: Access, query: TRegisterQuery): Promise<TRegisterPage> {
  const { sort, direction, limit, offset, ...filter } = query;
  const scope = await resolveRegisterScope(store, access, filter);
  if (!scope) return { criteria: null, items: [], total: 0, limit, offset };
  const cacheable = limit <= MEMO_MAX_LIMIT;
  const pageKey = registerCacheKey('page', scope.filterScope.orgId, scope.criteria.id, scope.filterScope.today, {
    ...filter,
    sort,
    direction,
    limit,
    offset,
  });
  const remembered = cacheable ? pages.at(store, pageKey, scope.stamp) : undefined;
  if (remembered) return remembered;
  const { items, total } =
    offset >= DEEP_OFFSET
      ? await fetchDeepRows(store, scope, { filter, sort, direction }, { limit, offset })
      : await fetchRows(store, scope, filter, sort, direction, { limit, offset }, 'cache');
  const page = { criteria: scope.criteria, items, total, limit, offset };
  if (cacheable) pages.remember(store, pageKey, scope.stamp, page);
  return page;
}

/** Every matching scenario (reports), highest priority first. */
export async function registerRows(store: Store, scope: RegisterScope, filter: Partial<TRegisterFilter>): Promise<TRegisterItem[]> {
  return (await fetchRows(store, scope, filter, 'priority', undefined, { limit: null, offset: 0 }, 'count')).items;
}
