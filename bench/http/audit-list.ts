/**
 * The audit list under load: GET /api/orgs/bench/audit?limit=50 (a page of 50 out of 100,000 entries, with
 * an auditor API token) against a bare Fastify + driver floor running the same SQL, in the same run, on
 * PostgreSQL and on the embedded store. Prints one JSON object on stdout; progress goes to stderr.
 *
 *   npx tsx bench/http/audit-list.ts [--store postgres|embedded|both] [--duration 10] [--connections 50]
 *                                    [--warmup 3] [--rounds 3] [--entries 100000] [--variants list,filtered]
 *
 * See bench/http/README.md for how to read the figures.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { StoreKind } from '../../src/platform/db/store.ts';
import { prepareStore, type PreparedStore } from './bench-stores.ts';
import { assertAllOk, median, positiveInt, runLoad, type LoadResult, type LoadTarget } from './load.ts';
import { BENCH_ORG_SLUG } from './seed-audit.ts';
import { freePort, readCpuMs, startServer, withRssPeak, type ServerProcess } from './server-process.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const PAGE = 50;
/** The query string of each variant, identical on the product and the floor. */
const VARIANTS = { list: `limit=${PAGE}`, filtered: `limit=${PAGE}&action=token.*` } as const;
type Variant = keyof typeof VARIANTS;

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    entries: { type: 'string', default: '100000' },
    variants: { type: 'string', default: 'list,filtered' },
  },
});

const duration = positiveInt('duration', flags.duration);
const connections = positiveInt('connections', flags.connections);
const warmup = positiveInt('warmup', flags.warmup);
const rounds = positiveInt('rounds', flags.rounds);
const entries = positiveInt('entries', flags.entries);
const poolSize = positiveInt('BULWARK_POOL_SIZE', process.env.BULWARK_POOL_SIZE ?? '20');
const stores: StoreKind[] =
  flags.store === 'both' ? ['postgres', 'embedded'] : flags.store === 'postgres' || flags.store === 'embedded' ? [flags.store] : [];
if (stores.length === 0) throw new Error(`--store must be postgres, embedded or both, got "${flags.store}"`);
const variants = flags.variants.split(',').map((v) => v.trim());
for (const v of variants) if (!(v in VARIANTS)) throw new Error(`unknown variant "${v}" (list, filtered)`);

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, BULWARK_DATA_DIR: _dir, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', BULWARK_POOL_SIZE: String(poolSize), BULWARK_DEMO: 'false', ...extra };
}

async function startProduct(prepared: PreparedStore): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port), '--no-demo', ...prepared.productArgs];
  return startServer({ name: 'product', cwd: REPO_ROOT, args, env: childEnv(prepared.productEnv), port, readyPath: '/readyz' });
}

async function startFloor(prepared: PreparedStore): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({ ...prepared.floorEnv, FLOOR_PORT: String(port), FLOOR_ORG_ID: prepared.orgId });
  return startServer({
    name: 'floor',
    cwd: REPO_ROOT,
    args: ['--import', 'tsx', 'bench/http/floor-server.ts'],
    env,
    port,
    readyPath: '/healthz',
  });
}

const productTarget = (server: ServerProcess, token: string, variant: Variant): LoadTarget => ({
  url: `${server.baseUrl}/api/orgs/${BENCH_ORG_SLUG}/audit?${VARIANTS[variant]}`,
  headers: { authorization: `Bearer ${token}` },
});
const floorTarget = (server: ServerProcess, variant: Variant): LoadTarget => ({
  url: `${server.baseUrl}/audit?${VARIANTS[variant]}`,
  headers: {},
});

