import { and, desc, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { Actor } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { FairParameterError } from './fair/errors.ts';
import { MAX_ITERATIONS } from './fair/model.ts';
import type { Distribution } from './fair/distributions.ts';
import { fairRuns, fairSettings, type DriverRow } from './fair.table.ts';
import type { TFairRun, TFairSettings } from './fair.schema.ts';

/*
 * What the FAIR services share: presenting and storing runs, the settings row, the drivers an analysis names,
 * and the checks on iterations and seed.
 */

export type RunRow = typeof fairRuns.$inferSelect;
export type SettingsRow = typeof fairSettings.$inferSelect;

export function presentRun(row: RunRow): TFairRun {
  return {
    id: row.id,
    kind: row.kind as TFairRun['kind'],
    scenarioId: row.scenarioId,
    engine: row.engine,
    model: row.model as TFairRun['model'],
    iterations: row.iterations,
    seed: row.seed,
    analysis: row.analysis,
    result: row.result as TFairRun['result'],
    durationMs: row.durationMs,
    jobId: row.jobId,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
  };
}

export interface NewRun {
  kind: 'scenario' | 'portfolio';
  scenarioId: string | null;
  model: string | null;
  analysis: unknown;
  result: { engine: string; iterations: number; seed: number } & Record<string, unknown>;
  durationMs: number;
  jobId: string | null;
}

/** Stores a run and audits it, in the caller's transaction (an inline run's request, or the job's commit). */
export async function insertRun(
  tx: Queryable,
  orgId: string,
  actor: Actor,
  requestId: string | null,
  run: NewRun,
  summary: Record<string, unknown>,
): Promise<RunRow> {
  const row: RunRow = {
    orgId,
    id: newId(),
    kind: run.kind,
    scenarioId: run.scenarioId,
    engine: run.result.engine,
    model: run.model,
    analysis: run.analysis,
    iterations: run.result.iterations,
    seed: run.result.seed,
    result: run.result,
    durationMs: Math.max(0, Math.round(run.durationMs)),
    jobId: run.jobId,
    createdAt: new Date(),
    createdBy: actor.label,
  };
  await tx.insert(fairRuns).values(row);
  await appendAudit(tx, orgId, {
    actor,
    requestId,
    action: 'fair-run.created',
    targetType: 'fair-run',
    targetId: row.id,
    // The result itself stays in fair_runs; the trail records what was run and the headline figure.
    after: { kind: row.kind, scenarioId: row.scenarioId, engine: row.engine, iterations: row.iterations, seed: row.seed, jobId: row.jobId },
    summary,
  });
  return row;
}

export async function latestScenarioRun(db: Queryable, orgId: string, scenarioId: string): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(fairRuns)
    .where(and(eq(fairRuns.orgId, orgId), eq(fairRuns.scenarioId, scenarioId)))
    .orderBy(desc(fairRuns.createdAt), desc(fairRuns.id))
    .limit(1);
  return row ?? null;
}

export const DEFAULT_SETTINGS: Omit<SettingsRow, 'orgId' | 'updatedAt' | 'updatedBy'> = {
  currency: null,
  appetite: [],
  tolerance: [],
  drivers: [],
};

/** The settings row, or null; `lock` = 'share' keeps the drivers from being removed until the transaction ends. */
export async function readSettings(db: Queryable, orgId: string, lock?: 'share' | 'update'): Promise<SettingsRow | null> {
  const query = db.select().from(fairSettings).where(eq(fairSettings.orgId, orgId));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export function presentSettings(row: SettingsRow | null): TFairSettings {
  return {
    currency: row?.currency ?? null,
    appetite: row?.appetite ?? [],
    tolerance: row?.tolerance ?? [],
    drivers: (row?.drivers ?? []).map((d) => ({
      key: d.key,
      name: d.name,
      description: d.description ?? null,
      distribution: d.distribution,
    })),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** The drivers' distributions by key, limited to `keys` when given (what a run needs and records). */
export function driverDistributions(drivers: readonly DriverRow[], keys?: ReadonlySet<string>): Record<string, Distribution> {
  const out: Record<string, Distribution> = {};
  for (const driver of drivers) if (!keys || keys.has(driver.key)) out[driver.key] = driver.distribution as unknown as Distribution;
  return out;
}

/** @throws AppError UNPROCESSABLE at `path` unless 1 ≤ iterations ≤ the engine's maximum, an integer */
export function checkIterations(value: number, path: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ITERATIONS) {
    throw unprocessable(`${path}: iterations must be an integer from 1 to ${MAX_ITERATIONS.toLocaleString('en')}`, [
      { path, message: `must be an integer from 1 to ${MAX_ITERATIONS.toLocaleString('en')}` },
    ]);
  }
  return value;
}

/** @throws AppError UNPROCESSABLE at `path` unless a safe integer ≥ 0 */
export function checkSeed(value: number, path: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw unprocessable(`${path}: the seed must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}`, [
      { path, message: `must be an integer from 0 to ${Number.MAX_SAFE_INTEGER}` },
    ]);
  }
  return value;
}

/** A fresh seed for a run or analysis that did not name one (32 bits: easy to read back and type in). */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 32);

/** An engine complaint as a 422 at the path the client sent (`prefix` + the engine's dotted path); others rethrown. */
export function asUnprocessable(error: unknown, prefix: string): never {
  if (error instanceof FairParameterError) {
    const path = error.parameter ? `${prefix}.${error.parameter}` : prefix;
    const message = error.message.startsWith(`${error.parameter}: `) ? error.message.slice(error.parameter.length + 2) : error.message;
    throw unprocessable(`${path}: ${message}`, [{ path, message }]);
  }
  throw error;
}
