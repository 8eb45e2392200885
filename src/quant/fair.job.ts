import { and, eq } from 'drizzle-orm';
import { jobs } from '../platform/jobs/jobs.table.ts';
import { JobCancelledError, type JobHandler } from '../platform/jobs/job-runner.ts';
import { assertScenarioExists } from '../risk/scenario-state.ts';
import { FairCancelledError, type PortfolioResult, type ScenarioResult } from './fair/analysis.ts';
import { runInWorker } from './fair/worker/index.ts';
import type { FairJobInput } from './fair-job-input.ts';
import { decoratePortfolio, portfolioRunAnalysis } from './fair-portfolio.service.ts';
import { insertRun } from './fair-store.ts';

/**
 * Job 'fair.simulate': a large scenario or portfolio run in a worker thread, off the event loop. Progress goes
 * to the job row (as thousandths); a cancel, or the runner stopping, terminates the worker. The run is stored
 * in the `ctx.commit` transaction that marks the job succeeded, so a cancelled or interrupted job stores
 * nothing; its result is `{ runId }`.
 */
/** Progress is reported in thousandths of the run. */
const PROGRESS_TOTAL = 1000;

export const fairJobHandler: JobHandler = async (ctx) => {
  const input = ctx.job.input as FairJobInput;
  const abort = new AbortController();
  const onAbort = (): void => abort.abort();
  ctx.signal.addEventListener('abort', onAbort);
  let reporting = false;
  const onProgress = (fraction: number): void => {
    // One progress write at a time (ctx.progress throttles and throws once the job was cancelled).
    if (reporting) return;
    reporting = true;
    ctx
      .progress(Math.round(Math.min(1, Math.max(0, fraction)) * PROGRESS_TOTAL), PROGRESS_TOTAL)
      .catch(() => abort.abort())
      .finally(() => (reporting = false));
  };
  const options = { iterations: input.iterations, seed: input.seed, drivers: input.drivers };
  const started = performance.now();
  let result: ScenarioResult | PortfolioResult;
  try {
    await ctx.progress(0, PROGRESS_TOTAL);
    result = await runInWorker(
      input.kind === 'scenario'
        ? { kind: 'scenario', analysis: input.analysis, options: { ...options, sensitivity: input.sensitivity } }
        : { kind: 'portfolio', entries: input.entries, options: { ...options, sensitivity: false } },
      { onProgress, signal: abort.signal },
    );
  } catch (error) {
    if (error instanceof FairCancelledError || abort.signal.aborted) throw new JobCancelledError();
    throw error;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
  const durationMs = performance.now() - started;
  return ctx.commit(async (tx) => {
    // Throttled reports may have skipped the last one: the job ends at 1000/1000 with the run.
    await tx
      .update(jobs)
      .set({ progressDone: PROGRESS_TOTAL, progressTotal: PROGRESS_TOTAL })
      .where(and(eq(jobs.orgId, ctx.job.orgId), eq(jobs.id, ctx.job.id)));
    if (input.kind === 'scenario') {
      await assertScenarioExists(tx, ctx.job.orgId, input.scenarioId).catch(() => {
        throw new Error('the scenario was deleted while its FAIR run was in progress; nothing was stored');
      });
      const scenarioResult = result as ScenarioResult;
      const row = await insertRun(
        tx,
        ctx.job.orgId,
        input.actor,
        null,
        {
          kind: 'scenario',
          scenarioId: input.scenarioId,
          model: input.analysis.model,
          analysis: { analysis: input.analysis, drivers: input.drivers },
          result: scenarioResult as never,
          durationMs,
          jobId: ctx.job.id,
        },
        { scenarioId: input.scenarioId, iterations: input.iterations, seed: input.seed, mean: scenarioResult.annualLoss.mean },
      );
      return { runId: row.id };
    }
    const portfolio = result as PortfolioResult;
    const row = await insertRun(
      tx,
      ctx.job.orgId,
      input.actor,
      null,
      {
        kind: 'portfolio',
        scenarioId: null,
        model: null,
        analysis: portfolioRunAnalysis(input),
        result: decoratePortfolio(portfolio, input),
        durationMs,
        jobId: ctx.job.id,
      },
      { scenarios: input.entries.length, iterations: input.iterations, seed: input.seed, mean: portfolio.total.mean },
    );
    return { runId: row.id };
  });
};
