import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/platform/db/migrate.ts';
import { jobHandlers } from '../../src/platform/jobs/handlers.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { enqueueJob, enqueueJobWithPayload, getJob, cancelJob, listJobs } from '../../src/platform/jobs/jobs.service.ts';
import { readJobPayload } from '../../src/platform/jobs/job-payload.ts';
import { JobRunner, type JobHandler } from '../../src/platform/jobs/job-runner.ts';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { buildOrg, type OrgFixture } from '../support/test-app.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

let ts: TestStore;
let org: OrgFixture;

beforeAll(async () => {
  ts = await createTestStore();
  org = await buildOrg(ts.store);
  await ts.store.query('create table job_test_rows (org_id uuid not null, n int not null)');
});
afterAll(() => ts.dispose());

const rowsWritten = async (): Promise<number> =>
  (await ts.store.query<{ n: number }>('select count(*)::int as n from job_test_rows'))[0]!.n;

function runnerWith(kind: string, handler: JobHandler, options = {}): JobRunner {
  return new JobRunner(ts.store, new Map([[kind, handler]]), { staleMs: 1000, ...options });
}

describe('job runner', () => {
  it('runs a queued job, records progress and its result, and commits its writes with the job state', async () => {
    const job = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'write-rows', { count: 3 }));
    const runner = runnerWith('write-rows', async (ctx) => {
      const { count } = ctx.job.input as { count: number };
      for (let i = 1; i <= count; i++) await ctx.progress(i, count);
      return ctx.commit(async (tx) => {
        for (let i = 0; i < count; i++) await tx.execute(`insert into job_test_rows values ('${org.orgId}', ${i})`);
        return { written: count };
      });
    });
    expect(await runner.runOnce()).toBe(true);
    const done = await getJob(ts.store, org.access, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual({ written: 3 });
    expect(done.progress).toEqual({ done: 3, total: 3 });
    expect(await rowsWritten()).toBe(3);
    expect(await runner.runOnce()).toBe(false);
    expect((await verifyOrgChain(ts.store, org.orgId)).ok).toBe(true);
  });

  it('marks a throwing job failed with its message and keeps none of its writes', async () => {
    const before = await rowsWritten();
    const job = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'boom', {}));
    const runner = runnerWith('boom', (ctx) =>
      ctx.commit(async (tx) => {
        await tx.execute(`insert into job_test_rows values ('${org.orgId}', 99)`);
        throw new Error('row 7: bad value');
      }),
    );
    await runner.runOnce();
    const failed = await getJob(ts.store, org.access, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('row 7: bad value');
    expect(await rowsWritten()).toBe(before);
  });

  it('stops a cancelled job at its next progress report, keeping nothing', async () => {
    const before = await rowsWritten();
    const job = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'slow', {}));
    let reachedProgress!: () => void;
    const reached = new Promise<void>((resolve) => (reachedProgress = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const runner = runnerWith('slow', async (ctx) => {
      await ctx.progress(1, 10);
      reachedProgress();
      await gate;
      await ctx.progress(10, 10);
      return ctx.commit(async (tx) => tx.execute(`insert into job_test_rows values ('${org.orgId}', 1)`));
    });
    const running = runner.runOnce();
    await reached;
    await cancelJob(ts.store, org.access, job.id);
    release();
    await running;
    expect((await getJob(ts.store, org.access, job.id)).status).toBe('cancelled');
    expect(await rowsWritten()).toBe(before);
  });

  it('takes up a running job whose worker died (stale heartbeat) and gives up after the attempt limit', async () => {
    const job = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'resume', {}));
    await ts.store.query(
      "update jobs set status = 'running', locked_by = 'dead-worker', attempts = 1, heartbeat_at = now() - interval '1 hour' where id = $1",
      [job.id],
    );
    const runner = runnerWith('resume', async () => ({ resumed: true }));
    await runner.runOnce();
    const resumed = await getJob(ts.store, org.access, job.id);
    expect(resumed.status).toBe('succeeded');
    expect(resumed.attempts).toBe(2);

    const doomed = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'resume', {}));
    await ts.store.query(
      "update jobs set status = 'running', locked_by = 'dead-worker', attempts = 3, heartbeat_at = now() - interval '1 hour' where id = $1",
      [doomed.id],
    );
    await runner.runOnce();
    const gaveUp = await getJob(ts.store, org.access, doomed.id);
    expect(gaveUp.status).toBe('failed');
    expect(gaveUp.error).toMatch(/gave up after 3 attempts/);
  });

  it('keeps a payload beside the job until it finishes, fails or is cancelled, and a killed run keeps it', async () => {
    const payloadCount = async (jobId: string): Promise<number> =>
      (await ts.store.query<{ n: number }>('select count(*)::int as n from job_payloads where job_id = $1', [jobId]))[0]!.n;
    const file = 'x'.repeat(100_000);
    const queue = (kind: string) =>
      ts.store.db.transaction((tx) => enqueueJobWithPayload(tx, org.access, kind, { bytes: file.length }, file));
    const seen: number[] = [];
    const ok = await queue('payload-ok');
    await runnerWith('payload-ok', async (ctx) => seen.push((await readJobPayload(ctx.store, ctx.job)).length)).runOnce();
    expect(seen).toEqual([file.length]);
    expect(await payloadCount(ok.id)).toBe(0);

    const failing = await queue('payload-boom');
    await runnerWith('payload-boom', async () => {
      throw new Error('bad file');
    }).runOnce();
    expect((await getJob(ts.store, org.access, failing.id)).status).toBe('failed');
    expect(await payloadCount(failing.id)).toBe(0);

    const cancelled = await queue('payload-cancel');
    await cancelJob(ts.store, org.access, cancelled.id);
    expect(await payloadCount(cancelled.id)).toBe(0);

    // A worker that died mid-job finished nothing: the payload stays for the next attempt.
    const killed = await queue('payload-resume');
    await ts.store.query(
      "update jobs set status = 'running', locked_by = 'dead-worker', attempts = 1, heartbeat_at = now() - interval '1 hour' where id = $1",
      [killed.id],
    );
    expect(await payloadCount(killed.id)).toBe(1);
    await runnerWith('payload-resume', async (ctx) => seen.push((await readJobPayload(ctx.store, ctx.job)).length)).runOnce();
    expect(seen).toEqual([file.length, file.length]);
    expect(await payloadCount(killed.id)).toBe(0);

    // Job reads carry neither the payload nor the input.
    const listed = (await listJobs(ts.store, org.access)).find((j) => j.id === ok.id)!;
    expect(Object.keys(listed)).not.toContain('input');
    expect(JSON.stringify(listed).length).toBeLessThan(1000);
  });

  it('migration 0011 moves the file of an inventory import queued before it beside the job, which then imports it', async () => {
    const id = newId();
    const input = {
      format: 'csv',
      contentEncoding: 'text',
      content: 'name,kind,cmdbId\nlegacy-host,host,LEGACY-1',
      contentSha256: '0'.repeat(64),
      bytes: 40,
      skipInvalid: false,
      records: 1,
      actor: org.access.actor,
      userId: null,
    };
    await ts.store.query(
      `insert into jobs (org_id, id, kind, status, input, created_by, created_at) values ($1, $2, 'inventory.import', 'queued', $3::jsonb, 'test', now())`,
      [org.orgId, id, JSON.stringify(input)],
    );
    // The migration's data statements (after the table it creates), as the migrator runs them on an existing store.
    const statements = fs
      .readFileSync(path.join(MIGRATIONS_DIR, '0011_job_payloads.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .slice(2);
    for (const statement of statements) await ts.store.query(statement);
    const [moved] = await ts.store.query<{ input: Record<string, unknown>; content: string }>(
      'select j.input, p.content from jobs j join job_payloads p on p.org_id = j.org_id and p.job_id = j.id where j.id = $1',
      [id],
    );
    expect(moved?.content).toBe(input.content);
    expect(moved?.input.content).toBeUndefined();
    await new JobRunner(ts.store, jobHandlers).runOnce();
    expect(await getJob(ts.store, org.access, id)).toMatchObject({ status: 'succeeded', result: { assets: { created: 1 } } });
  });

  it('leaves a job of unknown kind failed with a clear reason', async () => {
    const job = await ts.store.db.transaction((tx) => enqueueJob(tx, org.access, 'no-such-kind', {}));
    await runnerWith('other', async () => null).runOnce();
    expect((await getJob(ts.store, org.access, job.id)).error).toBe('no handler for job kind "no-such-kind"');
  });
});
