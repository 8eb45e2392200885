import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { enqueueJob } from '../platform/jobs/jobs.service.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import { analyzePortfolio, compareToCurve, parseAnalysis, type PortfolioEntry, type PortfolioResult } from './fair/analysis.ts';
import { driverKeysOf } from './fair/parse-analysis.ts';
import { fairAnalyses, fairRuns, type CurvePointRow } from './fair.table.ts';
import { DEFAULT_ITERATIONS, INLINE_LIMIT, type TPortfolio, type TPortfolioRunRequest, type TRunStarted } from './fair.schema.ts';
import { analysisOf } from './fair-analysis.service.ts';
import { assertWithinBudget, type FairBudget } from './fair-budget.ts';
import { FAIR_JOB_KIND, type PortfolioJobInput } from './fair-job-input.ts';
import {
  asUnprocessable,
  checkIterations,
  checkSeed,
  driverDistributions,
  insertRun,
  presentRun,
  presentSettings,
  randomSeed,
  readSettings,
} from './fair-store.ts';

/** The result a portfolio run stores: the engine's, with each scenario named and the total set against the curves. */
export function decoratePortfolio(
  result: PortfolioResult,
  input: Pick<PortfolioJobInput, 'names' | 'appetite' | 'tolerance'>,
): PortfolioResult & Record<string, unknown> {
  const against = (curve: CurvePointRow[]) => (curve.length > 0 ? compareToCurve(result.total.exceedance, curve) : null);
  return {
    ...result,
    scenarios: result.scenarios.map((s) => ({ ...s, refId: input.names[s.id]?.refId ?? null, title: input.names[s.id]?.title ?? null })),
    appetite: against(input.appetite),
    tolerance: against(input.tolerance),
  };
}

/** What a portfolio run records as its analysis. */
export const portfolioRunAnalysis = (input: Pick<PortfolioJobInput, 'entries' | 'drivers' | 'names'>) => ({
  entries: input.entries.map((entry) => ({ ...entry, refId: input.names[entry.id]?.refId ?? null })),
  drivers: input.drivers,
});

/**
 * Runs the organization's scenarios together: the total annual loss, each scenario's share, and the total's
 * exceedance curve against the appetite and tolerance curves. Inline up to INLINE_LIMIT simulated scenario-years
 * (201), else a 'fair.simulate' job (202).
 */
