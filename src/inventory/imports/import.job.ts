import { and, eq, sql } from 'drizzle-orm';
import type { OrgAccess } from '../../platform/context.ts';
import { JobCancelledError, type JobHandler } from '../../platform/jobs/job-runner.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { importInTransaction, sourceOf, type ImportJobInput } from './import.service.ts';

/**
 * Job 'inventory.import': the whole import in one `ctx.commit` transaction, which also marks the job
 * succeeded, so a crash or a cancel leaves nothing and the job can run again. Progress inside the
 * transaction is reported on PostgreSQL only: the embedded store has one connection, held by the
 * transaction, so a progress write there would wait for the commit; a cancel is then seen when the job
 * tries to commit, and its writes roll back.
 */
export const importJobHandler: JobHandler = async (ctx) => {
  const input = ctx.job.input as ImportJobInput;
  if (typeof input.content !== 'string') throw new Error('the import file is no longer stored with this job; import it again');
  const access: OrgAccess = { orgId: ctx.job.orgId, orgSlug: '', role: 'owner', actor: input.actor, userId: input.userId, requestId: null };
  const source = sourceOf({ format: input.format, entity: input.entity, mapping: input.mapping, content: input.content, contentEncoding: input.contentEncoding });
  await ctx.progress(0, input.records);
  const progress =
    ctx.store.kind === 'postgres'
      ? ctx.progress
      : async () => {
          if (ctx.signal.aborted) throw new JobCancelledError();
        };
  return ctx.commit(async (tx) => {
    const result = await importInTransaction(tx, access, source, { skipInvalid: input.skipInvalid, progress });
    // The file has served its purpose; keep the job row small (its digest and size stay in the input). The
    // final progress commits with the data (on the embedded store, the only progress written after the start).
    const written = [result.assets, result.dependencies, result.externalOrganizations].reduce((n, c) => n + c.created + c.updated + c.unchanged, 0);
    await tx
      .update(jobs)
      .set({ input: sql`${jobs.input} - 'content'`, progressDone: written, progressTotal: written })
      .where(and(eq(jobs.orgId, ctx.job.orgId), eq(jobs.id, ctx.job.id)));
    return result;
  });
};
