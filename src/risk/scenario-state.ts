import { and, desc, eq, isNull } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { appliedControls } from './controls.table.ts';
import type { RiskRating, TCriteriaDefinition } from './criteria.definition.ts';
import { diffFields, recordScenarioChange, type Changes, type HistoryAction } from './scenario-history.ts';
import { deriveStatus, residualRating, treatmentProgress, type PlannedControlState, type TreatmentProgress } from './scenario-residual.ts';
import { riskAcceptances, riskScenarioLinks, riskScenarios } from './scenarios.table.ts';
import type { RatingName, ScenarioStatus } from './scenarios.vocabulary.ts';

/*
 * What every scenario mutation shares: the row lock, reading and writing the four ratings, recomputing
 * what follows from them (residual, status), and saving with version + 1, a history row and an audit entry.
 */

export type ScenarioRow = typeof riskScenarios.$inferSelect;
export type AcceptanceRow = typeof riskAcceptances.$inferSelect;

export const todayOf = (now: Date): string => now.toISOString().slice(0, 10);

const byId = (orgId: string, id: string) => and(eq(riskScenarios.orgId, orgId), eq(riskScenarios.id, id));

/** The scenario row, locked FOR UPDATE until the transaction ends. @throws AppError NOT_FOUND */
export async function lockScenario(tx: Queryable, orgId: string, id: string): Promise<ScenarioRow> {
  const [row] = await tx.select().from(riskScenarios).where(byId(orgId, id)).for('update');
  if (!row) throw notFound('Risk scenario');
  return row;
}

/**
 * 404 unless the scenario exists, without locking it: mutations that lock link targets first (before the
 * scenario, see assertLinkTargets) ask this before, so an unknown id is a 404, not a complaint about the body.
 */
export async function assertScenarioExists(db: Queryable, orgId: string, id: string): Promise<void> {
  const [row] = await db.select({ id: riskScenarios.id }).from(riskScenarios).where(byId(orgId, id));
  if (!row) throw notFound('Risk scenario');
}

const COLUMNS = {
  inherent: ['inherentLikelihood', 'inherentConsequence', 'inherentLevel'],
  current: ['currentLikelihood', 'currentConsequence', 'currentLevel'],
  target: ['targetLikelihood', 'targetConsequence', 'targetLevel'],
  residual: ['residualLikelihood', 'residualConsequence', 'residualLevel'],
} as const satisfies Record<RatingName, readonly [keyof ScenarioRow, keyof ScenarioRow, keyof ScenarioRow]>;

export function ratingOf(row: ScenarioRow, name: RatingName): RiskRating | null {
  const [l, c, level] = COLUMNS[name];
  const likelihood = row[l];
  const consequence = row[c];
  const lv = row[level];
  return likelihood === null || consequence === null || lv === null ? null : { likelihood, consequence, level: lv };
}

export function ratingColumns(name: RatingName, rating: RiskRating | null): Partial<ScenarioRow> {
  const [l, c, level] = COLUMNS[name];
  return { [l]: rating?.likelihood ?? null, [c]: rating?.consequence ?? null, [level]: rating?.level ?? null } as Partial<ScenarioRow>;
}

/** The planned controls' status and effectiveness, for the plan's progress. */
export async function plannedControlStates(db: Queryable, orgId: string, scenarioId: string): Promise<PlannedControlState[]> {
  return db
    .select({ status: appliedControls.status, effectiveness: appliedControls.effectiveness })
    .from(riskScenarioLinks)
    .innerJoin(appliedControls, and(eq(appliedControls.orgId, riskScenarioLinks.orgId), eq(appliedControls.id, riskScenarioLinks.targetId)))
    .where(
      and(eq(riskScenarioLinks.orgId, orgId), eq(riskScenarioLinks.scenarioId, scenarioId), eq(riskScenarioLinks.role, 'planned-control')),
    );
}

/** The newest acceptance not withdrawn (expired or not), or null. */
export async function acceptanceInForce(db: Queryable, orgId: string, scenarioId: string): Promise<AcceptanceRow | null> {
  const [row] = await db
    .select()
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.orgId, orgId), eq(riskAcceptances.scenarioId, scenarioId), isNull(riskAcceptances.withdrawnAt)))
    .orderBy(desc(riskAcceptances.acceptedAt), desc(riskAcceptances.id))
    .limit(1);
  return row ?? null;
}

/** An acceptance is valid through its expiry day. */
export const isExpired = (expiresOn: string, today: string): boolean => expiresOn < today;

/**
 * The row with what follows from its ratings, plan and acceptance recomputed: the residual rating and the
 * status. `reopen` clears a closed status.
 */
export async function settle(
  tx: Queryable,
  row: ScenarioRow,
  definition: TCriteriaDefinition,
  today: string,
  options: { reopen?: boolean } = {},
): Promise<{ row: ScenarioRow; progress: TreatmentProgress }> {
  const progress = treatmentProgress(await plannedControlStates(tx, row.orgId, row.id));
  const residual = residualRating(definition, ratingOf(row, 'current'), ratingOf(row, 'target'), progress.fraction);
  const acceptance = await acceptanceInForce(tx, row.orgId, row.id);
  const status: ScenarioStatus = deriveStatus({
    closed: row.status === 'closed' && !options.reopen,
    assessed: row.currentLevel !== null,
    treated: row.treatmentOption !== null,
    progress,
    accepted: acceptance !== null && !isExpired(acceptance.expiresOn, today),
  });
  return { row: { ...row, ...ratingColumns('residual', residual), status }, progress };
}

/** The fields a history row compares, ratings grouped as {likelihood, consequence, level}. */
export function historyView(row: ScenarioRow): Record<string, unknown> {
  return {
    refId: row.refId,
    title: row.title,
    description: row.description,
    approach: row.approach,
    ownerId: row.ownerId,
    riskSourceId: row.riskSourceId,
    desiredEndState: row.desiredEndState,
    criteriaVersion: row.criteriaVersion,
    inherent: ratingOf(row, 'inherent'),
    current: ratingOf(row, 'current'),
    target: ratingOf(row, 'target'),
    residual: ratingOf(row, 'residual'),
    rationale: row.rationale,
    strengthOfKnowledge: row.strengthOfKnowledge,
    evaluation: row.evaluation,
    treatmentOption: row.treatmentOption,
    treatmentJustification: row.treatmentJustification,
    status: row.status,
    reviewDue: row.reviewDue,
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    tags: row.tags,
  };
}

/**
 * Saves `next` over `before` (version + 1) with one history row and one audit entry, in the caller's
 * transaction. `extra` adds changes the row does not hold (links, plan progress).
 */
export async function saveScenario(
  tx: Queryable,
  access: OrgAccess,
  before: ScenarioRow,
  next: ScenarioRow,
  action: HistoryAction,
  options: { extra?: Changes; note?: string | null; now?: Date; summary?: Record<string, unknown> } = {},
): Promise<ScenarioRow> {
  const now = options.now ?? new Date();
  const saved: ScenarioRow = { ...next, version: before.version + 1, updatedAt: now };
  await tx.update(riskScenarios).set(saved).where(byId(access.orgId, before.id));
  await recordScenarioChange(
    tx,
    access,
    {
      scenario: saved,
      action,
      changes: { ...diffFields(historyView(before), historyView(saved)), ...options.extra },
      note: options.note ?? null,
      before,
      after: saved,
      ...(options.summary ? { summary: options.summary } : {}),
    },
    now,
  );
  return saved;
}
