import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migratePostgres } from '../../src/platform/db/migrate.ts';
import { openConfiguredStore } from '../../src/platform/db/open.ts';
import type { Store } from '../../src/platform/db/store.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { registerPageSql, type FilterScope } from '../../src/risk/register.query.ts';
import { todayUtc } from '../../src/risk/register.service.ts';
import { adminUrl, urlFor } from '../support/pg-global-setup.ts';
import { bearer, buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { TEST_STORE_KIND } from '../support/test-store.ts';

/*
 * The register's text search (q) on a store large enough for the planner to care: migration 0010's trigram
 * index exists, a rare string is looked up in it while a frequent one still walks the priority order, and
 * either way q finds exactly the scenarios whose reference or title contain it, ignoring case, with `%` and
 * `_` taken literally.
 */
let ctx: TestContext;
let org: OrgFixture;
let token: string;
let scope: FilterScope;

const SCENARIOS = 5000;
const THREATS = ['Ransomware', 'Phishing', 'Insider misuse', 'Flood', 'Malware', 'Data leak', 'DDoS', 'Fraud', 'Sabotage', 'Outage'];
const TARGETS = ['file servers', 'payroll system', 'web shop', 'ERP', 'VPN', 'CRM', 'archive', 'laptops', 'DNS', 'data centre'];

/** The generated register, as the SQL below writes it: R-00001 "Phishing hits the file servers #1"… */
const scenarios = Array.from({ length: SCENARIOS }, (_, i) => {
  const g = i + 1;
  return { ref: `R-${String(g).padStart(5, '0')}`, title: `${THREATS[g % 10]} hits the ${TARGETS[Math.floor(g / 10) % 10]} #${g}` };
});
/** Titles for the literal `%` and `_` checks. */
const SPECIAL = [
  { ref: 'S-1', title: 'Backups at 100% of sites' },
  { ref: 'S-2', title: 'Backups at 1000 sites' },
  { ref: 'S-3', title: 'Legacy a_b gateway' },
  { ref: 'S-4', title: 'Legacy axb gateway' },
];
const matching = (q: string): string[] =>
  [...scenarios, ...SPECIAL]
    .filter((s) => s.ref.toLowerCase().includes(q.toLowerCase()) || s.title.toLowerCase().includes(q.toLowerCase()))
    .map((s) => s.ref)
    .sort();

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  token = (await memberToken(ctx.store, org, 'viewer')).token;
  const criteria = await createCriteria(ctx.store, org.access, { template: '5x5', makeDefault: true });
  const insert = `insert into risk_scenarios (org_id, id, ref_id, title, approach, status, criteria_id, criteria_version, rationale, tags, version, created_at, updated_at)
                  select $1, gen_random_uuid(), r.ref, r.title, 'asset-based', 'identified', $2, 1, '{}'::jsonb, '{}'::text[], 1, now(), now()`;
  await ctx.store.query(
    `${insert} from (select 'R-' || lpad(g::text, 5, '0') as ref,
                            ($3::text[])[1 + g % 10] || ' hits the ' || ($4::text[])[1 + (g / 10) % 10] || ' #' || g as title
                       from generate_series(1, ${SCENARIOS}) g) r`,
    [org.orgId, criteria.id, THREATS, TARGETS],
  );
  await ctx.store.query(`${insert} from unnest($3::text[], $4::text[]) as r(ref, title)`, [
    org.orgId,
    criteria.id,
    SPECIAL.map((s) => s.ref),
    SPECIAL.map((s) => s.title),
  ]);
  await ctx.store.query('analyze risk_scenarios');
  scope = { orgId: org.orgId, criteriaId: criteria.id, restrictCriteria: false, today: todayUtc(), cellVersions: null };
});
afterAll(() => ctx.dispose());

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
/** How a plan reads risk_scenarios: the index names, or "Seq Scan". */
const scenarioScans = (node: PlanNode): string[] => [
  ...(node['Index Name']?.startsWith('risk_scenarios') ? [node['Index Name']] : []),
  ...(node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'risk_scenarios' ? ['Seq Scan'] : []),
  ...(node.Plans ?? []).flatMap(scenarioScans),
];

