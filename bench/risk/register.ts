/**
 * The risk register under load: GET /api/orgs/bench/scenarios (first page by priority, filtered, sorted by
 * title, searched, a deep offset page) and the heat map (current, residual), with 100,000 assets and 50,000
 * scenarios (~3 links each) on one 5×5 criteria set, served by the real product in its own process and
 * driven by autocannon; then the report generation time for 1,000 risks (CSV, XLSX, PDF) in-process.
 * PostgreSQL at 50 connections; the embedded store (PGlite) at fewer. One JSON object on stdout.
 *
 *   npx tsx bench/risk/register.ts [--store postgres|embedded|both] [--scenarios 50000] [--assets 100000]
 *        [--connections 50] [--embedded-connections 10] [--duration 10] [--warmup 3]
 *        [--variants first,filtered,title,search,deep,heatCurrent,heatResidual,scattered] [--indexes none|schema|both]
 *
 * See bench/risk/README.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store, StoreKind } from '../../src/platform/db/store.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import { createOrganization } from '../../src/platform/orgs/orgs.service.ts';
import { randomSecret } from '../../src/platform/util/digest.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { renderReportCsv } from '../../src/risk/report-csv.ts';
import { gatherReport } from '../../src/risk/report-data.ts';
import { renderReportPdf } from '../../src/risk/report-pdf.ts';
import { renderReportXlsx } from '../../src/risk/report-xlsx.ts';
import { seedSqlEstate, type Exec } from '../graph/sql-estate.ts';
import { ensurePostgresUp, urlFor, withAdmin } from '../http/bench-stores.ts';
import { median, positiveInt } from '../http/load.ts';
import { BENCH_ORG_SLUG, createBenchOrg } from '../http/seed-audit.ts';
import { freePort, readCpuMs, startServer, type ServerProcess } from '../http/server-process.ts';
import { DROP_REGISTER_INDEXES, REGISTER_INDEXES } from './register-indexes.ts';
import { seedRegister, type SeededRegister } from './seed-register.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    scenarios: { type: 'string', default: '50000' },
    assets: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '50' },
    'embedded-connections': { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    variants: { type: 'string', default: 'first,filtered,title,search,deep,heatCurrent,heatResidual,scattered' },
    indexes: { type: 'string', default: 'both' },
    /** Leave the seeded store behind (its database or directory is logged) to look at plans afterwards. */
    keep: { type: 'boolean', default: false },
    /** Skip the bare node:http floor (register-floor-server.ts) measured after each variant on PostgreSQL. */
    'no-floor': { type: 'boolean', default: false },
  },
});

const scenarioCount = positiveInt('scenarios', flags.scenarios);
const assetCount = positiveInt('assets', flags.assets);
const duration = positiveInt('duration', flags.duration);
const warmup = positiveInt('warmup', flags.warmup);
const connectionsFor: Record<StoreKind, number> = {
  postgres: positiveInt('connections', flags.connections),
  embedded: positiveInt('embedded-connections', flags['embedded-connections']),
};
const poolSize = positiveInt('BULWARK_POOL_SIZE', process.env.BULWARK_POOL_SIZE ?? '20');
const stores: StoreKind[] = flags.store === 'both' ? ['postgres', 'embedded'] : [flags.store as StoreKind];
for (const kind of stores) if (kind !== 'postgres' && kind !== 'embedded') throw new Error(`--store must be postgres, embedded or both`);
const indexModes = flags.indexes === 'both' ? ['none', 'schema'] : [flags.indexes];
for (const mode of indexModes) if (mode !== 'none' && mode !== 'schema') throw new Error('--indexes must be none, schema or both');

const REPORT_RISKS = 1000;
const REPORT_SLUG = 'bench-report';

// ------------------------------------------------------------------------------------------- seeding

interface Seeded {
  orgId: string;
  token: string;
  register: SeededRegister;
  reportOrgId: string;
  seedSeconds: number;
}

const FIVE_BY_FIVE_PROBE = { likelihood: 3, consequence: 3 };

