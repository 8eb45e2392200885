import { and, desc, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../audit/audit.store.ts';
import type { OrgAccess } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { AppError, notFound } from '../errors/catalogue.ts';
import { newId } from '../util/ids.ts';
import { dropJobPayload, storeJobPayload } from './job-payload.ts';
import { jobs } from './jobs.table.ts';
import type { JobStatus, TJob } from './jobs.schema.ts';

type JobRow = typeof jobs.$inferSelect;
/** What a job read returns: everything but `input`, which no reader shows and which an old job may hold large. */
type PresentedRow = Omit<JobRow, 'input' | 'heartbeatAt' | 'lockedBy'>;
const PRESENTED_COLUMNS = {
  orgId: jobs.orgId,
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  result: jobs.result,
  error: jobs.error,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  attempts: jobs.attempts,
  createdBy: jobs.createdBy,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};

export function presentJob(row: PresentedRow): TJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    progress: { done: row.progressDone, total: row.progressTotal },
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Queues a job inside the caller's transaction (so a request that queues work and records it commits both
 * or neither). The runner picks it up after commit.
 */
export async function enqueueJob(tx: Queryable, access: OrgAccess, kind: string, input: unknown): Promise<TJob> {
  const row: JobRow = {
    orgId: access.orgId,
    id: newId(),
    kind,
    status: 'queued',
    input,
    result: null,
    error: null,
    progressDone: 0,
    progressTotal: null,
    attempts: 0,
    createdBy: access.actor.label,
    createdAt: new Date(),
    startedAt: null,
    finishedAt: null,
    heartbeatAt: null,
    lockedBy: null,
  };
  await tx.insert(jobs).values(row);
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    action: 'job.queued',
    targetType: 'job',
    targetId: row.id,
    after: { kind, input },
    summary: { kind },
    requestId: access.requestId,
  });
  return presentJob(row);
}

/**
 * Queues a job whose input has a large part (an import's file): `input` goes in the job row and the audit
 * entry, `payload` beside it in job_payloads (job-payload.ts), so reading the job never loads the file.
 */
export async function enqueueJobWithPayload(
  tx: Queryable,
  access: OrgAccess,
  kind: string,
  input: unknown,
  payload: string,
): Promise<TJob> {
  const job = await enqueueJob(tx, access, kind, input);
  await storeJobPayload(tx, access.orgId, job.id, payload);
  return job;
}

export async function getJob(store: Store, access: Pick<OrgAccess, 'orgId'>, jobId: string): Promise<TJob> {
  const [row] = await store.db
    .select(PRESENTED_COLUMNS)
    .from(jobs)
    .where(and(eq(jobs.orgId, access.orgId), eq(jobs.id, jobId)));
  if (!row) throw notFound('Job');
  return presentJob(row);
}

export async function listJobs(store: Store, access: Pick<OrgAccess, 'orgId'>, limit = 50): Promise<TJob[]> {
  const rows = await store.db
    .select(PRESENTED_COLUMNS)
    .from(jobs)
    .where(eq(jobs.orgId, access.orgId))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
  return rows.map(presentJob);
}

/** Cancels a queued or running job; a running handler sees it through its abort signal at its next progress report. */
export async function cancelJob(store: Store, access: OrgAccess, jobId: string): Promise<TJob> {
  return store.db.transaction(async (tx) => {
    const [row] = await tx
      .select(PRESENTED_COLUMNS)
      .from(jobs)
      .where(and(eq(jobs.orgId, access.orgId), eq(jobs.id, jobId)))
      .for('update');
    if (!row) throw notFound('Job');
    if (row.status !== 'queued' && row.status !== 'running') throw new AppError('UNPROCESSABLE', `The job is already ${row.status}`);
    const [updated] = await tx
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: new Date() })
      .where(and(eq(jobs.orgId, access.orgId), eq(jobs.id, jobId), inArray(jobs.status, ['queued', 'running'])))
      .returning(PRESENTED_COLUMNS);
    await dropJobPayload(tx, access.orgId, jobId);
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'job.cancelled',
      targetType: 'job',
      targetId: jobId,
      before: { status: row.status },
      after: { status: 'cancelled' },
      summary: { kind: row.kind },
      requestId: access.requestId,
    });
    return presentJob(updated!);
  });
}
