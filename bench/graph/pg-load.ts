/**
 * The inventory graph loaded from PostgreSQL at scale (default 1,000,000 assets and 5,000,000 edges):
 * a scratch database, migrated, one organization, the estate generated in SQL (sql-estate.ts); then, each
 * in a fresh child process, the product's cold load (`graphFor`, graph-store.ts) and a floor (one pg
 * client, the same numbering and edge join as plain rows, typed arrays filled in a loop, buildCsr and an
 * id map), alternating; the product child goes on to the analytics through the service functions the
 * routes call. Prints one JSON object on stdout; progress goes to stderr. The scratch database is dropped
 * at the end, also on failure.
 *
 *   npx tsx bench/graph/pg-load.ts [--assets 1000000] [--edges 5000000] [--rounds 2] [--reps 3]
 *                                  [--explain-settings 'default;jit=off;jit=off,work_mem=64MB;jit=off,work_mem=256MB'] [--cpu-prof]
 *
 * See bench/graph/README.md for how to read the output.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { computeBlastRadius, computeUpstream } from '../../src/inventory/analytics-reach.service.ts';
import { computeConcentration, computeProtection } from '../../src/inventory/analytics-structure.service.ts';
import { ZTraversalQuery } from '../../src/inventory/analytics.schema.ts';
import { buildCsr } from '../../src/inventory/graph/csr.ts';
import { allocateEdgeArrays, allocateNodeColumns } from '../../src/inventory/graph/index.ts';
import { ASSET_KIND_CODES, DEPENDENCY_TYPE_CODES, ORGANIZATION_CODE } from '../../src/inventory/graph-codes.ts';
import { graphFor } from '../../src/inventory/graph-store.ts';
import { ASSET_KINDS, DEPENDENCY_TYPES, PRIMARY_ASSET_KINDS } from '../../src/inventory/vocabulary.ts';
import { migratePostgres } from '../../src/platform/db/migrate.ts';
import { openPostgresStore } from '../../src/platform/db/store.ts';
import { randomSecret } from '../../src/platform/util/digest.ts';
import { ensurePostgresUp, urlFor, withAdmin } from '../http/bench-stores.ts';
import { readCpuMs } from '../http/server-process.ts';
import { createBenchOrg } from '../http/seed-audit.ts';
import { createFloorBfs } from './floor.ts';
import { median, round } from './measure.ts';
import { seedSqlEstate, type SqlEstate } from './sql-estate.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const MB = 1024 * 1024;
const log = (message: string): void => void process.stderr.write(`[pg-load] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    assets: { type: 'string', default: '1000000' },
    edges: { type: 'string', default: '5000000' },
    rounds: { type: 'string', default: '2' },
    reps: { type: 'string', default: '3' },
    'explain-settings': { type: 'string', default: 'default;jit=off;jit=off,work_mem=64MB;jit=off,work_mem=256MB' },
    'cpu-prof': { type: 'boolean', default: false },
    // Child mode (set by the parent).
    child: { type: 'string' },
    url: { type: 'string' },
    org: { type: 'string' },
    samples: { type: 'string' },
    explain: { type: 'boolean', default: false },
  },
});

// ---------------------------------------------------------------------------------------------- shared

/** Resident memory of this process: now, and the high-water mark (VmHWM) since it started, in MiB. */
function residentMb(): { rssMb: number; peakRssMb: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const hwm = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: round(process.memoryUsage().rss / MB), peakRssMb: round(hwm) };
}

function memoryFigures(): Record<string, number> {
  const usage = process.memoryUsage();
  return {
    ...residentMb(),
    heapUsedMb: round(usage.heapUsed / MB),
    arrayBuffersMb: round(usage.arrayBuffers / MB),
    externalMb: round(usage.external / MB),
  };
}

const cpuNowMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** CPU of the PostgreSQL backends connected to `database` (except `exceptPid`), per pid, from /proc. */
async function backendCpu(admin: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
    database,
  ]);
  return new Map(rows.map((r) => [r.pid, readCpuMs(r.pid)]));
}

function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

interface Samples {
  hubs: string[];
  services: string[];
  information: string[];
  organizations: string[];
}

// ------------------------------------------------------------------------------------- product child

interface Traced {
  label: string;
  text: string;
  values: unknown[] | undefined;
  start: number;
  end: number;
}

