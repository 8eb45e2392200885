import { readJobPayload } from '../../platform/jobs/job-payload.ts';
import { progressInsideCommit, recordFinalProgress, requesterAccess } from '../../platform/jobs/job-progress.ts';
import type { JobHandler } from '../../platform/jobs/job-runner.ts';
import { importInTransaction, sourceOf, type ImportJobInput } from './import.service.ts';

/**
 * Job 'inventory.import': the whole import in one `ctx.commit` transaction, which also marks the job
 * succeeded (and drops the stored file), so a crash or a cancel leaves nothing and the job can run again.
 * Progress inside the transaction is written on PostgreSQL only (job-progress.ts).
 */
export const importJobHandler: JobHandler = async (ctx) => {
  const input = ctx.job.input as ImportJobInput;
  const content = await readJobPayload(ctx.store, ctx.job);
  const access = requesterAccess(ctx.job, input);
  const source = sourceOf({
    format: input.format,
    entity: input.entity,
    mapping: input.mapping,
    content,
    contentEncoding: input.contentEncoding,
  });
  await ctx.progress(0, input.records);
  return ctx.commit(async (tx) => {
    const result = await importInTransaction(tx, access, source, { skipInvalid: input.skipInvalid, progress: progressInsideCommit(ctx) });
    const written = [result.assets, result.dependencies, result.externalOrganizations].reduce(
      (n, c) => n + c.created + c.updated + c.unchanged,
      0,
    );
    await recordFinalProgress(tx, ctx.job, written);
    return result;
  });
};