async function seed(store: Store, exec: Exec): Promise<Seeded> {
  const started = performance.now();
  const org = await createBenchOrg(store);
  const access = {
    orgId: org.orgId,
    orgSlug: BENCH_ORG_SLUG,
    role: 'owner' as const,
    actor: org.owner,
    userId: org.owner.id,
    requestId: null,
  };
  const criteria = await createCriteria(store, access, { template: '5x5', makeDefault: true });
  log(`seeding ${assetCount} assets`);
  await seedSqlEstate(exec, org.orgId, { assets: assetCount, edges: 0, dependencies: 1000, log: (m) => log(`assets ${m}`) });
  log(`seeding ${scenarioCount} scenarios`);
  const register = await seedRegister(exec, {
    orgId: org.orgId,
    criteriaId: criteria.id,
    matrix: criteria.definition.matrix,
    scenarios: scenarioCount,
    assets: assetCount,
    tag: 'main',
  });
  // A second organization with exactly the report's size, for the in-process report timing.
  const reportOrg = await createOrganization(store, SYSTEM_ACTOR, {
    slug: REPORT_SLUG,
    name: 'Report Bench Holdings',
    ownerUserId: org.owner.id!,
  });
  const reportAccess = { ...access, orgId: reportOrg.id, orgSlug: REPORT_SLUG };
  const reportCriteria = await createCriteria(store, reportAccess, { template: '5x5', makeDefault: true });
  await seedRegister(exec, {
    orgId: reportOrg.id,
    criteriaId: reportCriteria.id,
    matrix: reportCriteria.definition.matrix,
    scenarios: REPORT_RISKS,
    assets: assetCount,
    tag: 'report',
  });
  // The schema has the register's indexes; a run measuring without them starts with them dropped.
  if (indexModes.includes('none')) for (const statement of DROP_REGISTER_INDEXES) await exec(statement);
  await exec('vacuum analyze');
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  log(`seeded ${register.scenarios} scenarios, ${register.links} links, ${register.acceptances} acceptances in ${seedSeconds} s`);
  return { orgId: org.orgId, token: org.token, register, reportOrgId: reportOrg.id, seedSeconds };
}

/** Report generation for the 1,000-risk organization, in-process: gather + render, median of 3 per format. */
async function timeReports(store: Store, orgId: string) {
  const access = { orgId };
  const out: Record<string, { ms: number; bytes: number; rows: number }> = {};
  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    const runs: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const data = await gatherReport(store, access, {});
      const body =
        format === 'csv' ? renderReportCsv(data) : format === 'xlsx' ? await renderReportXlsx(data) : await renderReportPdf(data);
      runs.push(performance.now() - start);
      bytes = body.length;
      rows = data.items.length;
    }
    out[format] = { ms: Math.round(median(runs)), bytes, rows };
    log(`report ${format}: ${out[format].ms} ms for ${rows} risks (${bytes} bytes)`);
  }
  return out;
}

// --------------------------------------------------------------------------------------------- load

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

const round2 = (value: number): number => Math.round(value * 100) / 100;
const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

