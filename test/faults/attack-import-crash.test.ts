import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { syntheticAttackBundle } from '../../bench/risk/attack-bundle.ts';
import { parseAttackBundle } from '../../src/risk/attack-import.ts';
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
 * kill -9 of the server while an ATT&CK import job is writing (the sibling of import-crash.test.ts for inventory
 * imports): nothing of the import may be in the store afterwards, the bundle must still wait beside the job, and
 * after a restart the job is taken up again (its heartbeat went stale) and imports everything once.
 */
const TECHNIQUES = 8_000;
/** The servers take a dead process's job up again after 5 s instead of the default 30 s: the test waits less. */
const STALE = { env: { BULWARK_JOB_STALE_SECONDS: '5' } };

const bundle = syntheticAttackBundle(TECHNIQUES);
const { threats, relations } = (() => {
  const read = parseAttackBundle(bundle);
  return { threats: read.threats.length, relations: read.relations.length };
})();

interface StoreState {
  threats: number;
  relations: number;
  status: string;
  attempts: number;
  payloads: number;
}

async function storeState(target: StoreTarget): Promise<StoreState> {
  return withTargetStore(target, async (store) => {
    const [row] = await store.query<StoreState>(
      `select (select count(*)::int from threats) as threats, (select count(*)::int from threat_relations) as relations,
              status, attempts, (select count(*)::int from job_payloads) as payloads
         from jobs where kind = 'threat.attack-import'`,
    );
    return row!;
  });
}

type ImportJob = { kinds: Record<string, { created: number }>; relations: { created: number } };

const readJob = (server: ServerProcess, org: SeededOrg, id: string) => readJobWithin<ImportJob>(server, org, id);

describe(`kill -9 during an ATT&CK import, ${STORE_UNDER_TEST}`, () => {
  const suite = useSeededSuite(() => createStoreTarget('bulwark-attack-crash-'));

  it(
    'leaves nothing partial, keeps the bundle, and the job runs again to completion after a restart',
    async () => {
      const { target, org, servers } = suite;
      const first = await startServer(target, STALE);
      servers.push(first);
      const posted = await fetch(`${first.baseUrl}/api/orgs/${org.slug}/threats/imports/attack`, {
        method: 'POST',
        headers: { ...bearer(org.token), 'content-type': 'application/json' },
        body: JSON.stringify(bundle),
      });
      expect(posted.status, await posted.clone().text()).toBe(202);
      const { job } = (await posted.json()) as { job: { id: string } };

      // Kill it mid-import, as soon as that is visible: the embedded store answers nothing while the import's
      // transaction holds its one connection; PostgreSQL reports progress per 1,000 rows from inside the transaction.
      const total = threats + relations;
      const deadline = Date.now() + 60_000;
      for (;;) {
        const view = await readJob(first, org, job.id);
        if (!view) break;
        if (view.status === 'running' && view.progress.done > 0 && view.progress.done < total) break;
        expect(['queued', 'running'], 'the import finished before it could be killed').toContain(view.status);
        if (Date.now() > deadline) throw new Error('the import job never got under way');
        await sleep(25);
      }
      process.kill(first.pid, 'SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // Killed mid-job: still 'running' (never finished), none of its rows in the store, its bundle kept for the rerun.
      expect(await storeState(target)).toEqual({ threats: 0, relations: 0, status: 'running', attempts: 1, payloads: 1 });

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
      expect(done).toMatchObject({
        attempts: 2,
        progress: { done: total, total },
        result: { kinds: { technique: { created: TECHNIQUES } }, relations: { created: relations } },
      });
      const verify = await fetch(`${second.baseUrl}/api/orgs/${org.slug}/audit/verify`, { headers: bearer(org.token) });
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
      await second.dispose();
      expect(await storeState(target)).toEqual({ threats, relations, status: 'succeeded', attempts: 2, payloads: 0 });
    },
    PROCESS_TIMEOUT_MS * 2,
  );
});
