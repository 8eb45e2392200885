import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import { assertScenarioExists } from '../risk/scenario-state.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import { parseAnalysis, type ScenarioAnalysis } from './fair/analysis.ts';
import { fairAnalyses } from './fair.table.ts';
import { DEFAULT_ITERATIONS, type TFairAnalysis, type TFairAnalysisInput, type TScenarioFair } from './fair.schema.ts';
import { asUnprocessable, checkIterations, checkSeed, latestScenarioRun, presentRun, randomSeed, readSettings } from './fair-store.ts';

export type AnalysisRow = typeof fairAnalyses.$inferSelect;

/** The typed analysis of a stored row (stored rows were accepted by parseAnalysis when saved). */
export const analysisOf = (row: AnalysisRow): ScenarioAnalysis =>
  ({
    model: row.model,
    inputs: row.inputs,
    controls: row.controls,
    ...(row.pertSampling === 'table' ? { pertSampling: 'table' } : {}),
  }) as unknown as ScenarioAnalysis;

function presentAnalysis(row: AnalysisRow): TFairAnalysis {
  return {
    model: row.model as TFairAnalysis['model'],
    inputs: row.inputs,
    controls: row.controls,
    pertSampling: row.pertSampling as TFairAnalysis['pertSampling'],
    iterations: row.iterations,
    seed: row.seed,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

export async function readAnalysis(db: Queryable, orgId: string, scenarioId: string, lock = false): Promise<AnalysisRow | null> {
  const query = db
    .select()
    .from(fairAnalyses)
    .where(and(eq(fairAnalyses.orgId, orgId), eq(fairAnalyses.scenarioId, scenarioId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The scenario's analysis, its latest run and the currency figures are in. @throws NOT_FOUND for another tenant's scenario */
export async function getScenarioFair(store: Store, access: OrgAccess, scenarioId: string): Promise<TScenarioFair> {
  await assertScenarioExists(store.db, access.orgId, scenarioId);
  const [row, run, settings] = await Promise.all([
    readAnalysis(store.db, access.orgId, scenarioId),
    latestScenarioRun(store.db, access.orgId, scenarioId),
    readSettings(store.db, access.orgId),
  ]);
  return { analysis: row ? presentAnalysis(row) : null, latestRun: run ? presentRun(run) : null, currency: settings?.currency ?? null };
}

/**
 * Saves the scenario's analysis (replacing the one before). The engine checks every value and every driver named
 * against the organization's drivers (locked until commit, so one cannot be removed under a new reference);
 * a bad one is a 422 at its path and nothing is written.
 */
export async function saveAnalysis(
  store: Store,
  access: OrgAccess,
  scenarioId: string,
  input: Omit<TFairAnalysisInput, 'version'>,
  expectedVersion: number | undefined,
): Promise<TScenarioFair> {
  await store.db.transaction(async (tx) => {
    const { orgId } = access;
    const [scenario] = await tx
      .select({ refId: riskScenarios.refId })
      .from(riskScenarios)
      .where(and(eq(riskScenarios.orgId, orgId), eq(riskScenarios.id, scenarioId)))
      .for('key share');
    if (!scenario) throw notFound('Risk scenario');
    const settings = await readSettings(tx, orgId, 'share');
    const driverKeys = new Set((settings?.drivers ?? []).map((d) => d.key));
    let analysis: ScenarioAnalysis;
    try {
      analysis = parseAnalysis(
        { model: input.model, inputs: input.inputs, controls: input.controls ?? [], pertSampling: input.pertSampling ?? 'exact' },
        driverKeys,
      );
    } catch (error) {
      asUnprocessable(error, 'body');
    }
    const iterations = checkIterations(input.iterations ?? DEFAULT_ITERATIONS, 'body.iterations');
    const seed = checkSeed(input.seed ?? randomSeed(), 'body.seed');
    const before = await readAnalysis(tx, orgId, scenarioId, true);
    if (before) assertVersion('FAIR analysis', before.version, expectedVersion);
    const row: AnalysisRow = {
      orgId,
      scenarioId,
      model: analysis.model,
      inputs: analysis.inputs as unknown as Record<string, unknown>,
      controls: (analysis.controls ?? []) as unknown[],
      pertSampling: analysis.pertSampling ?? 'exact',
      iterations,
      seed,
      version: (before?.version ?? 0) + 1,
      updatedAt: new Date(),
      updatedBy: access.actor.label,
    };
    if (before)
      await tx
        .update(fairAnalyses)
        .set(row)
        .where(and(eq(fairAnalyses.orgId, orgId), eq(fairAnalyses.scenarioId, scenarioId)));
    else await tx.insert(fairAnalyses).values(row);
    await appendAudit(tx, orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: before ? 'fair-analysis.updated' : 'fair-analysis.created',
      targetType: 'risk-scenario',
      targetId: scenarioId,
      before: before ?? undefined,
      after: row,
      summary: { refId: scenario?.refId, model: row.model, iterations, seed, controls: row.controls.length },
    });
  });
  return getScenarioFair(store, access, scenarioId);
}

/** Removes the scenario's analysis; its runs stay (they record what was run). @throws NOT_FOUND when it has none */
export async function deleteAnalysis(store: Store, access: OrgAccess, scenarioId: string): Promise<void> {
  await store.db.transaction(async (tx) => {
    await assertScenarioExists(tx, access.orgId, scenarioId);
    const before = await readAnalysis(tx, access.orgId, scenarioId, true);
    if (!before) return;
    await tx.delete(fairAnalyses).where(and(eq(fairAnalyses.orgId, access.orgId), eq(fairAnalyses.scenarioId, scenarioId)));
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'fair-analysis.deleted',
      targetType: 'risk-scenario',
      targetId: scenarioId,
      before,
      summary: { model: before.model },
    });
  });
}