async function drive(baseUrl: string, token: string, paths: string[], connections: number, seconds: number) {
  const latencies: number[] = [];
  let next = 0;
  let bad = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 60,
    headers: { authorization: `Bearer ${token}` },
    // Each request takes the next path in turn (one counter for all connections, so they do not ask in step).
    requests: [
      { method: 'GET' as const, path: paths[0]!, setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode < 200 || statusCode > 299) bad++;
    latencies.push(responseTime);
  });
  const result = await instance;
  if (bad > 0 || result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
    throw new Error(`${paths[0]}: ${result.non2xx || bad} non-2xx, ${result.errors} errors of ${result.requests.total}`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return {
    rps: Math.round(result.requests.total / result.duration),
    p50Ms: round2(percentile(sorted, 0.5)),
    p95Ms: round2(percentile(sorted, 0.95)),
    p99Ms: round2(percentile(sorted, 0.99)),
    requests: result.requests.total,
  };
}

function variantPaths(register: SeededRegister): Record<string, string[]> {
  const list = `/api/orgs/${BENCH_ORG_SLUG}/scenarios`;
  const deepOffset = Math.floor(scenarioCount / 2);
  return {
    first: [`${list}`],
    filtered: [`${list}?level=2,3&status=in-treatment,assessed`],
    title: [`${list}?sort=title`],
    search: [`${list}?q=ransom`, `${list}?q=R-0123`],
    deep: [`${list}?offset=${deepOffset}`, `${list}?sort=title&offset=${deepOffset}`],
    // Pages nobody asked for before: every 50th offset in three orders (3,000 pages at 50,000 scenarios), more
    // than the product remembers, asked in turn, so every request computes its page (a first view under load).
    scattered: ['', 'sort=title&', 'sort=updated&'].flatMap((order) =>
      Array.from({ length: Math.floor(scenarioCount / 50) }, (_, i) => `${list}?${order}offset=${i * 50}`),
    ),
    heatCurrent: [`${list}/heat-map?rating=current`],
    heatResidual: [`${list}/heat-map?rating=residual`],
    // Not timed under load: checked once, so the filters the bench does not drive still answer.
    probe: [
      `${list}?ownerId=${register.probes.ownerId}`,
      `${list}?assetId=${register.probes.assetId}`,
      `${list}?source=${register.probes.threatId}`,
      `${list}?reviewOverdue=true&sort=reviewDue`,
      `${list}?acceptanceExpired=true`,
      `${list}?cell=current:${FIVE_BY_FIVE_PROBE.likelihood}:${FIVE_BY_FIVE_PROBE.consequence}`,
    ],
  };
}

async function fetchJson(baseUrl: string, token: string, p: string): Promise<{ total?: number; items?: unknown[] }> {
  const response = await fetch(`${baseUrl}${p}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${p} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { total?: number; items?: unknown[] };
}

/** One request at a time, 7 times, median of the last 5: the service time without queueing. */
async function serial(baseUrl: string, token: string, p: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await fetchJson(baseUrl, token, p);
    runs.push(performance.now() - start);
  }
  return round2(median(runs.slice(2)));
}

// -------------------------------------------------------------------------------------------- stores

interface Prepared {
  seeded: Seeded;
  productArgs: string[];
  productEnv: Record<string, string>;
  reports: Record<string, { ms: number; bytes: number; rows: number }>;
  applyIndexes(): Promise<void>;
  backendPids?: () => Promise<number[]>;
  dispose(): Promise<void>;
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
    const store = await openConfiguredStore({ databaseUrl: url, dataDir: '', poolSize: 4 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let seeded: Seeded;
    let reports;
    try {
      seeded = await seed(store, (text, params) => client.query(text, params));
      reports = await timeReports(store, seeded.reportOrgId);
    } finally {
      await client.end();
      await store.close();
    }
    const applyIndexes = async (): Promise<void> => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (const statement of REGISTER_INDEXES) await admin.query(statement);
        await admin.query('vacuum analyze risk_scenarios');
      } finally {
        await admin.end();
      }
    };
    const backendPids = (): Promise<number[]> =>
      withAdmin(async (c) =>
        (await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [database])).rows.map((r) => r.pid),
      );
    return { seeded, reports, productArgs: [], productEnv: { DATABASE_URL: url }, applyIndexes, backendPids, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function prepareEmbedded(): Promise<Prepared> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-risk-'));
  const dispose = async (): Promise<void> => fs.rmSync(root, { recursive: true, force: true });
  try {
    log(`embedded: data directory ${root}`);
    const open = () => openConfiguredStore({ databaseUrl: undefined, dataDir: root, poolSize });
    const store = await open();
    let seeded: Seeded;
    let reports;
    try {
      seeded = await seed(store, async (text, params) => ({ rows: await store.query(text, params ?? []) }));
      reports = await timeReports(store, seeded.reportOrgId);
    } finally {
      await store.close();
    }
    // The server holds the data directory while it runs, so indexes go in between runs.
    const applyIndexes = async (): Promise<void> => {
      const again = await open();
      try {
        for (const statement of REGISTER_INDEXES) await again.query(statement);
        await again.query('vacuum analyze risk_scenarios');
      } finally {
        await again.close();
      }
    };
    return { seeded, reports, productArgs: ['--data-dir', root], productEnv: {}, applyIndexes, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, BULWARK_DATA_DIR: _dir, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', BULWARK_POOL_SIZE: String(poolSize), BULWARK_DEMO: 'false', ...extra };
}

async function startProduct(prepared: Prepared): Promise<ServerProcess> {
  const port = await freePort();
  const args = ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port), '--no-demo', ...prepared.productArgs];
  return startServer({ name: 'product', cwd: REPO_ROOT, args, env: childEnv(prepared.productEnv), port, readyPath: '/readyz' });
}

/** The bare node:http floor (register-floor-server.ts) on the same database: PostgreSQL only. */
async function startFloor(prepared: Prepared): Promise<ServerProcess> {
  const port = await freePort();
  const env = childEnv({ ...prepared.productEnv, FLOOR_PORT: String(port), FLOOR_ORG_ID: prepared.seeded.orgId });
  return startServer({
    name: 'floor',
    cwd: REPO_ROOT,
    args: ['--import', 'tsx', 'bench/risk/register-floor-server.ts'],
    env,
    port,
    readyPath: '/healthz',
  });
}

/** Drives one variant on one server and reads the CPU its process and the database's backends spent on it. */
async function measureOne(prepared: Prepared, server: ServerProcess, token: string, list: string[], connections: number) {
  const dbCpu = async (): Promise<number> =>
    prepared.backendPids ? (await prepared.backendPids()).map((pid) => readCpuMs(pid)).reduce((a, b) => a + b, 0) : 0;
  const dbBefore = await dbCpu();
  const serverBefore = readCpuMs(server.pid);
  const run = await drive(server.baseUrl, token, list, connections, duration);
  const serverCpu = (readCpuMs(server.pid) - serverBefore) / run.requests;
  const dbAfter = await dbCpu();
  return {
    ...run,
    serverCpuMsPerRequest: round2(serverCpu),
    dbCpuMsPerRequest: prepared.backendPids ? round2(Math.max(0, dbAfter - dbBefore) / run.requests) : null,
    loadAvg1m: round2(os.loadavg()[0]!),
  };
}

async function measureVariants(kind: StoreKind, prepared: Prepared, indexes: string) {
  const connections = connectionsFor[kind];
  const server = await startProduct(prepared);
  // The floor shares the database, so it is only for PostgreSQL (PGlite's directory takes one process).
  const floor = kind === 'postgres' && !flags['no-floor'] ? await startFloor(prepared) : undefined;
  try {
    const { token } = prepared.seeded;
    const paths = variantPaths(prepared.seeded.register);
    const shapes: Record<string, number | undefined> = {};
    // Of the scattered pages, a sample is checked and timed alone (all of them would take minutes).
    const sampled = (variant: string, list: string[]): string[] => (variant === 'scattered' ? list.filter((_, i) => i % 500 === 0) : list);
    for (const p of Object.entries(paths).flatMap(([variant, list]) => sampled(variant, list))) {
      const answer = await fetchJson(server.baseUrl, token, p);
      shapes[p.replace(`/api/orgs/${BENCH_ORG_SLUG}/scenarios`, '')] = answer.total;
      if (floor && JSON.stringify(await fetchJson(floor.baseUrl, token, p)) !== JSON.stringify(answer))
        throw new Error(`product and floor disagree on ${p}`);
    }
    const variants = flags.variants.split(',').map((v) => v.trim());
    const all = variants.flatMap((v) => paths[v] ?? []);
    log(`${kind} (${indexes} indexes): warming up ${warmup} s at ${connections} connections`);
    await drive(server.baseUrl, token, all, connections, warmup);
    if (floor) await drive(floor.baseUrl, token, all, connections, warmup);
    const serialMs: Record<string, number> = {};
    for (const p of variants.flatMap((v) => sampled(v, paths[v] ?? [])))
      serialMs[p.replace(`/api/orgs/${BENCH_ORG_SLUG}/scenarios`, '') || '/'] = await serial(server.baseUrl, token, p);
    const results: Record<string, unknown> = {};
    for (const variant of variants) {
      const list = paths[variant];
      if (!list) throw new Error(`unknown variant ${variant}`);
      const run = await measureOne(prepared, server, token, list, connections);
      log(`${kind} ${indexes} ${variant}: ${run.rps} req/s, p50 ${run.p50Ms} p95 ${run.p95Ms} p99 ${run.p99Ms} ms`);
      const floorRun = floor ? await measureOne(prepared, floor, token, list, connections) : undefined;
      if (floorRun) log(`${kind} ${indexes} ${variant} floor: ${floorRun.rps} req/s, p50 ${floorRun.p50Ms} p95 ${floorRun.p95Ms} ms`);
      results[variant] = { ...run, floor: floorRun };
    }
    return { connections, variants: results, serialMs, totals: shapes };
  } finally {
    await server.stop();
    await floor?.stop();
  }
}

async function benchStore(kind: StoreKind) {
  log(`${kind}: preparing ${assetCount} assets and ${scenarioCount} scenarios`);
  const prepared = kind === 'postgres' ? await preparePostgres() : await prepareEmbedded();
  try {
    const byIndexes: Record<string, unknown> = {};
    for (const mode of indexModes) {
      if (mode === 'schema') await prepared.applyIndexes();
      byIndexes[mode] = await measureVariants(kind, prepared, mode);
    }
    const goalOf = (mode: string): unknown => {
      const run = byIndexes[mode] as { variants: Record<string, { p95Ms: number }> } | undefined;
      if (!run || kind !== 'postgres') return undefined;
      const worst = Math.max(...Object.values(run.variants).map((v) => v.p95Ms));
      return { p95Under50ms: worst < 50, worstP95Ms: worst };
    };
    return {
      seedSeconds: prepared.seeded.seedSeconds,
      register: { ...prepared.seeded.register, probes: undefined },
      reports: { risks: REPORT_RISKS, ...prepared.reports, under5s: Object.values(prepared.reports).every((r) => r.ms < 5000) },
      goal: Object.fromEntries(indexModes.map((mode) => [mode, goalOf(mode)])),
      runs: byIndexes,
    };
  } finally {
    if (flags.keep) log(`${kind}: kept the seeded store (--keep)`);
    else await prepared.dispose();
  }
}

const loadAtStart = os.loadavg().map(round2);
const out: Record<string, unknown> = {};
for (const kind of stores) out[kind] = await benchStore(kind);
const cpus = os.cpus();
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'risk-register-http',
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        node: process.version,
        loadAvgAtStart: loadAtStart,
        loadAvgAtEnd: os.loadavg().map(round2),
      },
      scenarios: scenarioCount,
      assets: assetCount,
      duration,
      poolSize,
      results: out,
    },
    null,
    2,
  )}\n`,
);
