/**
 * The ATT&CK import as a background job: through the real server (its own process), the time until
 * POST …/threats/imports/attack answers 202 and until the `threat.attack-import` job it queued has finished,
 * against the floor measured in the same run: the synchronous import service (importAttackBundle, JSON.parse
 * of the file included) called in this process on the same store. Also the dry run through the server (200 at
 * once: the same body received, parsed, checked and compared, nothing written). For the real ATT&CK for ICS
 * bundle and a stand-in for Enterprise (the ICS bundle replicated with new STIX ids, ~38 MB). One JSON object
 * on stdout.
 *
 *   npx tsx bench/risk/attack-import.ts [--store postgres|embedded|both] [--runs 3] [--copies 12]
 *        [--file ../shared/data/attack/ics-attack-18.1.json]
 *
 * See bench/risk/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createToken } from '../../src/platform/auth/tokens.service.ts';
import { SYSTEM_ACTOR, type OrgAccess } from '../../src/platform/context.ts';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store, StoreKind } from '../../src/platform/db/store.ts';
import { createOrganization } from '../../src/platform/orgs/orgs.service.ts';
import { createUser } from '../../src/platform/orgs/users.service.ts';
import { randomSecret } from '../../src/platform/util/digest.ts';
import { parseAttackBundle } from '../../src/risk/attack-import.ts';
import { importAttackBundle } from '../../src/risk/attack-import.service.ts';
import { ensurePostgresUp, urlFor, withAdmin } from '../http/bench-stores.ts';
import { median, positiveInt } from '../http/load.ts';
import { freePort, startServer, type ServerProcess } from '../http/server-process.ts';
import { replicatedBundle, type StixBundle } from './attack-bundle.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '3' },
    copies: { type: 'string', default: '12' },
    file: { type: 'string', default: path.resolve(REPO_ROOT, '../shared/data/attack/ics-attack-18.1.json') },
  },
});
const runs = positiveInt('runs', flags.runs);
const copies = positiveInt('copies', flags.copies);
const stores: StoreKind[] = flags.store === 'both' ? ['postgres', 'embedded'] : [flags.store as StoreKind];
for (const kind of stores) if (kind !== 'postgres' && kind !== 'embedded') throw new Error('--store must be postgres, embedded or both');

// ------------------------------------------------------------------------------------------- bundles

interface Bundle {
  name: string;
  text: string;
  bytes: number;
  threats: number;
  relations: number;
}

function loadBundles(): Bundle[] {
  const ics = fs.readFileSync(flags.file, 'utf8');
  // The same 4-space indentation as MITRE's files, so the stand-in's bytes are those of a real bundle this size.
  const standIn = JSON.stringify(replicatedBundle(JSON.parse(ics) as StixBundle, copies), null, 4);
  return [
    ['ics', ics],
    [`ics×${copies}`, standIn],
  ].map(([name, text]) => {
    const read = parseAttackBundle(JSON.parse(text!));
    return { name: name!, text: text!, bytes: Buffer.byteLength(text!), threats: read.threats.length, relations: read.relations.length };
  });
}

// ------------------------------------------------------------------------------------------- store

interface Target {
  name: string;
  access: OrgAccess;
  token: string;
}

interface Prepared {
  config: { databaseUrl: string | undefined; dataDir: string; poolSize: number };
  productArgs: string[];
  productEnv: Record<string, string>;
  dispose(): Promise<void>;
}

async function prepare(kind: StoreKind): Promise<Prepared> {
  if (kind === 'postgres') {
    await ensurePostgresUp();
    const database = `bulwark_bench_${randomSecret(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    await withAdmin((client) => client.query(`create database ${database}`));
    const url = urlFor(database);
    return {
      config: { databaseUrl: url, dataDir: '', poolSize: 10 },
      productArgs: [],
      productEnv: { DATABASE_URL: url },
      dispose: () => withAdmin((client) => client.query(`drop database if exists ${database} with (force)`)).then(() => undefined),
    };
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-attack-'));
  return {
    config: { databaseUrl: undefined, dataDir: root, poolSize: 1 },
    productArgs: ['--data-dir', root],
    productEnv: {},
    dispose: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** One organization per measured import, so every measured import starts from an empty catalogue. */
