import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import { historyNames } from './scenario-history-names.ts';
import { listHistory } from './scenario-history.ts';
import { loadCriteria } from './scenario-criteria.ts';
import { addDays, reviewPeriodDays } from './scenario-rating.ts';
import { getScenario } from './scenario-read.ts';
import { assertScenarioExists, lockScenario, saveScenario, todayOf } from './scenario-state.ts';
import type { THistoryEntry, TReviewInput, TScenario } from './scenarios.schema.ts';

/**
 * Records a review: the scenario was looked at again and still stands (the note says what was found). The
 * next review falls one period later, the period of its current level; a scenario not yet rated gets the
 * lowest level's (the longest).
 */
export async function reviewScenario(
  store: Store,
  access: OrgAccess,
  id: string,
  input: Omit<TReviewInput, 'version'>,
  expectedVersion: number,
): Promise<TScenario> {
  await store.db.transaction(async (tx) => {
    const now = new Date();
    const before = await lockScenario(tx, access.orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    const { definition } = await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const reviewDue = addDays(todayOf(now), reviewPeriodDays(definition, before.currentLevel ?? 0));
    await saveScenario(tx, access, before, { ...before, reviewDue, lastReviewedAt: now }, 'reviewed', { now, note: input.note ?? null });
  });
  return getScenario(store, access, id);
}

/** The scenario's history, oldest first, with names for the ids its changes mention. */
export async function scenarioHistory(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  id: string,
): Promise<{ items: THistoryEntry[]; names: Record<string, string> }> {
  await assertScenarioExists(store.db, access.orgId, id);
  const items = await listHistory(store.db, access.orgId, id);
  return { items, names: await historyNames(store.db, access.orgId, items) };
}