async function getJson(target: LoadTarget): Promise<unknown> {
  const response = await fetch(target.url, { headers: target.headers });
  if (!response.ok) throw new Error(`GET ${target.url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Both servers must return the same full page before their speeds are compared. */
async function checkSamePage(product: LoadTarget, floor: LoadTarget): Promise<void> {
  const page = (await getJson(product)) as { items: { seq: number }[]; nextCursor: number | null };
  const rows = (await getJson(floor)) as { seq: number }[];
  const same = page.items.length === PAGE && rows.length === PAGE + 1 && page.items.every((item, i) => item.seq === rows[i]!.seq);
  if (!same) throw new Error(`product and floor disagree on ${product.url}: ${page.items.length} items vs ${rows.length} rows`);
}

/** One measured run: the load generator's view plus the CPU the server (and its database backends) spent. */
interface RunFigures extends LoadResult {
  serverCpuMsPerRequest: number;
  /** PostgreSQL only: CPU of the backends serving this database (the embedded store runs inside the server). */
  dbCpuMsPerRequest: number | null;
  peakMb: number;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

function summarise(runs: RunFigures[], rssIdleMb: number) {
  const dbCpu = runs.map((r) => r.dbCpuMsPerRequest).filter((v): v is number => v !== null);
  return {
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    serverCpuMsPerRequest: round3(median(runs.map((r) => r.serverCpuMsPerRequest))),
    dbCpuMsPerRequest: dbCpu.length > 0 ? round3(median(dbCpu)) : null,
    rssIdleMb,
    rssPeakMb: Math.max(...runs.map((r) => r.peakMb)),
    rounds: runs.map(({ rps, p50Ms, p99Ms }) => ({ rps, p50Ms, p99Ms })),
  };
}

function cpuOf(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, readCpuMs(pid)]));
}

/** CPU used between two snapshots; processes that appeared meanwhile count from zero. */
function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function measure(
  label: string,
  server: ServerProcess,
  target: LoadTarget,
  backendPids: (() => Promise<number[]>) | undefined,
): Promise<RunFigures> {
  const dbBefore = backendPids ? cpuOf(await backendPids()) : undefined;
  const serverBefore = readCpuMs(server.pid);
  const { result, peakMb } = await withRssPeak(server.pid, () => runLoad(target, connections, duration));
  const serverCpuMs = readCpuMs(server.pid) - serverBefore;
  const dbCpuMs = dbBefore && backendPids ? cpuDelta(dbBefore, cpuOf(await backendPids())) : undefined;
  assertAllOk(label, result);
  const run: RunFigures = {
    ...result,
    serverCpuMsPerRequest: round3(serverCpuMs / result.requests),
    dbCpuMsPerRequest: dbCpuMs === undefined ? null : round3(dbCpuMs / result.requests),
    peakMb,
  };
  const db = run.dbCpuMsPerRequest === null ? '' : ` + db ${run.dbCpuMsPerRequest}`;
  log(
    `${label}: ${run.rps} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, CPU/request server ${run.serverCpuMsPerRequest}${db} ms, RSS peak ${peakMb} MiB`,
  );
  return run;
}

/** Floor and product alternately, `rounds` times, after a warm-up of each; medians damp the noise. */
async function compare(
  prepared: PreparedStore,
  variant: Variant,
  servers: { floor: ServerProcess; product: ServerProcess },
  idle: { floor: number; product: number },
) {
  const targets = { floor: floorTarget(servers.floor, variant), product: productTarget(servers.product, prepared.token, variant) };
  await checkSamePage(targets.product, targets.floor);
  const runs = { floor: [] as RunFigures[], product: [] as RunFigures[] };
  for (let round = 1; round <= rounds; round++) {
    for (const side of ['floor', 'product'] as const) {
      runs[side].push(
        await measure(`${prepared.kind} ${variant} ${side} round ${round}/${rounds}`, servers[side], targets[side], prepared.backendPids),
      );
    }
  }
  const product = summarise(runs.product, idle.product);
  const floor = summarise(runs.floor, idle.floor);
  const cpuPerRequest = (figures: typeof product): number => figures.serverCpuMsPerRequest + (figures.dbCpuMsPerRequest ?? 0);
  return {
    query: VARIANTS[variant],
    product,
    floor,
    ratio: round3(product.rps / floor.rps),
    roundRatios: runs.product.map((r, i) => round3(r.rps / runs.floor[i]!.rps)),
    /** Floor CPU per request over the product's (server + database): the throughput ratio on a machine of its own. */
    cpuRatio: round3(cpuPerRequest(floor) / cpuPerRequest(product)),
  };
}

/** What an interrupted run must still undo: child servers, the scratch database or data directory. */
const cleanups = new Set<() => Promise<void>>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130)));
}

async function benchStore(kind: StoreKind) {
  log(`${kind}: preparing a fresh store with ${entries} audit entries`);
  const prepared = await prepareStore(kind, entries, poolSize);
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
    const floor = await startFloor(prepared);
    servers.push(floor);
    const product = await startProduct(prepared);
    servers.push(product);
    log(`${kind}: floor pid ${floor.pid}, product pid ${product.pid}; warming up ${warmup} s each`);
    for (const variant of variants as Variant[]) {
      await runLoad(floorTarget(floor, variant), connections, warmup);
      await runLoad(productTarget(product, prepared.token, variant), connections, warmup);
    }
    // Idle: after the warm-up (JIT, pools and caches filled) and a pause for the sockets to close.
    await sleep(2000);
    const idle = { floor: floor.rssMb(), product: product.rssMb() };
    log(`${kind}: idle RSS floor ${idle.floor} MiB, product ${idle.product} MiB`);
    const out: Record<string, unknown> = { seedSeconds: prepared.seedSeconds };
    for (const variant of variants as Variant[]) {
      const figures = await compare(prepared, variant, { floor, product }, idle);
      if (variant === 'list') Object.assign(out, figures);
      else out[variant] = figures;
    }
    return out;
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

const results: Record<string, unknown> = {};
for (const kind of stores) results[kind] = await benchStore(kind);
const cpus = os.cpus();
process.stdout.write(
  `${JSON.stringify(
    {
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        node: process.version,
        loadAvg1m: Math.round(os.loadavg()[0]! * 100) / 100,
      },
      entries,
      connections,
      duration,
      warmup,
      rounds,
      poolSize,
      results,
    },
    null,
    2,
  )}\n`,
);
