/**
 * The inventory asset list under load: GET /api/orgs/bench/assets over a mix of first pages, deep cursor
 * pages, filters and searches, with 100,000 assets and 200,000 dependencies, against a bare node:http
 * floor calling the same listAssets (so the same SQL) on the bare driver, in the same run. PostgreSQL at
 * 50 connections by default; the embedded store (PGlite, one process, one connection) at fewer.
 * Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npx tsx bench/http/inventory-list.ts [--store postgres|embedded|both] [--connections 50]
 *        [--embedded-connections 10] [--duration 10] [--warmup 5] [--rounds 2] [--assets 100000]
 *        [--dependencies 200000] [--mixes first,deep,filter,search,all,scattered]
 *
 * See bench/http/README.md for how to read the figures.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store, StoreKind } from '../../src/platform/db/store.ts';
import { randomSecret } from '../../src/platform/util/digest.ts';
import { seedSqlEstate, type Exec, type SqlEstate } from '../graph/sql-estate.ts';
import { ensurePostgresUp, urlFor, withAdmin } from './bench-stores.ts';
import { median, positiveInt } from './load.ts';
import { BENCH_ORG_SLUG, createBenchOrg } from './seed-audit.ts';
import { freePort, readCpuMs, startServer, withRssPeak, type ServerProcess } from './server-process.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    connections: { type: 'string', default: '50' },
    'embedded-connections': { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    assets: { type: 'string', default: '100000' },
    dependencies: { type: 'string', default: '200000' },
    mixes: { type: 'string', default: 'first,deep,filter,search,all,scattered' },
  },
});

const duration = positiveInt('duration', flags.duration);
const warmup = positiveInt('warmup', flags.warmup);
const rounds = positiveInt('rounds', flags.rounds);
const assetCount = positiveInt('assets', flags.assets);
const dependencyCount = positiveInt('dependencies', flags.dependencies);
const connectionsFor: Record<StoreKind, number> = {
  postgres: positiveInt('connections', flags.connections),
  embedded: positiveInt('embedded-connections', flags['embedded-connections']),
};
const poolSize = positiveInt('BULWARK_POOL_SIZE', process.env.BULWARK_POOL_SIZE ?? '20');
const stores: StoreKind[] =
  flags.store === 'both' ? ['postgres', 'embedded'] : flags.store === 'postgres' || flags.store === 'embedded' ? [flags.store] : [];
if (stores.length === 0) throw new Error(`--store must be postgres, embedded or both, got "${flags.store}"`);
const MIX_NAMES = ['first', 'deep', 'filter', 'search', 'all', 'scattered'] as const;
type MixName = (typeof MIX_NAMES)[number];
const mixes = flags.mixes.split(',').map((m) => m.trim()) as MixName[];
for (const m of mixes) if (!MIX_NAMES.includes(m)) throw new Error(`unknown mix "${m}" (${MIX_NAMES.join(', ')})`);

// ------------------------------------------------------------------------------------------ the store

interface Prepared {
  kind: StoreKind;
  orgId: string;
  token: string;
  estate: SqlEstate;
  seedSeconds: number;
  /** Values the search mix needs (an existing cmdb id and purl). */
  probes: { cmdbId: string; purl: string; names: string[] };
  productArgs: string[];
  productEnv: Record<string, string>;
  floorEnv: Record<string, string>;
  backendPids?: () => Promise<number[]>;
  dispose(): Promise<void>;
}

async function seedInto(
  store: Store,
  exec: Exec,
): Promise<Omit<Prepared, 'kind' | 'productArgs' | 'productEnv' | 'floorEnv' | 'backendPids' | 'dispose'>> {
  const org = await createBenchOrg(store);
  const started = performance.now();
  const estate = await seedSqlEstate(exec, org.orgId, {
    assets: assetCount,
    edges: 0,
    dependencies: dependencyCount,
    log: (m) => log(`seed ${m}`),
  });
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  const one = async (column: string): Promise<string> =>
    String(
      (
        await exec(
          `select ${column} as v from assets where org_id = $1 and ${column} is not null order by id offset ${Math.floor(assetCount / 100)} limit 1`,
          [org.orgId],
        )
      ).rows[0]!.v,
    );
  const names = (
    await exec(
      `select name from assets where org_id = $1 and kind in ('host', 'software') order by id offset ${Math.floor(assetCount / 50)} limit 2`,
      [org.orgId],
    )
  ).rows.map((r) => String(r.name));
  const probes = { cmdbId: await one('cmdb_id'), purl: await one('purl'), names };
  log(`seeded ${estate.assets} assets, ${estate.dependencies} dependencies (+${estate.operatorEdges} operated assets) in ${seedSeconds} s`);
  return { orgId: org.orgId, token: org.token, estate, seedSeconds, probes };
}