/** Times every query of this process's pg clients (drizzle and the store's pool both go through Client.query). */
function traceQueries(): Traced[] {
  const trace: Traced[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0];
    const text = typeof config === 'string' ? config : ((config as { text?: string } | undefined)?.text ?? '');
    const values = (Array.isArray(args[1]) ? args[1] : (config as { values?: unknown[] } | undefined)?.values) as unknown[] | undefined;
    const start = performance.now();
    const result = original.apply(this, args);
    const label = /^copy \(select source_id/.test(text)
      ? 'edges'
      : /from assets where org_id/.test(text) && /string_agg/.test(text)
        ? 'assets'
        : /from external_organizations where org_id/.test(text) && /string_agg/.test(text)
          ? 'organizations'
          : text.trim().split(/\s+/).slice(0, 4).join(' ');
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      void (result as Promise<unknown>).then(
        () => trace.push({ label, text, values, start, end: performance.now() }),
        () => undefined,
      );
    } else if (result && typeof (result as NodeJS.ReadableStream).on === 'function') {
      // COPY … TO STDOUT (pg-copy-streams): done when its stream ends.
      (result as NodeJS.ReadableStream).on('end', () => trace.push({ label, text, values, start, end: performance.now() }));
    }
    return result;
  };
  return trace;
}

