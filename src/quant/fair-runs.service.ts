import { and, desc, eq, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { enqueueJob } from '../platform/jobs/jobs.service.ts';
import { assessScenario } from '../risk/scenario-assessment.service.ts';
import { loadCriteria } from '../risk/scenario-criteria.ts';
import { assertScenarioExists } from '../risk/scenario-state.ts';
import type { TScenario } from '../risk/scenarios.schema.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import { analyzeScenario, parseAnalysis, type ScenarioAnalysis, type ScenarioResult } from './fair/analysis.ts';
import { fairRuns } from './fair.table.ts';
import { INLINE_LIMIT, type TFairRun, type TFairRunSummary, type TRunStarted } from './fair.schema.ts';
import { analysisOf, readAnalysis } from './fair-analysis.service.ts';
import { assertWithinBudget, type FairBudget } from './fair-budget.ts';
import { FAIR_JOB_KIND, type ScenarioJobInput } from './fair-job-input.ts';
import { mapOntoBands, ratingRationale } from './fair-rating.ts';
import { asUnprocessable, driverDistributions, insertRun, presentRun, readSettings } from './fair-store.ts';
import { driverKeysOf } from './fair/parse-analysis.ts';
import { tracedIterations } from './fair/scenario.ts';

/** What a scenario run records as its analysis: the analysis and the drivers it named, exactly as run. */
export interface ScenarioRunAnalysis {
  analysis: ScenarioAnalysis;
  drivers: Record<string, unknown>;
}

/**
 * Simulated years a scenario run costs the engine, roughly: the run itself and about one more pass per control
 * (the controls reuse the baseline's years and only redraw their reductions), plus the tornado's traced run
 * when asked for.
 */
export function inlineWork(iterations: number, controls: number, sensitivity: boolean): number {
  return iterations * (1 + controls) + tracedIterations(iterations, sensitivity);
}

/**
 * Runs the scenario's stored analysis with its iterations and seed. Small runs (inlineWork up to
 * INLINE_LIMIT) run in the request and are stored (201); larger ones are queued as a 'fair.simulate' job that runs
 * in a worker thread (202). A run the budget refuses stores and queues nothing.
 */
export async function runScenario(
  store: Store,
  access: OrgAccess,
  budget: FairBudget,
  scenarioId: string,
  options: { sensitivity: boolean; inline?: boolean },
): Promise<TRunStarted> {
  const { orgId } = access;
  await assertScenarioExists(store.db, orgId, scenarioId);
  const row = await readAnalysis(store.db, orgId, scenarioId);
  if (!row)
    throw unprocessable('The scenario has no FAIR analysis yet: save one first (PUT …/fair)', [
      { path: 'analysis', message: 'none saved for this scenario' },
    ]);
  const settings = await readSettings(store.db, orgId);
  // Parsed again against today's drivers: a driver's removal is refused while an analysis names it, but the
  // engine may have grown stricter since the analysis was saved.
  let analysis: ScenarioAnalysis;
  try {
    analysis = parseAnalysis(analysisOf(row), new Set((settings?.drivers ?? []).map((d) => d.key)));
  } catch (error) {
    asUnprocessable(error, 'analysis');
  }
  const drivers = driverDistributions(settings?.drivers ?? [], new Set(driverKeysOf(analysis)));
  const controls = analysis.controls?.length ?? 0;
  assertWithinBudget(
    budget,
    1,
    row.iterations,
    { sensitivity: options.sensitivity, controls, analyses: [analysis] },
    'analysis.iterations',
  );
  const recorded: ScenarioRunAnalysis = { analysis, drivers };

  if (options.inline || inlineWork(row.iterations, controls, options.sensitivity) <= INLINE_LIMIT) {
    const started = performance.now();
    let result: ScenarioResult;
    try {
      result = analyzeScenario(analysis, { iterations: row.iterations, seed: row.seed, drivers, sensitivity: options.sensitivity });
    } catch (error) {
      asUnprocessable(error, 'analysis');
    }
    const durationMs = performance.now() - started;
    const saved = await store.db.transaction(async (tx) => {
      // The scenario may have gone while the engine ran: 404 rather than a foreign-key error.
      await assertScenarioExists(tx, orgId, scenarioId);
      return insertRun(
        tx,
        orgId,
        access.actor,
        access.requestId,
        { kind: 'scenario', scenarioId, model: analysis.model, analysis: recorded, result: result as never, durationMs, jobId: null },
        { scenarioId, iterations: row.iterations, seed: row.seed, mean: result.annualLoss.mean },
      );
    });
    return { run: presentRun(saved), job: null };
  }

  const input: ScenarioJobInput = {
    kind: 'scenario',
    scenarioId,
    analysis,
    drivers,
    iterations: row.iterations,
    seed: row.seed,
    sensitivity: options.sensitivity,
    actor: access.actor,
  };
  const job = await store.db.transaction((tx) => enqueueJob(tx, access, FAIR_JOB_KIND, input));
  return { run: null, job };
}

/** The scenario's runs, newest first, as summaries (no curves). */
export async function listScenarioRuns(store: Store, access: OrgAccess, scenarioId: string, limit: number): Promise<TFairRunSummary[]> {
  await assertScenarioExists(store.db, access.orgId, scenarioId);
  const rows = await store.db
    .select({
      id: fairRuns.id,
      createdAt: fairRuns.createdAt,
      createdBy: fairRuns.createdBy,
      iterations: fairRuns.iterations,
      seed: fairRuns.seed,
      engine: fairRuns.engine,
      mean: sql<number | null>`(${fairRuns.result}->'annualLoss'->>'mean')::float8`,
      p95: sql<number | null>`(${fairRuns.result}->'annualLoss'->>'p95')::float8`,
      p99: sql<number | null>`(${fairRuns.result}->'annualLoss'->>'p99')::float8`,
    })
    .from(fairRuns)
    .where(and(eq(fairRuns.orgId, access.orgId), eq(fairRuns.scenarioId, scenarioId)))
    .orderBy(desc(fairRuns.createdAt), desc(fairRuns.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getRun(store: Store, access: OrgAccess, runId: string): Promise<TFairRun> {
  const [row] = await store.db
    .select()
    .from(fairRuns)
    .where(and(eq(fairRuns.orgId, access.orgId), eq(fairRuns.id, runId)));
  if (!row) throw notFound('FAIR run');
  return presentRun(row);
}

/**
 * Sets a rating from a run: its loss event frequency mean onto the likelihood levels' events-per-year bands and
 * its loss magnitude mean onto the consequence levels' monetary bands, of the scenario's criteria version,
 * written through the assessment (so the residual, status, history and audit follow as for any assessment).
 */
export async function applyRating(
  store: Store,
  access: OrgAccess,
  scenarioId: string,
  input: { runId: string; rating: 'inherent' | 'current' | 'target' },
  expectedVersion: number | undefined,
): Promise<TScenario> {
  const { orgId } = access;
  const [scenario] = await store.db
    .select({ criteriaId: riskScenarios.criteriaId, criteriaVersion: riskScenarios.criteriaVersion, version: riskScenarios.version })
    .from(riskScenarios)
    .where(and(eq(riskScenarios.orgId, orgId), eq(riskScenarios.id, scenarioId)));
  if (!scenario) throw notFound('Risk scenario');
  const [run] = await store.db
    .select()
    .from(fairRuns)
    .where(and(eq(fairRuns.orgId, orgId), eq(fairRuns.id, input.runId)));
  if (!run || run.kind !== 'scenario' || run.scenarioId !== scenarioId)
    throw unprocessable('body.runId: not a run of this scenario', [
      { path: 'body.runId', message: 'no run of this scenario with this id' },
    ]);
  const result = run.result as ScenarioResult;
  if (!result.lossMagnitude)
    throw unprocessable('body.runId: no loss event occurred in this run, so its magnitude cannot be placed on the consequence scale', [
      { path: 'body.runId', message: 'the run has no loss event; no magnitude to map' },
    ]);
  const { definition } = await loadCriteria(store.db, orgId, scenario.criteriaId, scenario.criteriaVersion);
  const settings = await readSettings(store.db, orgId);
  if (settings?.currency && definition.currency && settings.currency !== definition.currency)
    throw unprocessable(
      `FAIR figures are in ${settings.currency} but the criteria's monetary bands are in ${definition.currency}; align the currencies first`,
      [{ path: 'criteria.currency', message: `is ${definition.currency}, the FAIR settings say ${settings.currency}` }],
    );
  const mapped = mapOntoBands(definition, result.lossEventFrequency.mean, result.lossMagnitude.mean);
  if ('problems' in mapped)
    throw unprocessable(
      `The criteria cannot take a quantitative result: ${mapped.problems.map((p) => p.message).join('; ')}`,
      mapped.problems.map((p) => ({ path: `criteria.${p.scale}`, message: p.message })),
    );
  const rationale = ratingRationale(run, mapped.mapping, {
    eventsPerYear: result.lossEventFrequency.mean,
    lossPerEvent: result.lossMagnitude.mean,
    annualLossMean: result.annualLoss.mean,
    currency: settings?.currency ?? definition.currency,
  });
  return assessScenario(
    store,
    access,
    scenarioId,
    {
      [input.rating]: { likelihood: mapped.mapping.likelihood.index, consequence: mapped.mapping.consequence.index },
      rationale: { [input.rating]: rationale },
      useLatestCriteria: false,
    },
    expectedVersion ?? scenario.version,
  );
}