async function preparePostgres(): Promise<Prepared> {
  await ensurePostgresUp();
  const database = `bulwark_bench_${randomSecret(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  await withAdmin((client) => client.query(`create database ${database}`));
  const dispose = (): Promise<void> =>
    withAdmin((client) => client.query(`drop database if exists ${database} with (force)`)).then(() => undefined);
  try {
    const url = urlFor(database);
    log(`postgres: scratch database ${database}`);
    const store = await openConfiguredStore({ databaseUrl: url, dataDir: '', poolSize: 2 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let seeded;
    try {
      seeded = await seedInto(store, (text, params) => client.query(text, params));
    } finally {
      await client.end();
      await store.close();
    }
    const backendPids = (): Promise<number[]> =>
      withAdmin(async (client) =>
        (await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database])).rows.map((r) => r.pid),
      );
    return {
      kind: 'postgres',
      ...seeded,
      productArgs: [],
      productEnv: { DATABASE_URL: url },
      floorEnv: { DATABASE_URL: url },
      backendPids,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** A temporary data directory, seeded here and closed, then copied for the floor (one process per directory). */
async function prepareEmbedded(): Promise<Prepared> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-inventory-'));
  const dispose = async (): Promise<void> => fs.rmSync(root, { recursive: true, force: true });
  try {
    const productDir = path.join(root, 'product');
    const floorDir = path.join(root, 'floor');
    log(`embedded: data directory ${productDir}`);
    const store = await openConfiguredStore({ databaseUrl: undefined, dataDir: productDir, poolSize });
    let seeded;
    try {
      seeded = await seedInto(store, async (text, params) => ({ rows: await store.query(text, params ?? []) }));
    } finally {
      await store.close();
    }
    fs.cpSync(path.join(productDir, 'pg'), path.join(floorDir, 'pg'), { recursive: true });
    return {
      kind: 'embedded',
      ...seeded,
      productArgs: ['--data-dir', productDir],
      productEnv: {},
      floorEnv: { FLOOR_DATA_DIR: floorDir },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------- the servers

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, BULWARK_DATA_DIR: _dir, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', BULWARK_POOL_SIZE: String(poolSize), BULWARK_DEMO: 'false', ...extra };
}

async function startProduct(prepared: Prepared): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port), '--no-demo', ...prepared.productArgs];
  return startServer({ name: 'product', cwd: REPO_ROOT, args, env: childEnv(prepared.productEnv), port, readyPath: '/readyz' });
}

async function startFloor(prepared: Prepared): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({ ...prepared.floorEnv, FLOOR_PORT: String(port), FLOOR_ORG_ID: prepared.orgId });
  return startServer({
    name: 'floor',
    cwd: REPO_ROOT,
    args: ['--import', 'tsx', 'bench/http/inventory-floor-server.ts'],
    env,
    port,
    readyPath: '/healthz',
  });
}

interface Side {
  server: ServerProcess;
  /** Path prefix of the list (the query string is appended). */
  prefix: string;
  headers: Record<string, string>;
}

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
}

async function getPage(side: Side, query: string): Promise<Page> {
  const url = `${side.server.baseUrl}${side.prefix}?${query}`;
  const response = await fetch(url, { headers: side.headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Page;
}

// ------------------------------------------------------------------------------------------ the mixes

/** Cursors at about 10 %, 50 % and 90 % of the list, per sort, walked with pages of 500 on the product. */
async function deepCursors(product: Side): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const sort of ['name', 'criticality', '-updatedAt']) {
    const wanted = [0.1, 0.5, 0.9].map((share) => Math.round((share * assetCount) / 500));
    out[sort] = [];
    let cursor: string | null = null;
    for (let page = 1; page <= Math.max(...wanted); page++) {
      const result: Page = await getPage(product, `sort=${sort}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = result.nextCursor;
      if (!cursor) break;
      if (wanted.includes(page)) out[sort].push(cursor);
    }
  }
  return out;
}

