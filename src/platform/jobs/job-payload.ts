import { and, eq } from 'drizzle-orm';
import type { Queryable, Store } from '../db/store.ts';
import { jobPayloads } from './jobs.table.ts';

/*
 * A job's payload: the large part of its input (an import's file), stored in job_payloads beside the job row.
 * The row keeps only what describes the work (format, digest, size, who asked), so job reads, the runner's
 * claims and the `job.queued` audit entry stay small. enqueueJobWithPayload (jobs.service.ts) writes it with
 * the job; the runner deletes it when the job finishes, cancelJob when it is cancelled; a job killed half-way
 * keeps it and runs again.
 */

export async function storeJobPayload(tx: Queryable, orgId: string, jobId: string, payload: string): Promise<void> {
  await tx.insert(jobPayloads).values({ orgId, jobId, content: payload });
}

/** The payload a job was queued with; throws when it is gone (the job finished or was cancelled meanwhile). */
export async function readJobPayload(store: Store, job: { orgId: string; id: string }): Promise<string> {
  const [row] = await store.query<{ content: string }>('select content from job_payloads where org_id = $1 and job_id = $2', [
    job.orgId,
    job.id,
  ]);
  if (!row) throw new Error('the file of this job is no longer stored; import it again');
  return row.content;
}

/** Deletes a job's payload (if any), inside the transaction that finishes or cancels the job. */
export async function dropJobPayload(tx: Queryable, orgId: string, jobId: string): Promise<void> {
  await tx.delete(jobPayloads).where(and(eq(jobPayloads.orgId, orgId), eq(jobPayloads.jobId, jobId)));
}
