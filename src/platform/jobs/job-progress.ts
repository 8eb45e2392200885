import { and, eq } from 'drizzle-orm';
import type { OrgAccess } from '../context.ts';
import type { Queryable } from '../db/store.ts';
import { JobCancelledError, type ClaimedJob, type JobContext } from './job-runner.ts';
import { jobs } from './jobs.table.ts';

export type ProgressReport = (done: number, total: number) => Promise<void>;

/**
 * The progress report for work inside `ctx.commit`'s transaction. On PostgreSQL it is `ctx.progress`: another
 * pooled connection writes it, and readers see it at once. The embedded store has one connection, held by the
 * transaction, so a progress write would wait for the commit; there it only checks for a cancel already
 * noticed, and a cancel is otherwise seen when the job tries to commit (its writes then roll back).
 */
export function progressInsideCommit(ctx: JobContext): ProgressReport {
  if (ctx.store.kind === 'postgres') return ctx.progress;
  return async () => {
    if (ctx.signal.aborted) throw new JobCancelledError();
  };
}

/** The final progress, written in the commit's own transaction so it lands with the data on both stores. */
export async function recordFinalProgress(tx: Queryable, job: Pick<ClaimedJob, 'orgId' | 'id'>, done: number): Promise<void> {
  await tx
    .update(jobs)
    .set({ progressDone: done, progressTotal: done })
    .where(and(eq(jobs.orgId, job.orgId), eq(jobs.id, job.id)));
}

/**
 * The access a job acts with: the organization it was queued in, as the person who queued it (its input's
 * `actor` and `userId`), so its writes are audited as theirs. Owner role: what they may do was checked when
 * the job was queued.
 */
export function requesterAccess(job: Pick<ClaimedJob, 'orgId'>, input: { actor: OrgAccess['actor']; userId: string | null }): OrgAccess {
  return { orgId: job.orgId, orgSlug: '', role: 'owner', actor: input.actor, userId: input.userId, requestId: null };
}