/**
 * Pages nobody asked for before: the cursor after every 100th asset of each sort (3,000 pages at 100,000
 * assets), more than the product remembers (src/inventory/assets-list.ts), and asked in turn, so every
 * request computes its page: what a first view costs under load.
 */
async function scatteredCursors(product: Side): Promise<string[]> {
  const out: string[] = [];
  for (const sort of ['name', 'criticality', '-updatedAt']) {
    let cursor: string | null = null;
    do {
      const result: Page = await getPage(product, `sort=${sort}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = result.nextCursor;
      if (cursor) out.push(`sort=${sort}&cursor=${cursor}`);
    } while (cursor);
  }
  return out;
}

/** The query strings of each mix (every request asks for the default page of 50). */
async function buildMixes(product: Side, prepared: Prepared): Promise<Record<MixName, string[]>> {
  const cursors = await deepCursors(product);
  const enc = encodeURIComponent;
  const first = ['sort=name', 'sort=criticality', 'sort=-updatedAt'];
  const deep = Object.entries(cursors).flatMap(([sort, list]) => list.map((cursor) => `sort=${sort}&cursor=${cursor}`));
  const filter = [
    'kind=host',
    'category=primary',
    'status=retired',
    'tag=pci',
    'kind=software&status=in-use&sort=-updatedAt',
    'tag=gdpr&sort=criticality',
  ];
  // Names are "<prefix>-<word>-<role>-<number>": a name prefix and two words of existing names.
  const parts = prepared.probes.names.map((name) => name.split('-'));
  const search = [
    'q=payments',
    'q=vol',
    `q=${enc(`${parts[0]![0]}-${parts[0]![1]}`)}`,
    `q=${enc(`${parts[0]![1]} ${parts[0]![2]}`)}`,
    `q=${enc(`${parts[1]![2]} ${parts[1]![1]}`)}`,
    `q=${enc(prepared.probes.cmdbId)}`,
    `q=${enc(prepared.probes.purl)}`,
  ];
  const scattered = mixes.includes('scattered') ? await scatteredCursors(product) : [];
  return { first, deep, filter, search, all: [...first, ...deep, ...filter, ...search], scattered };
}

/** Product and floor must return the same page (ids, cursor, total) for every query before they are timed. */
async function checkSamePages(
  product: Side,
  floor: Side,
  queries: string[],
): Promise<Record<string, { items: number; total: number; estimate: boolean }>> {
  const shapes: Record<string, { items: number; total: number; estimate: boolean }> = {};
  for (const [i, query] of queries.entries()) {
    const [a, b] = await Promise.all([getPage(product, query), getPage(floor, query)]);
    const same =
      a.items.length === b.items.length &&
      a.items.every((item, i) => item.id === b.items[i]!.id) &&
      a.nextCursor === b.nextCursor &&
      a.total === b.total;
    if (!same) throw new Error(`product and floor disagree on ${query}`);
    if (a.items.length === 0) throw new Error(`${query} returned no item`);
    shapes[query.length > 60 ? `${query.slice(0, 40)}… (#${i})` : query] = {
      items: a.items.length,
      total: a.total,
      estimate: a.totalIsEstimate,
    };
  }
  return shapes;
}

/**
 * Each query alone, one request at a time (7 requests, the median of the last 5), on both sides: the
 * service time a request costs when nothing queues, which is what the loaded percentiles are made of.
 */
async function serialLatencies(sides: { floor: Side; product: Side }, queries: string[]) {
  const once = async (side: Side, query: string): Promise<number> => {
    const start = performance.now();
    await getPage(side, query);
    return performance.now() - start;
  };
  const perQuery = [];
  for (const [i, query] of queries.entries()) {
    const figures = { floorMs: 0, productMs: 0 };
    for (const name of ['floor', 'product'] as const) {
      const runs: number[] = [];
      for (let r = 0; r < 7; r++) runs.push(await once(sides[name], query));
      figures[`${name}Ms`] = round2(median(runs.slice(2)));
    }
    perQuery.push({ query: query.length > 60 ? `${query.slice(0, 40)}… (#${i})` : query, ...figures });
  }
  return { loadAvg1m: round2(os.loadavg()[0]!), perQuery };
}

// ------------------------------------------------------------------------------------------- the load

interface AutocannonInstance extends PromiseLike<{
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { total: number };
}> {
  on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  headers: Record<string, string>;
  requests: { method: 'GET'; path: string; setupRequest?: (request: { path: string }) => { path: string } }[];
}) => AutocannonInstance;

interface MixRun {
  rps: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuMsPerRequest: number;
  dbCpuMsPerRequest: number | null;
  peakMb: number;
  loadAvg1m: number;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Drives one side with `connections` keep-alive connections for `seconds`; each request takes the mix's
 * next query in turn (one counter for all connections, so they do not ask the same query in step).
 * Latencies of every response are kept, so p95 is exact.
 */
async function drive(
  side: Side,
  queries: string[],
  connections: number,
  seconds: number,
): Promise<{ latencies: Float64Array; rps: number; requests: number }> {
  const latencies: number[] = [];
  let bad = 0;
  let next = 0;
  const requests = [
    {
      method: 'GET' as const,
      path: `${side.prefix}?${queries[0]}`,
      setupRequest: (request: { path: string }) => ({ ...request, path: `${side.prefix}?${queries[next++ % queries.length]}` }),
    },
  ];
  const instance = autocannon({ url: side.server.baseUrl, connections, duration: seconds, timeout: 60, headers: side.headers, requests });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode < 200 || statusCode > 299) bad++;
    latencies.push(responseTime);
  });
  const result = await instance;
  if (bad > 0 || result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
    throw new Error(
      `${side.server.name}: ${result.non2xx || bad} non-2xx, ${result.errors} errors (${result.timeouts} timeouts) of ${result.requests.total}`,
    );
  }
  const sorted = Float64Array.from(latencies).sort();
  return { latencies: sorted, rps: Math.round(result.requests.total / result.duration), requests: result.requests.total };
}