/** Wall and CPU ms of an async call, with its value. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = cpuNowMs();
  const start = performance.now();
  const value = await run();
  return { ms: round(performance.now() - start, 2), cpuMs: round(cpuNowMs() - cpu, 2), value };
}

async function repeatedCall<T>(reps: number, run: () => Promise<T>): Promise<{ firstMs: number; ms: number; cpuMs: number; value: T }> {
  const runs: { ms: number; cpuMs: number; value: T }[] = [];
  for (let r = 0; r < reps; r++) runs.push(await timed(run));
  return {
    firstMs: runs[0]!.ms,
    ms: round(median(runs.map((r) => r.ms)), 2),
    cpuMs: round(median(runs.map((r) => r.cpuMs)), 2),
    value: runs[0]!.value,
  };
}

async function productChild(
  url: string,
  orgId: string,
  samples: Samples,
  reps: number,
  explain: boolean,
): Promise<Record<string, unknown>> {
  const database = new URL(url).pathname.slice(1);
  const trace = traceQueries();
  const store = openPostgresStore(url, { poolSize: 10 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await store.ping(); // the pool's first connection, not part of the load
    const memoryBefore = memoryFigures();
    const dbBefore = await backendCpu(admin, database);
    trace.length = 0;
    const loadStart = performance.now();
    const load = await timed(() => graphFor(store, orgId));
    const loadEnd = performance.now();
    const loadTrace = trace.filter((t) => t.start >= loadStart && t.end <= loadEnd);
    const dbCpuMs = cpuDelta(dbBefore, await backendCpu(admin, database));
    const memoryAfterLoad = memoryFigures();
    const loaded = load.value;
    const { graph } = loaded;

    // Where the load's wall time went: each query (send → rows parsed by pg), then the client-side build.
    const first = loadTrace[0]?.start ?? loadEnd;
    const lastQueryEnd = Math.max(first, ...loadTrace.map((t) => t.end));
    const splits = {
      beforeFirstQueryMs: round(first - loadStart, 1),
      queries: loadTrace.map((t) => ({ label: t.label, ms: round(t.end - t.start, 1) })),
      queriesTotalMs: round(lastQueryEnd - first, 1),
      buildMs: round(loadEnd - lastQueryEnd, 1),
    };
    const loadQueries = loadTrace.filter((t) => ['assets', 'organizations', 'edges'].includes(t.label));

    const cachedCall = await repeatedCall(reps, () => graphFor(store, orgId));
    const access = { orgId };
    const traversal = ZTraversalQuery.parse({});
    const floorBfs = createFloorBfs(graph.n);
    /** The bare BFS (floor.ts) over the loaded graph's CSR from the same start: median of `reps` runs. */
    const bfsFloor = (direction: 'in' | 'out', id: string): { floorBfsMs: number; floorReached: number } => {
      const u = graph.index.get(id)!;
      const runs: number[] = [];
      let reached = 0;
      for (let r = 0; r < reps; r++) {
        const start = performance.now();
        reached =
          direction === 'in'
            ? floorBfs(graph.base.inOffsets, graph.base.inSources, u)
            : floorBfs(graph.base.outOffsets, graph.base.outTargets, u);
        runs.push(performance.now() - start);
      }
      return { floorBfsMs: round(median(runs), 2), floorReached: reached - 1 };
    };
    const blastRadius = [];
    for (const id of samples.hubs) {
      const run = await repeatedCall(reps, () => computeBlastRadius(store, access, id, traversal, 'asset'));
      blastRadius.push({
        id,
        reached: run.value.total,
        primaryAffected: run.value.primaryAffected,
        firstMs: run.firstMs,
        ms: run.ms,
        cpuMs: run.cpuMs,
        ...bfsFloor('in', id),
      });
    }
    const dependents = [];
    for (const id of samples.organizations) {
      const run = await repeatedCall(reps, () => computeBlastRadius(store, access, id, traversal, 'organization'));
      dependents.push({
        id,
        reached: run.value.total,
        primaryAffected: run.value.primaryAffected,
        firstMs: run.firstMs,
        ms: run.ms,
        cpuMs: run.cpuMs,
        ...bfsFloor('in', id),
      });
    }
    const upstream = [];
    for (const id of samples.services) {
      const run = await repeatedCall(reps, () => computeUpstream(store, access, id, traversal));
      upstream.push({
        id,
        reached: run.value.total,
        organizations: run.value.organizations.length,
        firstMs: run.firstMs,
        ms: run.ms,
        cpuMs: run.cpuMs,
        ...bfsFloor('out', id),
      });
    }
    // Whole-graph passes: the first call computes (memoised per inventory version), the next ones reuse it.
    const protection = await repeatedCall(reps, () => computeProtection(store, access, samples.information[0]!));
    const concentration = await repeatedCall(reps, () => computeConcentration(store, access, { topK: 20 }));
    const memoryAtEnd = memoryFigures();

    let explained: Record<string, unknown> | undefined;
    if (explain) explained = await explainLoad(admin, loadQueries);
    return {
      side: 'product',
      n: graph.n,
      m: graph.base.m,
      version: loaded.version,
      load: { ms: round(load.ms), cpuMs: round(load.cpuMs), dbCpuMs: round(dbCpuMs), splits },
      memoryBefore,
      memoryAfterLoad,
      memoryAtEnd,
      cachedGraphFor: { ms: cachedCall.ms, cpuMs: cachedCall.cpuMs },
      blastRadius,
      dependents,
      upstream,
      effectiveProtection: {
        firstMs: protection.firstMs,
        memoisedMs: protection.ms,
        asset: samples.information[0],
        effective: [
          protection.value.confidentiality.effective,
          protection.value.integrity.effective,
          protection.value.availability.effective,
        ],
      },
      concentration: {
        firstMs: concentration.firstMs,
        memoisedMs: concentration.ms,
        exhaustive: concentration.value.exhaustive,
        topOrganization: concentration.value.organizations[0]?.primaryDependents,
        topAsset: concentration.value.assets[0]?.primaryDependents,
      },
      ...(explained ? { explain: explained } : {}),
    };
  } finally {
    await admin.end();
    await store.close();
  }
}

/**
 * Server-side execution time of the load's three queries (EXPLAIN ANALYZE runs them, aggregates
 * included, but sends nothing), under each settings variant of --explain-settings: what is the
 * database's and what is transfer and parsing, and what work_mem or JIT change. Run after the figures
 * above, so it disturbs none of them.
 */
