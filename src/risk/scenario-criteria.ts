import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable } from '../platform/errors/catalogue.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { riskCriteria, riskCriteriaVersions } from './criteria.table.ts';

/** A criteria set as a scenario uses it: one version's definition, and the set's current version. */
export interface ScenarioCriteria {
  id: string;
  name: string;
  version: number;
  latestVersion: number;
  definition: TCriteriaDefinition;
}

/** The definition of one version of a set (the version a scenario was assessed with). */
export async function loadCriteria(db: Queryable, orgId: string, criteriaId: string, version: number): Promise<ScenarioCriteria> {
  const [row] = await db
    .select({ name: riskCriteria.name, latestVersion: riskCriteria.currentVersion, definition: riskCriteriaVersions.definition })
    .from(riskCriteria)
    .innerJoin(
      riskCriteriaVersions,
      and(
        eq(riskCriteriaVersions.orgId, riskCriteria.orgId),
        eq(riskCriteriaVersions.criteriaId, riskCriteria.id),
        eq(riskCriteriaVersions.version, version),
      ),
    )
    .where(and(eq(riskCriteria.orgId, orgId), eq(riskCriteria.id, criteriaId)));
  // Versions are never deleted and a scenario's criteria cannot go away: a miss is a broken store.
  if (!row) throw new Error(`criteria ${criteriaId} version ${version} of organization ${orgId} is missing`);
  return { id: criteriaId, name: row.name, version, latestVersion: row.latestVersion, definition: row.definition };
}

/**
 * The current version of the set `criteriaId`, or of the organization's default set when none is named.
 * @throws AppError UNPROCESSABLE at `path` when there is no such set (or no criteria at all)
 */
export async function currentCriteria(
  db: Queryable,
  orgId: string,
  criteriaId: string | undefined,
  path: string,
): Promise<ScenarioCriteria> {
  const [row] = await db
    .select({ id: riskCriteria.id, version: riskCriteria.currentVersion })
    .from(riskCriteria)
    .where(and(eq(riskCriteria.orgId, orgId), criteriaId ? eq(riskCriteria.id, criteriaId) : eq(riskCriteria.isDefault, true)));
  if (!row) {
    throw criteriaId
      ? unprocessable('No risk criteria with this id in this organization', [{ path, message: 'no risk criteria with this id' }])
      : unprocessable(
          'The organization has no risk criteria yet: create a set first (POST /api/orgs/{org}/risk/criteria, e.g. from a template)',
          [{ path, message: 'no default risk criteria; create criteria first' }],
        );
  }
  return loadCriteria(db, orgId, row.id, row.version);
}
