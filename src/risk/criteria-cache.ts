import type { Store } from '../platform/db/store.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';

/*
 * Criteria versions in memory. A version is never changed once written (a revision adds a version), so a
 * definition read once stays right for ever and needs no invalidation: the register names every rating
 * from its own version without reading the version table on each request. Per store, like the token cache,
 * because ids are per database.
 */

const MAX_CACHED_VERSIONS = 5_000;
const caches = new WeakMap<Store, Map<string, TCriteriaDefinition>>();

export interface VersionRef {
  criteriaId: string;
  version: number;
}

const keyOf = (orgId: string, ref: VersionRef): string => `${orgId}:${ref.criteriaId}:${ref.version}`;

function cacheOf(store: Store): Map<string, TCriteriaDefinition> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

/**
 * The definitions of `refs` (one query for those not yet in memory), keyed `criteriaId:version`. A version
 * that does not exist is simply absent from the answer.
 */
export async function criteriaVersions(store: Store, orgId: string, refs: VersionRef[]): Promise<Map<string, TCriteriaDefinition>> {
  const cache = cacheOf(store);
  const found = new Map<string, TCriteriaDefinition>();
  const missing: VersionRef[] = [];
  for (const ref of refs) {
    const local = `${ref.criteriaId}:${ref.version}`;
    if (found.has(local)) continue;
    const definition = cache.get(keyOf(orgId, ref));
    if (definition) found.set(local, definition);
    else if (!missing.some((m) => m.criteriaId === ref.criteriaId && m.version === ref.version)) missing.push(ref);
  }
  if (missing.length === 0) return found;
  const rows = await store.query<{ criteria_id: string; version: number; definition: TCriteriaDefinition }>(
    `select v.criteria_id, v.version, v.definition
       from risk_criteria_versions v
       join unnest($2::uuid[], $3::int[]) as wanted(criteria_id, version)
         on v.criteria_id = wanted.criteria_id and v.version = wanted.version
      where v.org_id = $1`,
    [orgId, missing.map((m) => m.criteriaId), missing.map((m) => m.version)],
  );
  for (const row of rows) {
    const ref = { criteriaId: row.criteria_id, version: row.version };
    const definition = Object.freeze(row.definition);
    cache.set(keyOf(orgId, ref), definition);
    found.set(`${ref.criteriaId}:${ref.version}`, definition);
  }
  // Maps iterate in insertion order: drop the oldest beyond the bound.
  while (cache.size > MAX_CACHED_VERSIONS) cache.delete(cache.keys().next().value!);
  return found;
}

/** One version's definition, or undefined when it does not exist. */
export async function criteriaVersion(store: Store, orgId: string, ref: VersionRef): Promise<TCriteriaDefinition | undefined> {
  return (await criteriaVersions(store, orgId, [ref])).get(`${ref.criteriaId}:${ref.version}`);
}
