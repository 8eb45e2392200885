/**
 * How the register's text search (`q`) is planned and how long it runs, at 50,000 scenarios: the real first
 * page statement (priority order, 50 rows, with its count as a first view sends it, and without as a
 * remembered total does), run under EXPLAIN ANALYZE with its values bound as the product binds them, once
 * with the trigram index of migration 0010 and once after dropping it (what every store had before). No
 * HTTP: this measures the statement alone. One JSON object on stdout.
 *
 *   npx tsx bench/risk/search-plans.ts [--store postgres|embedded|both] [--scenarios 50000] [--runs 7]
 *        [--keep]   (PostgreSQL: leave the scratch database for EXPLAIN by hand, and print its URL)
 *
 * See bench/risk/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store, StoreKind } from '../../src/platform/db/store.ts';
import { todayUtc } from '../../src/risk/register.service.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { registerPageSql, type FilterScope } from '../../src/risk/register.query.ts';
import { ensurePostgresUp, urlFor, withAdmin } from '../http/bench-stores.ts';
import { median, positiveInt } from '../http/load.ts';
import { createBenchOrg } from '../http/seed-audit.ts';
import { seedRegister } from './seed-register.ts';

/** Migration 0010's trigram index (src/risk/scenarios.table.ts). */
const SEARCH_INDEX = 'risk_scenarios_search';

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    scenarios: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const scenarioCount = positiveInt('scenarios', flags.scenarios);
const runs = positiveInt('runs', flags.runs);
const stores: StoreKind[] = flags.store === 'both' ? ['postgres', 'embedded'] : [flags.store as StoreKind];
for (const kind of stores) if (kind !== 'postgres' && kind !== 'embedded') throw new Error('--store must be postgres, embedded or both');

/**
 * Titles are "<threat> affecting the <target> (<n>)" (seed-register.ts) and references R-00001…: a rare
 * reference prefix, a frequent word at a title's start and one in its middle, a word in every title, one
 * title's own number, and a string nowhere (a walk of the priority index finds it only at the end).
 */
const SEARCHES: Record<string, string> = {
  rareRef: 'R-0123',
  frequentStart: 'ransom',
  frequentMiddle: 'payroll',
  everywhere: 'affecting',
  rareMiddle: '(31337)',
  nowhere: 'zebra',
};

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The scans of risk_scenarios in a plan: "Index Scan risk_scenarios_priority", "Bitmap Index Scan risk_scenarios_search"… */
function scansOf(node: PlanNode, out: string[] = []): string[] {
  if (node['Index Name']?.startsWith('risk_scenarios') || node['Relation Name'] === 'risk_scenarios') {
    const label = `${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`;
    if (!node['Node Type'].startsWith('Bitmap Heap') && !out.includes(label)) out.push(label);
  }
  for (const child of node.Plans ?? []) scansOf(child, out);
  return out;
}

async function explain(store: Store, text: string, params: unknown[]) {
  const times: number[] = [];
  let scans: string[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const [row] = await store.query<{ 'QUERY PLAN': unknown }>(`explain (analyze, format json) ${text}`, params);
    const raw = row!['QUERY PLAN'];
    const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [
      { Plan: PlanNode & { 'Actual Rows': number }; 'Execution Time': number },
    ];
    times.push(plan['Execution Time']);
    scans = scansOf(plan.Plan);
    rows = plan.Plan['Actual Rows'];
  }
  return { ms: Math.round(median(times.slice(Math.min(2, runs - 1))) * 100) / 100, scans, rows };
}

async function measure(store: Store, scope: FilterScope) {
  const out: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(SEARCHES)) {
    const [count] = await store.query<{ n: number }>(
      'select count(*)::int as n from risk_scenarios where org_id = $1 and (ref_id ilike $2 or title ilike $2)',
      [scope.orgId, `%${q}%`],
    );
    const firstView = registerPageSql(scope, { q }, 'priority', undefined, { limit: 50, offset: 0 }, true);
    const pageOnly = registerPageSql(scope, { q }, 'priority', undefined, { limit: 50, offset: 0 }, false);
    out[name] = {
      q,
      matches: count!.n,
      withCount: await explain(store, firstView.text, firstView.params),
      pageOnly: await explain(store, pageOnly.text, pageOnly.params),
    };
    log(`  ${name} (q=${q}): ${JSON.stringify(out[name])}`);
  }
  return out;
}

async function benchStore(kind: StoreKind) {
  let url: string | undefined;
  let root: string | undefined;
  let database: string | undefined;
  if (kind === 'postgres') {
    await ensurePostgresUp();
    database = `bulwark_bench_trgm_${Date.now().toString(36)}`;
    await withAdmin((client) => client.query(`create database ${database}`));
    url = urlFor(database);
  } else {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-trgm-'));
  }
  try {
    const store = await openConfiguredStore({ databaseUrl: url, dataDir: root ?? '', poolSize: 2 });
    try {
      const org = await createBenchOrg(store);
      const access = {
        orgId: org.orgId,
        orgSlug: 'bench',
        role: 'owner' as const,
        actor: org.owner,
        userId: org.owner.id,
        requestId: null,
      };
      const criteria = await createCriteria(store, access, { template: '5x5', makeDefault: true });
      const started = performance.now();
      await seedRegister(async (text, params) => ({ rows: await store.query(text, params ?? []) }), {
        orgId: org.orgId,
        criteriaId: criteria.id,
        matrix: criteria.definition.matrix,
        scenarios: scenarioCount,
        assets: 0,
        tag: 'main',
      });
      await store.query('vacuum analyze');
      log(`${kind}: seeded ${scenarioCount} scenarios in ${Math.round(performance.now() - started)} ms`);
      const scope: FilterScope = {
        orgId: org.orgId,
        criteriaId: criteria.id,
        restrictCriteria: false,
        today: todayUtc(),
        cellVersions: null,
      };
      const [present] = await store.query<{ n: number }>('select count(*)::int as n from pg_indexes where indexname = $1', [SEARCH_INDEX]);
      const result: Record<string, unknown> = {};
      if (present!.n > 0) {
        log(`${kind}: with ${SEARCH_INDEX}`);
        result.withIndex = await measure(store, scope);
        await store.query(`drop index ${SEARCH_INDEX}`);
        await store.query('analyze risk_scenarios');
      } else {
        log(`${kind}: ${SEARCH_INDEX} is missing (pg_trgm unavailable?): measuring without only`);
      }
      log(`${kind}: without ${SEARCH_INDEX}`);
      result.withoutIndex = await measure(store, scope);
      return result;
    } finally {
      await store.close();
    }
  } finally {
    if (root) fs.rmSync(root, { recursive: true, force: true });
    if (database && !flags.keep) await withAdmin((client) => client.query(`drop database if exists ${database} with (force)`));
    if (database && flags.keep) log(`kept ${url}`);
  }
}

const out: Record<string, unknown> = {};
for (const kind of stores) out[kind] = await benchStore(kind);
process.stdout.write(
  `${JSON.stringify({ benchmark: 'risk-register-search-plans', scenarios: scenarioCount, runs, node: process.version, loadAvg: os.loadavg(), results: out }, null, 2)}\n`,
);