async function explainLoad(admin: pg.Client, queries: Traced[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const variant of flags['explain-settings'].split(';').map((v) => v.trim())) {
    const settings =
      variant === 'default' ? [] : variant.split(',').map((pair) => pair.split('=').map((x) => x.trim()) as [string, string]);
    for (const [name, value] of settings) {
      if (!/^[a-z_]+$/.test(name) || !/^[0-9A-Za-z]+$/.test(value ?? '')) throw new Error(`bad setting "${name}=${value}"`);
      await admin.query(`set ${name} = '${value}'`);
    }
    const perQuery: Record<string, unknown> = {};
    for (const q of queries) {
      // The edges come by COPY (select …) TO STDOUT: explain its select.
      const query = /^copy \(/.test(q.text) ? q.text.replace(/^copy \(/, '').replace(/\) to stdout with \(format binary\)$/, '') : q.text;
      const { rows } = await admin.query<{ 'QUERY PLAN': [{ 'Execution Time': number; Plan: Record<string, unknown> }] }>(
        `explain (analyze, timing off, format json) ${query}`,
        q.values,
      );
      const plan = rows[0]!['QUERY PLAN'][0];
      perQuery[q.label] = { executionMs: round(plan['Execution Time']), spills: findSpills(plan.Plan) };
    }
    out[variant] = perQuery;
    await admin.query('reset all');
  }
  return out;
}

/** Sorts and hashes of a JSON plan that went to disk. */
function findSpills(plan: Record<string, unknown>, found: string[] = []): string[] {
  if (plan['Sort Space Type'] === 'Disk')
    found.push(`${String(plan['Node Type'])} (${String(plan['Sort Method'])}, ${String(plan['Sort Space Used'])} kB)`);
  if (typeof plan['Hash Batches'] === 'number' && plan['Hash Batches'] > 1) found.push(`Hash (${plan['Hash Batches']} batches)`);
  if (typeof plan['Disk Usage'] === 'number' && plan['Disk Usage'] > 0)
    found.push(`${String(plan['Node Type'])} (disk ${plan['Disk Usage']} kB)`);
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? []) findSpills(child, found);
  return found;
}

// --------------------------------------------------------------------------------------- floor child

/**
 * The same graph with the least code: one client, one snapshot, node rows and (source, target, type)
 * rows of dense numbers (the numbering and join graph-store.ts uses, so the database does the same
 * work), typed arrays filled in a loop, buildCsr, and the id → node map lookups need.
 */
const FLOOR_NODES_SQL = `select id::text, kind, coalesce(confidentiality, 0), coalesce(integrity, 0), coalesce(availability, 0), criticality
                           from assets where org_id = $1 order by id`;
const FLOOR_ORGS_SQL = 'select id::text, criticality from external_organizations where org_id = $1 order by id';
const FLOOR_EDGES_SQL = `
  with node as (
    select id, (row_number() over (order by id))::int - 1 as ix from assets where org_id = $1
    union all
    select id, (select count(*) from assets where org_id = $1)::int + (row_number() over (order by id))::int - 1
      from external_organizations where org_id = $1),
  edge as (
    select source_id as s, coalesce(target_asset_id, target_org_id) as t, array_position($2::text[], type) - 1 as c
      from dependencies where org_id = $1
    union all
    select id, operator_id, $3::int from assets where org_id = $1 and operator_id is not null)
  select sn.ix, tn.ix, e.c from edge e join node sn on sn.id = e.s join node tn on tn.id = e.t`;

