import http from 'node:http';
import pg from 'pg';
import type { QueryOptions, Store } from '../../src/platform/db/store.ts';

/** An environment variable the floor cannot run without. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/**
 * The bare node:http server of a floor: `route` picks the answer of a path (null: 404), whose value goes out
 * as JSON through `serialize`; `/healthz` answers for readiness. Listens on 127.0.0.1:FLOOR_PORT with the
 * product's keep-alive timeout; SIGTERM or SIGINT closes the server, then `close` (the driver), then exits.
 */
export function serveFloor(
  route: (url: URL) => (() => Promise<unknown>) | null,
  serialize: (value: unknown) => string,
  close: () => Promise<void>,
): void {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://floor');
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const answer = route(url);
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    answer().then(
      (value) => {
        const body = serialize(value);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
      },
    );
  });
  server.keepAliveTimeout = 72_000;
  const shutdown = (): void => {
    server.close();
    void close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  server.listen(Number(required('FLOOR_PORT')), '127.0.0.1');
}

/**
 * Just enough of a Store for the product's read services: `query` on a bare pg.Pool with the product's pool
 * options (src/platform/db/store.ts), prepared when the service names the statement, as the product does.
 */
export function floorPostgresStore(url: string): { store: Store; close: () => Promise<void> } {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.BULWARK_POOL_SIZE ?? 20),
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => undefined);
  const store = {
    kind: 'postgres',
    query: async (text: string, params: unknown[] = [], options: QueryOptions = {}) =>
      (options.name ? await pool.query({ name: options.name, text, values: params }) : await pool.query(text, params)).rows,
  } as unknown as Store;
  return { store, close: () => pool.end() };
}