export async function runPortfolio(
  store: Store,
  access: OrgAccess,
  budget: FairBudget,
  request: TPortfolioRunRequest,
  options: { inline?: boolean } = {},
): Promise<TRunStarted> {
  const { orgId } = access;
  const iterations = checkIterations(request.iterations ?? DEFAULT_ITERATIONS, 'body.iterations');
  const seed = checkSeed(request.seed ?? randomSeed(), 'body.seed');
  const rows = await store.db
    .select({ id: riskScenarios.id, refId: riskScenarios.refId, title: riskScenarios.title, analysis: fairAnalyses })
    .from(fairAnalyses)
    .innerJoin(riskScenarios, and(eq(riskScenarios.orgId, fairAnalyses.orgId), eq(riskScenarios.id, fairAnalyses.scenarioId)))
    .where(and(eq(fairAnalyses.orgId, orgId), request.scenarioIds ? inArray(fairAnalyses.scenarioId, request.scenarioIds) : undefined))
    .orderBy(asc(sql`lower(${riskScenarios.refId})`), asc(riskScenarios.id));
  if (request.scenarioIds) {
    const found = new Set(rows.map((r) => r.id));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    request.scenarioIds.forEach((id, i) => {
      if (!found.has(id)) issues.push({ path: `body.scenarioIds.${i}`, message: 'no scenario with a FAIR analysis has this id' });
      else if (seen.has(id)) issues.push({ path: `body.scenarioIds.${i}`, message: 'listed twice' });
      seen.add(id);
    });
    if (issues.length > 0) throw unprocessable(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  }
  if (rows.length === 0)
    throw unprocessable('No scenario has a FAIR analysis yet', [{ path: 'body.scenarioIds', message: 'no scenario with a FAIR analysis' }]);

  const settings = await readSettings(store.db, orgId);
  const driverKeys = new Set((settings?.drivers ?? []).map((d) => d.key));
  const entries: PortfolioEntry[] = rows.map((r) => {
    try {
      return { id: r.id, analysis: parseAnalysis(analysisOf(r.analysis), driverKeys) };
    } catch (error) {
      return asUnprocessable(error, `scenarios.${r.refId}`);
    }
  });
  assertWithinBudget(
    budget,
    entries.length,
    iterations,
    { sensitivity: false, analyses: entries.map((e) => e.analysis) },
    'body.iterations',
  );
  const input: PortfolioJobInput = {
    kind: 'portfolio',
    entries,
    names: Object.fromEntries(rows.map((r) => [r.id, { refId: r.refId, title: r.title }])),
    drivers: driverDistributions(settings?.drivers ?? [], new Set(entries.flatMap((e) => driverKeysOf(e.analysis)))),
    appetite: settings?.appetite ?? [],
    tolerance: settings?.tolerance ?? [],
    iterations,
    seed,
    actor: access.actor,
  };

  if (options.inline || iterations * entries.length <= INLINE_LIMIT) {
    const started = performance.now();
    let result: PortfolioResult;
    try {
      result = analyzePortfolio(entries, { iterations, seed, drivers: input.drivers, sensitivity: false });
    } catch (error) {
      asUnprocessable(error, 'scenarios');
    }
    const durationMs = performance.now() - started;
    const decorated = decoratePortfolio(result, input);
    const saved = await store.db.transaction((tx) =>
      insertRun(
        tx,
        orgId,
        access.actor,
        access.requestId,
        {
          kind: 'portfolio',
          scenarioId: null,
          model: null,
          analysis: portfolioRunAnalysis(input),
          result: decorated,
          durationMs,
          jobId: null,
        },
        { scenarios: entries.length, iterations, seed, mean: result.total.mean },
      ),
    );
    return { run: presentRun(saved), job: null };
  }
  const job = await store.db.transaction((tx) => enqueueJob(tx, access, FAIR_JOB_KIND, input));
  return { run: null, job };
}

/** The portfolio page: the latest portfolio run, the settings, and every scenario with an analysis and its latest mean. */
export async function getPortfolio(store: Store, access: OrgAccess): Promise<TPortfolio> {
  const { orgId } = access;
  const [latest] = await store.db
    .select()
    .from(fairRuns)
    .where(and(eq(fairRuns.orgId, orgId), eq(fairRuns.kind, 'portfolio')))
    .orderBy(desc(fairRuns.createdAt), desc(fairRuns.id))
    .limit(1);
  const settings = await readSettings(store.db, orgId);
  const scenarios = await store.query<{ id: string; ref_id: string; title: string; mean: number | null; created_at: Date | string | null }>(
    `select s.id, s.ref_id, s.title, r.mean, r.created_at
       from fair_analyses a
       join risk_scenarios s on s.org_id = a.org_id and s.id = a.scenario_id
       left join lateral (
         select (result->'annualLoss'->>'mean')::float8 as mean, created_at from fair_runs
          where org_id = a.org_id and scenario_id = a.scenario_id
          order by created_at desc, id desc limit 1) r on true
      where a.org_id = $1
      order by lower(s.ref_id), s.id`,
    [orgId],
  );
  return {
    latestRun: latest ? presentRun(latest) : null,
    settings: presentSettings(settings),
    scenarios: scenarios.map((s) => ({
      id: s.id,
      refId: s.ref_id,
      title: s.title,
      mean: s.mean === null ? null : Number(s.mean),
      latestRunAt: s.created_at === null ? null : new Date(s.created_at).toISOString(),
    })),
  };
}