/** How the first page's walk (priority order, 50 rows, no count) reads the scenarios for `q`. */
async function pageIndexes(q: string): Promise<string[]> {
  const built = registerPageSql(scope, { q }, 'priority', undefined, { limit: 50, offset: 0 }, false);
  const [row] = await ctx.store.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${built.text}`, built.params);
  const raw = row!['QUERY PLAN'];
  const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
  return [...new Set(scenarioScans(plan.Plan))];
}

async function search(q: string): Promise<{ total: number; refs: string[] }> {
  const response = await ctx.app.inject({
    url: `/api/orgs/${org.slug}/scenarios?sort=ref&limit=500&q=${encodeURIComponent(q)}`,
    headers: bearer(token),
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json();
  return { total: body.total, refs: body.items.map((item: { refId: string }) => item.refId).sort() };
}

describe('register search on the store', () => {
  it('has pg_trgm and the trigram index on reference and title after migrating', async () => {
    const extensions = await ctx.store.query<{ extname: string }>(`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(extensions).toHaveLength(1);
    const [index] = await ctx.store.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where indexname = 'risk_scenarios_search'`,
    );
    expect(index?.indexdef).toMatch(/USING gin \(ref_id \S*gin_trgm_ops, title \S*gin_trgm_ops\)/);
  });

  it('looks a rare string up in the trigram index and walks the priority index for a frequent one', async () => {
    expect(await pageIndexes('R-0123')).toEqual(['risk_scenarios_search']);
    expect(await pageIndexes('#4321')).toEqual(['risk_scenarios_search']);
    expect(await pageIndexes('zebra')).toEqual(['risk_scenarios_search']);
    // 10 % of titles: the first 50 in priority order come sooner by walking the order than by sorting 500.
    expect(await pageIndexes('ransom')).toEqual(['risk_scenarios_priority']);
  });

  it.each([
    ['R-0123', 'a reference infix (rare)'],
    ['r-0123', 'the same, lower case'],
    ['PAYROLL SYSTEM #11', 'words in the middle of a title, any case'],
    ['#4321', 'a title’s end'],
    ['ware hits the pay', 'across word boundaries'],
    ['zebra', 'nothing'],
  ])('finds exactly the scenarios containing %s (%s)', async (q) => {
    const expected = matching(q);
    const found = await search(q);
    expect(found.total).toBe(expected.length);
    expect(found.refs).toEqual(expected);
  });

  it('finds every one of a frequent word’s scenarios, in any case', async () => {
    const expected = matching('ransom');
    expect(expected).toHaveLength(SCENARIOS / 10);
    expect((await search('RANSOM')).total).toBe(expected.length);
  });

  it('takes % and _ literally', async () => {
    expect((await search('100%')).refs).toEqual(['S-1']);
    expect((await search('a_b')).refs).toEqual(['S-3']);
    expect((await search('0% of')).refs).toEqual(['S-1']);
  });
});

/** Whatever answers SQL: a store, a bare PGlite or a pg client. */
type Sql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
const onStore =
  (store: Store): Sql =>
  (text, params) =>
    store.query(text, params);

/** The trigram index and extension present, and q answering by whatever plan is left (one match of two). */
async function searchState(sql: Sql): Promise<{ extension: boolean; index: boolean; found: unknown[] }> {
  const [org] = await sql(
    `insert into organizations (id, slug, name, created_at, audit_head) values ($1, $2, 'Old Ltd', now(), '') returning id`,
    [newId(), `old-${newId().slice(-8)}`],
  );
  const insert = `insert into risk_scenarios (org_id, id, ref_id, title, approach, status, criteria_id, criteria_version, rationale, tags, version, created_at, updated_at)
                  values ($1, $2, $3, $4, 'asset-based', 'identified', $2, 1, '{}'::jsonb, '{}'::text[], 1, now(), now())`;
  await sql(insert, [org!.id, newId(), 'R-1', 'Ransomware on file servers']);
  await sql(insert, [org!.id, newId(), 'R-2', 'Flood in the data centre']);
  const scope: FilterScope = {
    orgId: String(org!.id),
    criteriaId: newId(),
    restrictCriteria: false,
    today: todayUtc(),
    cellVersions: null,
  };
  const page = registerPageSql(scope, { q: 'SOMWARE ON' }, 'priority', undefined, { limit: 50, offset: 0 }, true);
  const rows = await sql(page.text, page.params);
  return {
    extension: (await sql(`select 1 from pg_extension where extname = 'pg_trgm'`)).length === 1,
    index: (await sql(`select 1 from pg_indexes where indexname = 'risk_scenarios_search'`)).length === 1,
    found: rows.map((row) => row.ref_id),
  };
}

describe.runIf(TEST_STORE_KIND === 'embedded')('register search on an embedded store from before migration 0010', () => {
  it('tolerates a PGlite without pg_trgm, and creates the index once the store opens with it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-trgm-'));
    try {
      // The previous release: migrations up to 0009, PGlite opened without any extension.
      const before = path.join(root, 'migrations');
      fs.cpSync(MIGRATIONS_DIR, before, { recursive: true });
      fs.rmSync(path.join(before, '0010_register_search.sql'));
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
      journal.entries = journal.entries.filter((entry) => entry.idx < 10);
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      fs.mkdirSync(path.join(root, 'data'));
      const old = await PGlite.create({ dataDir: path.join(root, 'data', 'pg') });
      await migrate(drizzle(old), { migrationsFolder: before });
      // Migration 0010 itself on a PGlite that lacks the extension: a warning, no index, the transaction intact.
      await old.query('begin');
      await old.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, '0010_register_search.sql'), 'utf8'));
      const without = await searchState(async (text, params) => (await old.query<Record<string, unknown>>(text, params)).rows);
      await old.query('rollback');
      await old.close();
      expect(without).toEqual({ extension: false, index: false, found: ['R-1'] });

      const store = await openConfiguredStore({ databaseUrl: undefined, dataDir: path.join(root, 'data'), poolSize: 1 });
      try {
        expect(await searchState(onStore(store))).toEqual({ extension: true, index: true, found: ['R-1'] });
      } finally {
        await store.close();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000); // two fresh PGlite databases: 8–13 s under load, past 30 s at load 10–12
});

describe.runIf(TEST_STORE_KIND === 'postgres')('register search on a PostgreSQL server that refuses pg_trgm', () => {
  it('still migrates, without the index, and q answers by scanning', async () => {
    const database = `bulwark_test_notrgm_${newId().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`create database ${database}`);
      // As a server without contrib (or a role without the right) answers CREATE EXTENSION: with an error.
      const refuse = new pg.Client({ connectionString: urlFor(database) });
      await refuse.connect();
      await refuse.query(`create function refuse_extensions() returns event_trigger language plpgsql as
                            $$ begin raise exception 'extension is not available' using errcode = '58P01'; end $$`);
      await refuse.query(`create event trigger refuse_extensions on ddl_command_start when tag in ('CREATE EXTENSION')
                            execute function refuse_extensions()`);
      await refuse.end();

      await migratePostgres(urlFor(database));
      const client = new pg.Client({ connectionString: urlFor(database) });
      await client.connect();
      try {
        const [{ n }] = (await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows as [
          { n: number },
        ];
        expect(n).toBe(fs.readdirSync(MIGRATIONS_DIR).filter((file) => file.endsWith('.sql')).length);
        expect(await searchState(async (text, params) => (await client.query(text, params)).rows)).toEqual({
          extension: false,
          index: false,
          found: ['R-1'],
        });
      } finally {
        await client.end();
      }
    } finally {
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
  });
});