async function createTargets(store: Store, names: string[]): Promise<Target[]> {
  const owner = await createUser(store, SYSTEM_ACTOR, { email: 'owner@bench.example', name: 'Bench Owner', password: randomSecret(18) });
  const actor = { type: 'user' as const, id: owner.id, label: owner.email };
  const targets: Target[] = [];
  for (const name of names) {
    const org = await createOrganization(store, SYSTEM_ACTOR, { slug: name, name, ownerUserId: owner.id });
    const access: OrgAccess = { orgId: org.id, orgSlug: org.slug, role: 'owner', actor, userId: owner.id, requestId: null };
    const { secret } = await createToken(store, access, { name: 'bench importer', role: 'risk-manager' });
    targets.push({ name, access, token: secret });
  }
  return targets;
}

// ------------------------------------------------------------------------------------------- measuring

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** The floor: the file parsed and imported in this process, one transaction, no HTTP, no queue. */
async function floorImport(store: Store, target: Target, bundle: Bundle): Promise<number> {
  const started = performance.now();
  const summary = await importAttackBundle(store, target.access, JSON.parse(bundle.text), { dryRun: false });
  const ms = performance.now() - started;
  if (summary.relations.created + summary.relations.unchanged !== bundle.relations) throw new Error('the floor import lost relations');
  return ms;
}

interface JobTimes {
  /** POST sent → 202 received. */
  acceptedMs: number;
  /** POST sent → the job seen succeeded (polled every 20 ms). */
  doneMs: number;
  /** From the job's own timestamps: queued → started (the runner polls every 500 ms when idle), started → finished. */
  queueWaitMs: number;
  jobRunMs: number;
  /** The slowest GET of the job while it ran: how long the server kept a reader waiting. */
  slowestPollMs: number;
  result: { relations: { created: number; unchanged: number } };
}

/** The dry run through the server: the same body received, parsed and checked, compared, answered 200 (nothing queued). */
async function dryRunThroughServer(server: ServerProcess, target: Target, bundle: Bundle): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/orgs/${target.name}/threats/imports/attack?dryRun=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: bundle.text,
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the dry run answered ${response.status}`);
  return performance.now() - started;
}

async function importThroughServer(server: ServerProcess, target: Target, bundle: Bundle): Promise<JobTimes> {
  const headers = { authorization: `Bearer ${target.token}` };
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/api/orgs/${target.name}/threats/imports/attack`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: bundle.text,
  });
  const acceptedMs = performance.now() - started;
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  const location = response.headers.get('location')!;
  let slowestPollMs = 0;
  for (;;) {
    const asked = performance.now();
    const job = (await (await fetch(server.baseUrl + location, { headers })).json()) as {
      status: string;
      error: string | null;
      result: JobTimes['result'];
      createdAt: string;
      startedAt: string;
      finishedAt: string;
    };
    slowestPollMs = Math.max(slowestPollMs, performance.now() - asked);
    if (job.status === 'succeeded') {
      const doneMs = performance.now() - started;
      const at = (iso: string): number => Date.parse(iso);
      return {
        acceptedMs,
        doneMs,
        queueWaitMs: at(job.startedAt) - at(job.createdAt),
        jobRunMs: at(job.finishedAt) - at(job.startedAt),
        slowestPollMs,
        result: job.result,
      };
    }
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`the job ended ${job.status}: ${job.error}`);
    await sleep(20);
  }
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, BULWARK_DATA_DIR: _dir, ...inherited } = process.env;
  return { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', BULWARK_DEMO: 'false', ...extra };
}

