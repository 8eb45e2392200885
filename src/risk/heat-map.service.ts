import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { cachedAt, registerCacheKey, remember } from './register-cache.ts';
import { heatMapSql } from './register.query.ts';
import type { HeatMapRating, THeatMap, THeatMapQuery, TRegisterFilter } from './register.schema.ts';
import { resolveRegisterScope, type RegisterScope } from './register.service.ts';

/**
 * A heat map of one rating over the scenarios of one criteria set (any of its versions), labelled with the
 * current version's scales. A scenario assessed on an older version whose scales have the same sizes is
 * counted at its indexes (the cell's colour is the current matrix's); one whose version has other sizes
 * cannot be placed and is counted in `otherScale`. One GROUP BY query, remembered until the organization's
 * audit head moves (register-cache.ts).
 */
export async function heatMapOf(
  store: Store,
  scope: RegisterScope,
  filter: Partial<TRegisterFilter>,
  rating: HeatMapRating,
): Promise<THeatMap> {
  const key = registerCacheKey(`heat-map:${rating}`, scope.filterScope.orgId, scope.criteria.id, scope.filterScope.today, filter);
  const known = cachedAt<THeatMap>(store, key, scope.stamp);
  if (known) return known;
  const built = heatMapSql(scope.filterScope, filter, rating);
  const groups = await store.query<{ stamp: string; version: number; likelihood: number | null; consequence: number | null; n: number }>(
    built.text,
    built.params,
  );
  const map = placeGroups(scope, rating, groups);
  // An empty answer carries no head of its own; the scope's was read just before, and nothing matched then either.
  remember(store, key, groups[0]?.stamp ?? scope.stamp, map);
  return map;
}

function placeGroups(
  scope: RegisterScope,
  rating: HeatMapRating,
  groups: { version: number; likelihood: number | null; consequence: number | null; n: number }[],
): THeatMap {
  const { current } = scope;
  const cells = current.matrix.map((row) => row.map((level) => ({ count: 0, level })));
  let total = 0;
  let unrated = 0;
  let otherScale = 0;
  for (const group of groups) {
    if (group.likelihood === null || group.consequence === null) {
      unrated += group.n;
      continue;
    }
    const definition = scope.versions.get(group.version);
    const cell = cells[group.likelihood]?.[group.consequence];
    const placeable =
      definition !== undefined &&
      definition.likelihood.length === current.likelihood.length &&
      definition.consequence.length === current.consequence.length &&
      cell !== undefined;
    if (!placeable) {
      otherScale += group.n;
      continue;
    }
    cell.count += group.n;
    total += group.n;
  }
  return {
    criteria: scope.criteria,
    rating,
    likelihood: current.likelihood.map((level) => level.name),
    consequence: current.consequence.map((level) => level.name),
    levels: current.levels.map((level) => ({ name: level.name, colour: level.colour })),
    cells,
    total,
    unrated,
    otherScale,
  };
}

export async function getHeatMap(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: THeatMapQuery): Promise<THeatMap> {
  const { rating, ...filter } = query;
  const scope = await resolveRegisterScope(store, access, filter);
  if (!scope) {
    return { criteria: null, rating, likelihood: [], consequence: [], levels: [], cells: [], total: 0, unrated: 0, otherScale: 0 };
  }
  return heatMapOf(store, scope, filter, rating);
}