function cpuOf(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, readCpuMs(pid)]));
}

function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function measure(
  label: string,
  side: Side,
  queries: string[],
  connections: number,
  backendPids: (() => Promise<number[]>) | undefined,
): Promise<MixRun> {
  const dbBefore = backendPids ? cpuOf(await backendPids()) : undefined;
  const serverBefore = readCpuMs(side.server.pid);
  const { result, peakMb } = await withRssPeak(side.server.pid, () => drive(side, queries, connections, duration));
  const serverCpuMs = readCpuMs(side.server.pid) - serverBefore;
  const dbCpuMs = dbBefore && backendPids ? cpuDelta(dbBefore, cpuOf(await backendPids())) : undefined;
  const { latencies } = result;
  const run: MixRun = {
    rps: result.rps,
    requests: result.requests,
    p50Ms: round2(percentile(latencies, 0.5)),
    p95Ms: round2(percentile(latencies, 0.95)),
    p99Ms: round2(percentile(latencies, 0.99)),
    maxMs: round2(latencies[latencies.length - 1] ?? 0),
    serverCpuMsPerRequest: Math.round((serverCpuMs / result.requests) * 1000) / 1000,
    dbCpuMsPerRequest: dbCpuMs === undefined ? null : Math.round((dbCpuMs / result.requests) * 1000) / 1000,
    peakMb,
    loadAvg1m: round2(os.loadavg()[0]!),
  };
  const db = run.dbCpuMsPerRequest === null ? '' : ` + db ${run.dbCpuMsPerRequest}`;
  log(
    `${label}: ${run.rps} req/s, p50 ${run.p50Ms} p95 ${run.p95Ms} p99 ${run.p99Ms} ms, CPU/request server ${run.serverCpuMsPerRequest}${db} ms, load ${run.loadAvg1m}`,
  );
  return run;
}

function summarise(runs: MixRun[]) {
  const dbCpu = runs.map((r) => r.dbCpuMsPerRequest).filter((v): v is number => v !== null);
  return {
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p95Ms: median(runs.map((r) => r.p95Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    serverCpuMsPerRequest: median(runs.map((r) => r.serverCpuMsPerRequest)),
    dbCpuMsPerRequest: dbCpu.length > 0 ? median(dbCpu) : null,
    rssPeakMb: Math.max(...runs.map((r) => r.peakMb)),
    rounds: runs.map(({ rps, p50Ms, p95Ms, p99Ms, maxMs, loadAvg1m }) => ({ rps, p50Ms, p95Ms, p99Ms, maxMs, loadAvg1m })),
  };
}

// ------------------------------------------------------------------------------------------ the run

const cleanups = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130)));
}