async function floorChild(url: string, orgId: string): Promise<Record<string, unknown>> {
  const database = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: url });
  const admin = new pg.Client({ connectionString: url });
  await client.connect();
  await admin.connect();
  try {
    const memoryBefore = memoryFigures();
    const dbBefore = await backendCpu(admin, database);
    const cpu = cpuNowMs();
    const start = performance.now();
    const mark: Record<string, number> = {};
    let at = start;
    const lap = (name: string): void => {
      const now = performance.now();
      mark[name] = round(now - at, 1);
      at = now;
    };
    await client.query('begin isolation level repeatable read read only');
    await client.query('select inventory_version from inventory_state where org_id = $1', [orgId]);
    lap('begin+version');
    const nodeRows = (await client.query<unknown[]>({ text: FLOOR_NODES_SQL, values: [orgId], rowMode: 'array' })).rows;
    lap('assets');
    const orgRows = (await client.query<unknown[]>({ text: FLOOR_ORGS_SQL, values: [orgId], rowMode: 'array' })).rows;
    lap('organizations');
    const edgeValues = [orgId, `{${DEPENDENCY_TYPES.join(',')}}`, DEPENDENCY_TYPES.indexOf('provided-by')];
    let edgeRows: unknown[][] | undefined = (await client.query<unknown[]>({ text: FLOOR_EDGES_SQL, values: edgeValues, rowMode: 'array' }))
      .rows;
    lap('edges');
    await client.query('commit');
    lap('commit');
    const n = nodeRows.length + orgRows.length;
    const nodes = allocateNodeColumns(n);
    const kindCode = new Map(ASSET_KINDS.map((kind, i) => [kind as string, ASSET_KIND_CODES[i]!]));
    const primary = new Set<string>(PRIMARY_ASSET_KINDS);
    for (let u = 0; u < nodeRows.length; u++) {
      const row = nodeRows[u]!;
      nodes.ids[u] = row[0] as string;
      nodes.kind[u] = kindCode.get(row[1] as string)!;
      nodes.isPrimary[u] = primary.has(row[1] as string) ? 1 : 0;
      nodes.confidentiality[u] = row[2] as number;
      nodes.integrity[u] = row[3] as number;
      nodes.availability[u] = row[4] as number;
      nodes.criticality[u] = row[5] as number;
    }
    for (let k = 0; k < orgRows.length; k++) {
      const u = nodeRows.length + k;
      nodes.ids[u] = orgRows[k]![0] as string;
      nodes.kind[u] = ORGANIZATION_CODE;
      nodes.criticality[u] = orgRows[k]![1] as number;
    }
    const m = edgeRows.length;
    const edges = allocateEdgeArrays(m);
    for (let e = 0; e < m; e++) {
      const row = edgeRows[e]!;
      edges.src[e] = row[0] as number;
      edges.dst[e] = row[1] as number;
      edges.type[e] = DEPENDENCY_TYPE_CODES[row[2] as number]!;
    }
    edgeRows = undefined;
    lap('fill arrays');
    const csr = buildCsr(n, edges);
    lap('buildCsr');
    const index = new Map<string, number>();
    for (let u = 0; u < n; u++) index.set(nodes.ids[u]!, u);
    lap('id map');
    const ms = performance.now() - start;
    const cpuMs = cpuNowMs() - cpu;
    const dbCpuMs = cpuDelta(dbBefore, await backendCpu(admin, database));
    const memoryAfterLoad = memoryFigures();
    return {
      side: 'floor',
      n,
      m: csr.m,
      idMapSize: index.size,
      load: { ms: round(ms), cpuMs: round(cpuMs), dbCpuMs: round(dbCpuMs), splits: mark },
      memoryBefore,
      memoryAfterLoad,
    };
  } finally {
    await client.end();
    await admin.end();
  }
}

// ------------------------------------------------------------------------------------------- parent

function runChild(
  side: 'product' | 'floor',
  url: string,
  orgId: string,
  samples: Samples,
  options: { explain: boolean; cpuProf: boolean },
): Promise<Record<string, unknown>> {
  const script = fileURLToPath(import.meta.url);
  const nodeArgs = ['--max-old-space-size=6144'];
  if (options.cpuProf) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'bulwark-pg-load-prof')}`);
  const args = [
    ...nodeArgs,
    '--import',
    'tsx',
    script,
    '--child',
    side,
    '--url',
    url,
    '--org',
    orgId,
    '--samples',
    JSON.stringify(samples),
    '--reps',
    flags.reps,
  ];
  if (options.explain) args.push('--explain', '--explain-settings', flags['explain-settings']);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`${side} child exited with ${code ?? signal}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

const loadAvg = (): number[] => os.loadavg().map((x) => round(x, 2));

async function prepare(url: string, assets: number, edges: number): Promise<{ orgId: string; estate: SqlEstate }> {
  await migratePostgres(url);
  const store = openPostgresStore(url, { poolSize: 2 });
  let orgId: string;
  try {
    orgId = (await createBenchOrg(store)).orgId;
  } finally {
    await store.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const estate = await seedSqlEstate((text, params) => client.query(text, params), orgId, {
      assets,
      edges,
      log: (m) => log(`seed ${m}`),
    });
    // The tables once through the OS cache, so the first child does not pay the disk alone.
    await client.query('select count(*), sum(length(source_id::text)) from dependencies');
    await client.query('select count(*), sum(length(name)) from assets');
    return { orgId, estate };
  } finally {
    await client.end();
  }
}

