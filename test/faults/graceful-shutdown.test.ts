import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { createStoreTarget, STORE_UNDER_TEST } from '../support/scratch-db.ts';
import {
  seedOrgWithToken,
  startServer,
  type SeededOrg,
  type ServerProcess,
  type StoreTarget,
  PROCESS_TIMEOUT_MS,
} from '../support/server-process.ts';
import { bearer, testConfig } from '../support/test-app.ts';
import { createTestStore } from '../support/test-store.ts';

/**
 * Shutdown lets the requests in flight finish, refuses new connections, and then exits cleanly (the data-dir
 * lock released), well inside serve's grace period.
 */
const onPostgres = process.env.BULWARK_TEST_STORE === 'postgres';

/** Resolves when a new TCP connection to `port` is refused (the listener is closed); rejects after `timeoutMs`. */
async function waitUntilRefused(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    await sleep(50);
  }
  throw new Error(`port ${port} still accepts connections after ${timeoutMs} ms`);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function answerOf(request: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      response.once('error', reject);
    });
  });
}

describe.runIf(!onPostgres)('app.close() with a request in flight (in process)', () => {
  it(
    'lets the in-flight request finish, refuses new connections, and does not wait on idle keep-alive ones',
    async () => {
      const testStore = await createTestStore();
      const app = await buildApp(testStore.store, testConfig());
      let entered!: () => void;
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      app.get('/slow', async () => {
        entered();
        await gate;
        return { ok: true };
      });
      const keepAlive = new http.Agent({ keepAlive: true });
      try {
        await app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = app.server.address() as net.AddressInfo;

        // An idle keep-alive connection, as browsers and proxies hold them.
        expect((await answerOf(http.get({ host: '127.0.0.1', port, path: '/healthz', agent: keepAlive }))).status).toBe(200);
        const inFlight = answerOf(http.get({ host: '127.0.0.1', port, path: '/slow', agent: false }));
        await inHandler;

        let closed = false;
        const closing = app.close().then(() => (closed = true));
        await waitUntilRefused(port);
        // Still draining: close waits for the request in hand.
        expect(closed).toBe(false);

        release();
        const answer = await inFlight;
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toEqual({ ok: true });
        await closing;
        await waitUntilRefused(port, 500);
      } finally {
        release();
        keepAlive.destroy();
        await app.close();
        await testStore.dispose();
      }
    },
    PROCESS_TIMEOUT_MS,
  );
});

function shutdownScenario(makeTarget: () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>): void {
  let target: StoreTarget;
  let cleanup: () => Promise<void> = async () => undefined;
  let org: SeededOrg;
  const servers: ServerProcess[] = [];
  // Clients that keep their connections open, as browsers and load balancers do: one stays idle, one writes.
  const idleClient = new http.Agent({ keepAlive: true });
  const writingClient = new http.Agent({ keepAlive: true });

  beforeAll(async () => {
    ({ target, cleanup } = await makeTarget());
    org = await seedOrgWithToken(target);
  }, PROCESS_TIMEOUT_MS);
  afterAll(async () => {
    idleClient.destroy();
    writingClient.destroy();
    await Promise.all(servers.map((server) => server.dispose()));
    await cleanup();
  }, PROCESS_TIMEOUT_MS);

  it(
    'on SIGTERM finishes a write in flight, refuses new connections, and exits 0 releasing the lock',
    async () => {
      // Info level: the request log line tells us when the server holds the request.
      const server = await startServer(target, { logLevel: 'info' });
      servers.push(server);
      const { port } = server;
      const lockFile = 'dataDir' in target ? path.join(target.dataDir, 'bulwark.lock') : undefined;
      if (lockFile) expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(server.pid));

      const warmup = await answerOf(http.get({ host: '127.0.0.1', port, path: '/healthz', agent: idleClient }));
      expect(warmup.status).toBe(200);
      expect((await answerOf(http.get({ host: '127.0.0.1', port, path: '/healthz', agent: writingClient }))).status).toBe(200);

      // A write whose body is half sent: the server has the request but cannot finish it until we send the rest.
      const body = JSON.stringify({ name: 'in-flight-at-sigterm', role: 'viewer' });
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/orgs/${org.slug}/tokens`,
        agent: writingClient,
        headers: { ...bearer(org.token), 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      const answer = answerOf(request);
      request.write(body.slice(0, 10));
      await server.waitForOutput(`"url":"/api/orgs/${org.slug}/tokens"`);

      const signalledAt = Date.now();
      process.kill(server.pid, 'SIGTERM');
      await server.waitForOutput('shutting down');
      await waitUntilRefused(port);
      expect(server.isRunning()).toBe(true);

      request.end(body.slice(10));
      const response = await answer;
      expect(response.status, response.body).toBe(201);
      expect(JSON.parse(response.body)).toMatchObject({ token: { name: 'in-flight-at-sigterm' } });
      // Otherwise the client keeps the connection, and the server waits for it until its keep-alive timeout.
      expect(response.headers.connection).toBe('close');

      const exit = await server.exited;
      const shutdownMs = Date.now() - signalledAt;
      expect(exit, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).not.toContain('did not finish in time');
      // Inside serve's 10 s grace period (past it, serve exits 1 without closing the store).
      expect(shutdownMs).toBeLessThan(10_000);
      if (lockFile) expect(fs.existsSync(lockFile)).toBe(false);

      // The write that finished during shutdown is durable.
      const restarted = await startServer(target);
      servers.push(restarted);
      const listed = await fetch(`${restarted.baseUrl}/api/orgs/${org.slug}/tokens`, { headers: bearer(org.token) });
      const names = ((await listed.json()) as { items: { name: string }[] }).items.map((t) => t.name);
      expect(names).toContain('in-flight-at-sigterm');
    },
    PROCESS_TIMEOUT_MS,
  );
}

describe(`serve shutdown on SIGTERM, ${STORE_UNDER_TEST}`, () => {
  shutdownScenario(() => createStoreTarget('bulwark-shutdown-'));
});