async function benchStore(kind: StoreKind) {
  const connections = connectionsFor[kind];
  log(`${kind}: preparing ${assetCount} assets and ${dependencyCount} dependencies`);
  const prepared = kind === 'postgres' ? await preparePostgres() : await prepareEmbedded();
  const servers: ServerProcess[] = [];
  let cleaned = false;
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    for (const server of servers.reverse()) await server.stop();
    await prepared.dispose();
  };
  cleanups.add(cleanup);
  try {
    const floorServer = await startFloor(prepared);
    servers.push(floorServer);
    const productServer = await startProduct(prepared);
    servers.push(productServer);
    const sides = {
      floor: { server: floorServer, prefix: '/assets', headers: {} } as Side,
      product: {
        server: productServer,
        prefix: `/api/orgs/${BENCH_ORG_SLUG}/assets`,
        headers: { authorization: `Bearer ${prepared.token}` },
      } as Side,
    };
    const queries = await buildMixes(sides.product, prepared);
    const pages = await checkSamePages(sides.product, sides.floor, queries.all);
    await checkSamePages(
      sides.product,
      sides.floor,
      queries.scattered.filter((_, i) => i % 100 === 0),
    );
    log(`${kind}: ${queries.all.length} queries, same pages on both sides; warming up ${warmup} s each at ${connections} connections`);
    await drive(sides.floor, queries.all, connections, warmup);
    await drive(sides.product, queries.all, connections, warmup);
    await sleep(2000);
    const idle = { floor: floorServer.rssMb(), product: productServer.rssMb() };
    const serial = await serialLatencies(sides, queries.all);
    log(`${kind}: one request at a time: ${serial.perQuery.map((q) => `${q.query} ${q.productMs}/${q.floorMs}`).join(', ')}`);
    const results: Record<string, unknown> = {};
    const runs: Record<string, { floor: MixRun[]; product: MixRun[] }> = {};
    for (const mix of mixes) runs[mix] = { floor: [], product: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const mix of mixes) {
        for (const side of ['floor', 'product'] as const) {
          runs[mix]![side].push(
            await measure(`${kind} ${mix} ${side} round ${round}/${rounds}`, sides[side], queries[mix], connections, prepared.backendPids),
          );
        }
      }
    }
    for (const mix of mixes) {
      const product = summarise(runs[mix]!.product);
      const floor = summarise(runs[mix]!.floor);
      const cpu = (s: typeof product): number => s.serverCpuMsPerRequest + (s.dbCpuMsPerRequest ?? 0);
      results[mix] = {
        queries: queries[mix].length,
        product,
        floor,
        /** product rps / floor rps: what the product keeps of the floor's throughput (higher is better, 1 = floor). */
        rpsRatio: round2(product.rps / floor.rps),
        /** product p95 / floor p95 (lower is better, 1 = floor). */
        p95Ratio: round2(product.p95Ms / floor.p95Ms),
        /** floor CPU per request / product's (server + database): the throughput ratio on a machine of its own. */
        cpuRatio: round2(cpu(floor) / cpu(product)),
      };
    }
    const all = results.all as { product: { p95Ms: number } } | undefined;
    const scattered = results.scattered as { product: { p95Ms: number } } | undefined;
    return {
      connections,
      seedSeconds: prepared.seedSeconds,
      estate: {
        assets: prepared.estate.assets,
        dependencies: prepared.estate.dependencies,
        operatedAssets: prepared.estate.operatorEdges,
        organizations: prepared.estate.organizations,
      },
      rssIdleMb: idle,
      goal:
        kind === 'postgres' && all
          ? { p95Under50ms: all.product.p95Ms < 50, overallP95Ms: all.product.p95Ms, pagesNeverSeenP95Ms: scattered?.product.p95Ms ?? null }
          : undefined,
      mixes: results,
      serial,
      pages,
    };
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

const loadAtStart = os.loadavg().map(round2);
const out: Record<string, unknown> = {};
for (const kind of stores) out[kind] = await benchStore(kind);
const cpus = os.cpus();
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'inventory-list-http',
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        node: process.version,
        loadAvgAtStart: loadAtStart,
        loadAvgAtEnd: os.loadavg().map(round2),
      },
      assets: assetCount,
      dependencies: dependencyCount,
      duration,
      warmup,
      rounds,
      poolSize,
      results: out,
    },
    null,
    2,
  )}\n`,
);