async function measureStore(kind: StoreKind, bundles: Bundle[]) {
  const prepared = await prepare(kind);
  try {
    const slug = (bundle: number, how: string, run: number | 'again') => `${how}-${bundle}-${run}`;
    const names = bundles.flatMap((_, b) => Array.from({ length: runs }, (_, r) => [slug(b, 'floor', r), slug(b, 'api', r)]).flat());
    // The floor runs first, in this process; the embedded store admits one process, so the server starts after.
    const store = await openConfiguredStore(prepared.config);
    const targets = new Map<string, Target>();
    const floor: Record<string, { ms: number[]; reimportMs: number }> = {};
    try {
      for (const target of await createTargets(store, names)) targets.set(target.name, target);
      for (const [b, bundle] of bundles.entries()) {
        const ms: number[] = [];
        for (let r = 0; r < runs; r++) ms.push(await floorImport(store, targets.get(slug(b, 'floor', r))!, bundle));
        const reimportMs = await floorImport(store, targets.get(slug(b, 'floor', 0))!, bundle);
        floor[bundle.name] = { ms, reimportMs };
        log(`${kind} ${bundle.name}: floor ${ms.map(round).join(', ')} ms, re-import ${round(reimportMs)} ms`);
      }
      await store.query('vacuum analyze');
    } finally {
      await store.close();
    }

    const port = await freePort();
    const server = await startServer({
      name: 'product',
      cwd: REPO_ROOT,
      args: ['--import', 'tsx', 'src/main.ts', 'serve', '--port', String(port), '--no-demo', ...prepared.productArgs],
      env: childEnv(prepared.productEnv),
      port,
      readyPath: '/readyz',
    });
    const results: Record<string, unknown> = {};
    try {
      for (const [b, bundle] of bundles.entries()) {
        const dryRuns: number[] = [];
        for (let r = 0; r < runs; r++) dryRuns.push(await dryRunThroughServer(server, targets.get(slug(b, 'api', r))!, bundle));
        const times: JobTimes[] = [];
        for (let r = 0; r < runs; r++) times.push(await importThroughServer(server, targets.get(slug(b, 'api', r))!, bundle));
        const again = await importThroughServer(server, targets.get(slug(b, 'api', 0))!, bundle);
        if (again.result.relations.unchanged !== bundle.relations) throw new Error('the re-import changed relations');
        const of = (key: keyof Omit<JobTimes, 'result'>) => round(median(times.map((t) => t[key])));
        const floorMs = round(median(floor[bundle.name]!.ms));
        const entry = {
          floorMs,
          dryRunMs: round(median(dryRuns)),
          acceptedMs: of('acceptedMs'),
          doneMs: of('doneMs'),
          queueWaitMs: of('queueWaitMs'),
          jobRunMs: of('jobRunMs'),
          slowestPollMs: of('slowestPollMs'),
          acceptedVsFloor: round((median(times.map((t) => t.acceptedMs)) / floorMs) * 100) / 100,
          doneVsFloor: round((median(times.map((t) => t.doneMs)) / floorMs) * 100) / 100,
          reimport: {
            floorMs: round(floor[bundle.name]!.reimportMs),
            acceptedMs: round(again.acceptedMs),
            doneMs: round(again.doneMs),
            queueWaitMs: round(again.queueWaitMs),
            jobRunMs: round(again.jobRunMs),
          },
          runs: {
            floorMs: floor[bundle.name]!.ms.map(round),
            acceptedMs: times.map((t) => round(t.acceptedMs)),
            doneMs: times.map((t) => round(t.doneMs)),
          },
        };
        log(
          `${kind} ${bundle.name}: dry run ${entry.dryRunMs} ms, 202 after ${entry.acceptedMs} ms, done after ${entry.doneMs} ms (floor ${floorMs} ms)`,
        );
        results[bundle.name] = entry;
      }
    } finally {
      await server.stop();
    }
    return results;
  } finally {
    await prepared.dispose();
  }
}

const bundles = loadBundles();
const results: Record<string, unknown> = {};
for (const kind of stores) results[kind] = await measureStore(kind, bundles);
process.stdout.write(
  `${JSON.stringify(
    {
      bench: 'attack-import',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100) },
      runs,
      bundles: bundles.map(({ name, bytes, threats, relations }) => ({ name, bytes, threats, relations })),
      results,
    },
    null,
    2,
  )}\n`,
);
