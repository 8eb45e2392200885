import { and, asc, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import type { THistoryEntry } from './scenarios.schema.ts';
import { riskScenarioHistory as h } from './scenarios.table.ts';

/** What a history row says happened (risk_scenario_history.action). */
export type HistoryAction =
  'created' | 'updated' | 'assessed' | 'treatment' | 'accepted' | 'acceptance-withdrawn' | 'reviewed' | 'residual-recomputed';

export type Changes = Record<string, [unknown, unknown]>;

/** field → [before, after] for every field of `after` whose value differs from `before` (compared as JSON). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before[field] ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(value ?? null)) changes[field] = [previous, value ?? null];
  }
  return changes;
}

export interface ScenarioChange {
  scenario: { id: string; refId: string; title: string };
  action: HistoryAction;
  changes: Changes;
  note?: string | null;
  /** The audit entry's before/after (digests only are stored) and summary extras. */
  before?: unknown;
  after?: unknown;
  summary?: Record<string, unknown>;
}

/**
 * Records one change of a scenario: a history row (the next seq of the scenario; the caller holds the
 * scenario row's lock, so seq cannot race) and the audit entry, both in the caller's transaction.
 */
export async function recordScenarioChange(
  tx: Queryable,
  access: OrgAccess,
  change: ScenarioChange,
  now: Date = new Date(),
): Promise<void> {
  const { scenario } = change;
  const [last] = await tx
    .select({ seq: sql<number>`coalesce(max(${h.seq}), 0)::int` })
    .from(h)
    .where(and(eq(h.orgId, access.orgId), eq(h.scenarioId, scenario.id)));
  await tx.insert(h).values({
    orgId: access.orgId,
    scenarioId: scenario.id,
    seq: (last?.seq ?? 0) + 1,
    at: now,
    actor: access.actor.label,
    action: change.action,
    changes: change.changes,
    note: change.note ?? null,
  });
  await appendAudit(
    tx,
    access.orgId,
    {
      actor: access.actor,
      requestId: access.requestId,
      action: `risk-scenario.${change.action}`,
      targetType: 'risk-scenario',
      targetId: scenario.id,
      ...(change.before === undefined ? {} : { before: change.before }),
      ...(change.after === undefined ? {} : { after: change.after }),
      summary: { refId: scenario.refId, title: scenario.title, changed: Object.keys(change.changes), ...change.summary },
    },
    now,
  );
}

export async function listHistory(db: Queryable, orgId: string, scenarioId: string): Promise<THistoryEntry[]> {
  const rows = await db
    .select()
    .from(h)
    .where(and(eq(h.orgId, orgId), eq(h.scenarioId, scenarioId)))
    .orderBy(asc(h.seq));
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    changes: row.changes,
    note: row.note,
  }));
}