async function parent(): Promise<void> {
  const assets = Number(flags.assets);
  const edges = Number(flags.edges);
  const rounds = Number(flags.rounds);
  await ensurePostgresUp();
  const database = `bulwark_bench_graph_${randomSecret(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  await withAdmin((client) => client.query(`create database ${database}`));
  const drop = (): Promise<unknown> => withAdmin((client) => client.query(`drop database if exists ${database} with (force)`));
  const onSignal = (): void => void drop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const url = urlFor(database);
    log(`scratch database ${database}; generating ${assets} assets and ${edges} edges`);
    const seedStart = performance.now();
    const { orgId, estate } = await prepare(url, assets, edges);
    const seedSeconds = round((performance.now() - seedStart) / 1000);
    log(`seeded in ${seedSeconds} s: ${estate.dependencies} dependencies + ${estate.operatorEdges} operator edges`);
    const settings = await withAdmin(async (client) => {
      const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
        "select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'effective_cache_size')",
      );
      return Object.fromEntries(rows.map((r) => [r.name, `${r.setting}${r.unit ?? ''}`]));
    });
    const samples: Samples = estate.samples;
    const roundsOut: { loadAvg: number[]; floor: Record<string, unknown>; product: Record<string, unknown> }[] = [];
    for (let r = 1; r <= rounds; r++) {
      const before = loadAvg();
      log(`round ${r}/${rounds}: floor (load average ${before.join(' ')})`);
      const floor = await runChild('floor', url, orgId, samples, { explain: false, cpuProf: flags['cpu-prof'] });
      log(`round ${r}/${rounds}: floor ${JSON.stringify((floor as { load: unknown }).load)}`);
      log(`round ${r}/${rounds}: product`);
      const product = await runChild('product', url, orgId, samples, { explain: r === rounds, cpuProf: flags['cpu-prof'] });
      log(`round ${r}/${rounds}: product ${JSON.stringify((product as { load: unknown }).load)}`);
      if (floor.n !== product.n || floor.m !== product.m)
        throw new Error(`floor and product disagree: ${floor.n}/${floor.m} vs ${product.n}/${product.m}`);
      roundsOut.push({ loadAvg: before, floor, product });
    }
    const pick = (side: 'floor' | 'product', key: 'ms' | 'cpuMs' | 'dbCpuMs'): number[] =>
      roundsOut.map((r) => (r[side].load as Record<string, number>)[key]!);
    const mem = (side: 'floor' | 'product', key: 'rssMb' | 'peakRssMb'): number[] =>
      roundsOut.map((r) => (r[side].memoryAfterLoad as Record<string, number>)[key]!);
    const summary = (side: 'floor' | 'product') => ({
      loadMs: median(pick(side, 'ms')),
      loadCpuMs: median(pick(side, 'cpuMs')),
      loadDbCpuMs: median(pick(side, 'dbCpuMs')),
      rssAfterLoadMb: median(mem(side, 'rssMb')),
      peakRssMb: Math.max(...mem(side, 'peakRssMb')),
    });
    const product = summary('product');
    const floor = summary('floor');
    const cpus = os.cpus();
    const result = {
      benchmark: 'inventory-graph-pg-load',
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? 'unknown',
        node: process.version,
        loadAverageAtEnd: loadAvg(),
        postgres: settings,
      },
      estate: { ...estate, seedSeconds },
      goals: {
        loadUnder10s: product.loadMs < 10_000,
        residentUnder1GiB: product.peakRssMb < 1024,
      },
      product,
      floor,
      ratios: {
        note: 'product / floor, medians over rounds; < 1 means the product is faster than the floor',
        wall: round(product.loadMs / floor.loadMs, 2),
        nodeCpu: round(product.loadCpuMs / floor.loadCpuMs, 2),
        totalCpu: round((product.loadCpuMs + product.loadDbCpuMs) / (floor.loadCpuMs + floor.loadDbCpuMs), 2),
        peakRss: round(product.peakRssMb / floor.peakRssMb, 2),
        perRoundWall: roundsOut.map((r) => round((r.product.load as { ms: number }).ms / (r.floor.load as { ms: number }).ms, 2)),
      },
      rounds: roundsOut,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    log(`dropping ${database}`);
    await drop();
  }
}

if (flags.child) {
  const url = flags.url!;
  const orgId = flags.org!;
  const result =
    flags.child === 'product'
      ? await productChild(url, orgId, JSON.parse(flags.samples!) as Samples, Number(flags.reps), flags.explain)
      : await floorChild(url, orgId);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await parent();
}
