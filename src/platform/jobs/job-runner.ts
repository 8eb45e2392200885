import { hostname } from 'node:os';
import { appendAudit } from '../audit/audit.store.ts';
import { SYSTEM_ACTOR } from '../context.ts';
import type { Store, Tx } from '../db/store.ts';
import { newId } from '../util/ids.ts';
import { dropJobPayload } from './job-payload.ts';
import { and, eq } from 'drizzle-orm';
import { jobs } from './jobs.table.ts';

export interface ClaimedJob {
  orgId: string;
  id: string;
  kind: string;
  input: unknown;
  attempts: number;
}

export class JobCancelledError extends Error {
  constructor() {
    super('the job was cancelled');
  }
}

export interface JobContext {
  store: Store;
  job: ClaimedJob;
  /** Aborted when the job is cancelled or the runner stops. */
  signal: AbortSignal;
  /** Records progress (throttled); throws JobCancelledError once the job was cancelled. */
  progress(done: number, total?: number): Promise<void>;
  /**
   * Runs the handler's writes in one transaction that also marks the job succeeded, so the data and the
   * job's state commit together: a crash before commit leaves nothing and the job runs again.
   */
  commit<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface RunnerOptions {
  pollMs?: number;
  /** A running job whose heartbeat is older than this is presumed dead and taken up again. */
  staleMs?: number;
  maxAttempts?: number;
}

/**
 * Polls the jobs table and runs one job at a time per process. Claims use FOR UPDATE SKIP LOCKED, so
 * several processes share the queue without running a job twice.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly pollMs: number;
  private readonly staleMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: Store,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    options: RunnerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.staleMs = options.staleMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  start(): void {
    const tick = async (): Promise<void> => {
      if (this.stopping.signal.aborted) return;
      try {
        while (!this.stopping.signal.aborted && (await this.runOnce()));
      } catch {
        // The store may be briefly unreachable; the next tick tries again.
      }
      if (!this.stopping.signal.aborted) this.timer = setTimeout(() => void tick(), this.pollMs);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Stops polling and waits for the job in hand to finish or notice the abort. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  /** Claims and runs one job; false when the queue is empty. */
  async runOnce(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const run = this.execute(job);
    this.current = run;
    await run;
    return true;
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const rows = await this.store.query<{ org_id: string; id: string; kind: string; input: unknown; attempts: number }>(
      `update jobs set status = 'running', locked_by = $1, heartbeat_at = now(), started_at = coalesce(started_at, now()),
              attempts = attempts + 1
        where (org_id, id) = (
          select org_id, id from jobs
           where status = 'queued' or (status = 'running' and heartbeat_at < now() - make_interval(secs => $2))
           order by created_at limit 1 for update skip locked)
        returning org_id, id, kind, input, attempts`,
      [this.workerId, this.staleMs / 1000],
    );
    const row = rows[0];
    return row ? { orgId: row.org_id, id: row.id, kind: row.kind, input: row.input, attempts: row.attempts } : undefined;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const controller = new AbortController();
    const onStop = (): void => controller.abort();
    this.stopping.signal.addEventListener('abort', onStop);
    const heartbeat = setInterval(() => void this.beat(job).then((alive) => alive || controller.abort()), Math.max(50, this.staleMs / 3));
    let committed = false;
    let lastProgressAt = 0;
    const ctx: JobContext = {
      store: this.store,
      job,
      signal: controller.signal,
      progress: async (done, total) => {
        if (controller.signal.aborted) throw new JobCancelledError();
        const now = Date.now();
        if (now - lastProgressAt < 250 && done !== total) return;
        lastProgressAt = now;
        const rows = await this.store.query(
          `update jobs set progress_done = $3, progress_total = coalesce($4, progress_total), heartbeat_at = now()
            where org_id = $1 and id = $2 and status = 'running' and locked_by = $5 returning id`,
          [job.orgId, job.id, done, total ?? null, this.workerId],
        );
        if (rows.length === 0) {
          controller.abort();
          throw new JobCancelledError();
        }
      },
      commit: async (work) => {
        const value = await this.store.db.transaction(async (tx) => {
          const result = await work(tx);
          await this.finish(tx, job, 'succeeded', result ?? null, null);
          return result;
        });
        committed = true;
        return value;
      },
    };
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      if (job.attempts > this.maxAttempts)
        throw new Error(`gave up after ${this.maxAttempts} attempts (the process running it stopped each time)`);
      const result = await handler(ctx);
      if (!committed) await this.store.db.transaction((tx) => this.finish(tx, job, 'succeeded', result ?? null, null));
    } catch (error) {
      if (!(error instanceof JobCancelledError) && !this.stopping.signal.aborted) {
        const message = error instanceof Error ? error.message : String(error);
        await this.store.db.transaction((tx) => this.finish(tx, job, 'failed', null, message)).catch(() => undefined);
      }
      // Stopping mid-job: leave it 'running'; its heartbeat goes stale and it runs again after restart.
    } finally {
      clearInterval(heartbeat);
      this.stopping.signal.removeEventListener('abort', onStop);
    }
  }

  private async beat(job: ClaimedJob): Promise<boolean> {
    try {
      const rows = await this.store.query(
        `update jobs set heartbeat_at = now() where org_id = $1 and id = $2 and status = 'running' and locked_by = $3 returning id`,
        [job.orgId, job.id, this.workerId],
      );
      return rows.length > 0;
    } catch {
      return true;
    }
  }

  private async finish(tx: Tx, job: ClaimedJob, status: 'succeeded' | 'failed', result: unknown, error: string | null): Promise<void> {
    // Only the worker that holds the job may finish it; a cancelled job stays cancelled (and its writes roll back).
    const rows = await tx
      .update(jobs)
      .set({ status, result, error, finishedAt: new Date() })
      .where(and(eq(jobs.orgId, job.orgId), eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, this.workerId)))
      .returning({ id: jobs.id });
    if (rows.length === 0) throw new JobCancelledError();
    // A finished job is never run again, so its payload (an import's file) has served its purpose.
    await dropJobPayload(tx, job.orgId, job.id);
    await appendAudit(tx, job.orgId, {
      actor: SYSTEM_ACTOR,
      action: `job.${status}`,
      targetType: 'job',
      targetId: job.id,
      after: { status, result, error },
      summary: { kind: job.kind, ...(error ? { error } : {}) },
    });
  }
}
