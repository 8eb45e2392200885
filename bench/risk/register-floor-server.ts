/**
 * The floor the risk register is measured against: bare node:http (no framework, no authentication, no
 * hooks, no logging) with the register's two read routes calling the product's own services
 * (src/risk/register.service.ts listRegister, heat-map.service.ts getHeatMap: the same SQL, the same
 * remembered pages, orders and totals) on a bare pg.Pool, and the product's own serializer for remembered
 * answers (one JSON.stringify per remembered object). The query string is parsed by the product's schemas,
 * since that is what turns `level=2,3` or `cell=current:1:2` into a filter. PostgreSQL only. Run as a child
 * process by register.ts:
 *
 *   FLOOR_PORT=… FLOOR_ORG_ID=… DATABASE_URL=… node --import tsx bench/risk/register-floor-server.ts
 */
import http from 'node:http';
import pg from 'pg';
import type { QueryOptions, Store } from '../../src/platform/db/store.ts';
import { rememberedJsonSerializer } from '../../src/platform/http/openapi-helpers.ts';
import { getHeatMap } from '../../src/risk/heat-map.service.ts';
import { ZHeatMapQuery, ZRegisterQuery } from '../../src/risk/register.schema.ts';
import { listRegister } from '../../src/risk/register.service.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

// The product's pool options (src/platform/db/store.ts), so both sides get the same connections.
const pool = new pg.Pool({
  connectionString: required('DATABASE_URL'),
  max: Number(process.env.BULWARK_POOL_SIZE ?? 20),
  connectionTimeoutMillis: 5000,
  idleTimeoutMillis: 30_000,
});
pool.on('error', () => undefined);
/** Just enough of a Store for the register's reads: `query` on the driver, prepared when named, as the product does. */
const store = {
  kind: 'postgres',
  query: async (text: string, params: unknown[] = [], options: QueryOptions = {}) =>
    (options.name ? await pool.query({ name: options.name, text, values: params }) : await pool.query(text, params)).rows,
} as unknown as Store;

const access = { orgId: required('FLOOR_ORG_ID'), tokenCheck: undefined };
const serialize = rememberedJsonSerializer();

/** The query string as the product's route sees it: repeated keys as lists, the rest as strings. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const answer = url.pathname.endsWith('/scenarios/heat-map')
    ? () => getHeatMap(store, access, ZHeatMapQuery.parse(queryObject(url.searchParams)))
    : url.pathname.endsWith('/scenarios')
      ? () => listRegister(store, access, ZRegisterQuery.parse(queryObject(url.searchParams)))
      : url.pathname === '/healthz'
        ? async () => ({ status: 'ok' })
        : null;
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
  void pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

server.listen(Number(required('FLOOR_PORT')), '127.0.0.1');
