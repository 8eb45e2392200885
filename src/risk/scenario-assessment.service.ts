import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import { currentCriteria, loadCriteria } from './scenario-criteria.ts';
import { addDays, evaluate, rateInput, ratingIssues, reviewPeriodDays } from './scenario-rating.ts';
import { getScenario } from './scenario-read.ts';
import { lockScenario, ratingColumns, ratingOf, saveScenario, settle, todayOf, type ScenarioRow } from './scenario-state.ts';
import type { TAssessment, TScenario } from './scenarios.schema.ts';

const ANALYST_RATINGS = ['inherent', 'current', 'target'] as const;

/**
 * Risk analysis and evaluation: sets the inherent, current and target ratings (omitted: kept; null:
 * cleared) on the scenario's criteria version, or on the set's current version with useLatestCriteria
 * (ratings kept are re-rated with it, and must fit its scales). Evaluates the current level against the
 * acceptance rules, sets the next review, and recomputes the residual rating and the status.
 * Nothing is written when any rating is outside the scales (422 naming each).
 */
export async function assessScenario(
  store: Store,
  access: OrgAccess,
  id: string,
  input: Omit<TAssessment, 'version'>,
  expectedVersion: number,
): Promise<TScenario> {
  await store.db.transaction(async (tx) => {
    const now = new Date();
    const today = todayOf(now);
    const before = await lockScenario(tx, access.orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    const criteria = input.useLatestCriteria
      ? await currentCriteria(tx, access.orgId, before.criteriaId, 'body.useLatestCriteria')
      : await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const { definition } = criteria;
    const rebased = criteria.version !== before.criteriaVersion;

    let next: ScenarioRow = { ...before, criteriaVersion: criteria.version };
    const issues: FieldIssue[] = [];
    for (const name of ANALYST_RATINGS) {
      const given = input[name];
      const kept = ratingOf(before, name);
      if (given === undefined && !(rebased && kept)) continue;
      const rating = given === undefined ? kept : given;
      if (rating === null) {
        next = { ...next, ...ratingColumns(name, null) };
        continue;
      }
      const problems = ratingIssues(definition, rating, `body.${name}`);
      if (problems.length === 0) next = { ...next, ...ratingColumns(name, rateInput(definition, rating)) };
      else if (given !== undefined) issues.push(...problems);
      else
        issues.push({
          path: `body.${name}`,
          message: `the stored rating (likelihood ${rating.likelihood}, consequence ${rating.consequence}) does not fit version ${criteria.version}’s scales; give it again`,
        });
    }
    if (issues.length > 0) throw unprocessable(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);

    const rationale: Record<string, string> = { ...before.rationale };
    for (const [name, text] of Object.entries(input.rationale ?? {})) {
      if (text === null) delete rationale[name];
      else if (text !== undefined) rationale[name] = text;
    }
    const current = ratingOf(next, 'current');
    next = {
      ...next,
      rationale,
      ...(input.strengthOfKnowledge === undefined ? {} : { strengthOfKnowledge: input.strengthOfKnowledge }),
      evaluation: current ? evaluate(definition, current.level) : null,
      reviewDue: current ? addDays(today, reviewPeriodDays(definition, current.level)) : before.reviewDue,
    };
    const { row } = await settle(tx, next, definition, today);
    await saveScenario(tx, access, before, row, 'assessed', { now, summary: { criteriaVersion: criteria.version } });
  });
  return getScenario(store, access, id);
}
