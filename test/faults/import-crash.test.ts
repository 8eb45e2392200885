import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { bearer } from '../support/test-app.ts';
import { createStoreTarget, STORE_UNDER_TEST } from '../support/scratch-db.ts';
import {
  PROCESS_TIMEOUT_MS,
  useSeededSuite,
  startServer,
  readJobWithin,
  withTargetStore,
  type JobView,
  type SeededOrg,
  type ServerProcess,
  type StoreTarget,
} from '../support/server-process.ts';

/**
 * kill -9 of the server while an inventory import job is writing: nothing of the import may be in the store
 * afterwards, and after a restart the job is taken up again (its heartbeat went stale) and imports every row.
 */
const ROWS = 25_000;
/** The servers take a dead process's job up again after 5 s instead of the default 30 s: the test waits less. */
const STALE = { env: { BULWARK_JOB_STALE_SECONDS: '5' } };

const csv = (): string => {
  const lines = ['name,kind,cmdbId,confidentiality,tags'];
  for (let i = 0; i < ROWS; i++) lines.push(`crash-host-${i},host,CRASH-${i},${(i % 4) + 1},crash;rack-${i % 10}`);
  return lines.join('\n');
};

async function countAssets(target: StoreTarget): Promise<{ assets: number; status: string; attempts: number }> {
  return withTargetStore(target, async (store) => {
    const [row] = await store.query<{ assets: number; status: string; attempts: number }>(
      "select (select count(*)::int from assets) as assets, status, attempts from jobs where kind = 'inventory.import'",
    );
    return row!;
  });
}

type ImportJob = { assets: { created: number } };

const readJob = (server: ServerProcess, org: SeededOrg, id: string) => readJobWithin<ImportJob>(server, org, id);

describe(`kill -9 during an inventory import, ${STORE_UNDER_TEST}`, () => {
  const suite = useSeededSuite(() => createStoreTarget('bulwark-import-crash-'));

  it(
    'leaves nothing partial, and the job runs again to completion after a restart',
    async () => {
      const { target, org, servers } = suite;
      const first = await startServer(target, STALE);
      servers.push(first);
      const posted = await fetch(`${first.baseUrl}/api/orgs/${org.slug}/inventory/imports`, {
        method: 'POST',
        headers: { ...bearer(org.token), 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'csv', content: csv() }),
      });
      expect(posted.status, await posted.clone().text()).toBe(202);
      const { job } = (await posted.json()) as { job: { id: string } };

      // Kill it mid-import, as soon as that is visible: the embedded store answers nothing while the import's
      // transaction holds its one connection; PostgreSQL reports progress per chunk from inside the transaction.
      // (A fixed delay after "running" let a quiet machine finish all 25,000 rows first.)
      const deadline = Date.now() + 60_000;
      for (;;) {
        const view = await readJob(first, org, job.id);
        if (!view) break;
        if (view.status === 'running' && view.progress.done > 0 && view.progress.done < ROWS) break;
        expect(['queued', 'running'], 'the import finished before it could be killed').toContain(view.status);
        if (Date.now() > deadline) throw new Error('the import job never got under way');
        await sleep(25);
      }
      process.kill(first.pid, 'SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // Killed mid-job: the job is still 'running' (never finished) and none of its rows are in the store.
      expect(await countAssets(target)).toEqual({ assets: 0, status: 'running', attempts: 1 });

      const second = await startServer(target, STALE);
      servers.push(second);
      // The runner takes the job up again once its heartbeat is stale (5 s here) and imports everything.
      const until = Date.now() + 150_000;
      let done: JobView<ImportJob> | undefined;
      while (Date.now() < until) {
        done = await readJob(second, org, job.id);
        if (done && (done.status === 'succeeded' || done.status === 'failed')) break;
        await sleep(500);
      }
      expect(done?.status, done?.error ?? 'not finished').toBe('succeeded');
      expect(done).toMatchObject({ attempts: 2, result: { assets: { created: ROWS } }, progress: { done: ROWS, total: ROWS } });
      const verify = await fetch(`${second.baseUrl}/api/orgs/${org.slug}/audit/verify`, { headers: bearer(org.token) });
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
      await second.dispose();
      expect((await countAssets(target)).assets).toBe(ROWS);
    },
    PROCESS_TIMEOUT_MS * 2,
  );
});
