import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../support/pg-global-setup.ts';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-db.ts';
import { seedOrgWithToken, startServer, type SeededOrg, type ServerProcess, PROCESS_TIMEOUT_MS } from '../support/server-process.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { bearer } from '../support/test-app.ts';

/**
 * PostgreSQL goes away under a running server (a TCP relay between them is cut): requests get
 * 503 STORE_UNAVAILABLE with Retry-After, readiness fails, liveness holds, the process stays up, and when the
 * database comes back the same process serves again.
 */
const POOL_SIZE = 2;

describe.runIf(process.env.BULWARK_TEST_STORE === 'postgres')('PostgreSQL unreachable while serving', () => {
  let database: ScratchDatabase;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let org: SeededOrg;
  let streamAcked: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase();
    org = await seedOrgWithToken({ databaseUrl: database.url });
    const direct = new URL(adminUrl());
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    await proxy.start();
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    // The server migrates at start, so it starts with the database reachable. A small pool makes a leaked
    // connection slot show at once.
    server = await startServer({ databaseUrl: proxied.toString() }, { env: { BULWARK_POOL_SIZE: String(POOL_SIZE) } });
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    await server?.dispose();
    await proxy?.stop();
    await database?.drop();
  }, PROCESS_TIMEOUT_MS);

  const get = (url: string): Promise<Response> =>
    fetch(`${server.baseUrl}${url}`, { headers: bearer(org.token), signal: AbortSignal.timeout(15_000) });
  const createToken = (name: string): Promise<Response> =>
    fetch(`${server.baseUrl}/api/orgs/${org.slug}/tokens`, {
      method: 'POST',
      headers: { ...bearer(org.token), 'content-type': 'application/json' },
      body: JSON.stringify({ name, role: 'viewer' }),
      signal: AbortSignal.timeout(15_000),
    });
  const tokenNames = async (): Promise<string[]> =>
    ((await (await get(`/api/orgs/${org.slug}/tokens`)).json()) as { items: { name: string }[] }).items.map((t) => t.name);

  async function expectUnavailable(response: Response): Promise<void> {
    const body = await response.text();
    expect(response.status, body).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = JSON.parse(body) as { code: string; status: number; detail: string };
    expect(problem).toMatchObject({ code: 'STORE_UNAVAILABLE', status: 503 });
    // Nothing internal leaks: no driver message, host or port.
    expect(body).not.toMatch(/ECONNREFUSED|terminated|127\.0\.0\.1|5432/);
  }

  it(
    'serves while the database is reachable',
    async () => {
      expect((await get('/readyz')).status).toBe(200);
      expect(await tokenNames()).toContain('fault-test owner');
      expect((await createToken('before-outage')).status).toBe(201);
      expect(proxy.openSockets).toBeGreaterThan(0);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'answers 503 when the connection drops at BEGIN, and gets the connection slot back',
    async () => {
      // Once per pool slot: a leaked slot per loss would leave the pool empty and the next request waiting.
      for (let i = 0; i < POOL_SIZE; i++) {
        const cut = proxy.cutWhenSent('begin');
        const response = await createToken(`cut-at-begin-${i}`);
        await cut;
        await expectUnavailable(response);
      }
      // With the slots leaked, these would wait 5 s for a free connection and answer 503.
      expect((await get('/readyz')).status).toBe(200);
      expect((await createToken('after-begin-cuts')).status).toBe(201);
      expect(await tokenNames()).not.toContain('cut-at-begin-0');
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'answers 503, never 500, to the requests whose connection is cut under them',
    async () => {
      const acked: string[] = [];
      const statuses: number[] = [];
      let cut: Promise<void> | undefined;
      // Writers keep transactions on the wire; the cut lands while some are mid-query.
      const writer = async (w: number): Promise<void> => {
        for (let i = 0; ; i++) {
          const response = await createToken(`stream-w${w}-${i}`);
          statuses.push(response.status);
          if (response.status === 201) acked.push(`stream-w${w}-${i}`);
          else return expectUnavailable(response);
          if (acked.length >= 20) cut ??= proxy.stop();
        }
      };
      await Promise.all([0, 1, 2, 3].map(writer)).catch((error: unknown) => {
        // A network error (the server died) or a non-503 failure: show what the server said.
        throw new Error(`${String(error)}; server running: ${server.isRunning()}; its output:\n${server.output()}`);
      });
      await cut;
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(server.isRunning()).toBe(true);
      streamAcked = acked;
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'answers 503 STORE_UNAVAILABLE with Retry-After while the database is gone, and stays alive',
    async () => {
      await proxy.stop();

      const started = Date.now();
      // Reads, writes and readiness: every new connection to the database is refused.
      for (let round = 0; round < 3; round++) {
        await expectUnavailable(await get(`/api/orgs/${org.slug}/tokens`));
        await expectUnavailable(await createToken(`during-outage-${round}`));
        await expectUnavailable(await get(`/api/orgs/${org.slug}/audit/verify`));
      }
      const ready = await get('/readyz');
      await expectUnavailable(ready);
      expect((await get('/healthz')).status).toBe(200);
      // Refused connections fail fast: no request waited for a connect timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(server.isRunning()).toBe(true);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'serves again once the database is back, in the same process',
    async () => {
      await proxy.start();

      expect((await get('/readyz')).status).toBe(200);
      const names = await tokenNames();
      expect(names).toContain('before-outage');
      // Every write acknowledged before the cut is there; the writes answered 503 did not half-happen.
      expect(streamAcked.filter((n) => !names.includes(n))).toEqual([]);
      expect(names.filter((n) => n.startsWith('during-outage'))).toEqual([]);
      expect((await createToken('after-outage')).status).toBe(201);
      const chain = (await (await get(`/api/orgs/${org.slug}/audit/verify`)).json()) as { ok: boolean };
      expect(chain.ok).toBe(true);
      expect(server.isRunning()).toBe(true);
      expect(server.output()).not.toMatch(/uncaught|unhandled/i);
    },
    PROCESS_TIMEOUT_MS,
  );
});
