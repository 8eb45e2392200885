/**
 * A realistic inventory estate generated inside the database (INSERT … SELECT generate_series), for the
 * benchmarks that need a big store fast: bench/graph/pg-load.ts (1,000,000 assets, 5,000,000 edges) and
 * bench/http/inventory-list.ts (100,000 assets, 200,000 dependencies). Works on PostgreSQL and PGlite.
 *
 * Shape (the same kinds and relationship rules as bench/graph/estate.ts, in the API's vocabulary):
 * ~5 % primary assets (information, business processes / services) with C/I/A levels 1–4, supporting
 * assets without levels, 0.03 % outside organizations (at least 5) with provided-by edges and operating
 * some cloud resources and hosts, power-law in-degree (shared hosts, sites, providers are hubs), cycles
 * among software, hosts, services and cloud resources. No self-loop, no duplicate (source, target, type).
 *
 * Ids are valid random-looking UUIDs derived from md5 (so edges compute their endpoints' ids without a
 * join, and the graph's node numbering, by id, is unrelated to kind: the cache-unfriendly case). Secondary
 * indexes and foreign keys are dropped during the load and recreated afterwards from their own
 * definitions (pg_get_indexdef / pg_get_constraintdef), so the schema ends exactly as migrated, every
 * foreign key and unique index validated on the generated rows.
 */

/** Whatever runs SQL: a pg.Client, or a PGlite instance wrapped to the same shape. */
export type Exec = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface SqlEstateOptions {
  assets: number;
  /** Graph edges: dependencies plus the operator edges (an asset's operating organization counts as provided-by). */
  edges: number;
  /** Dependency rows, when given instead of `edges` (the operator edges then come on top). */
  dependencies?: number;
  /** Outside organizations; default 0.03 % of the assets, at least 5. */
  organizations?: number;
  /** Seed of PostgreSQL's random() (setseed), in [-1, 1]. */
  seed?: number;
  log?: (message: string) => void;
}

export interface SqlEstate {
  assets: number;
  organizations: number;
  dependencies: number;
  operatorEdges: number;
  /** dependencies + operatorEdges: the edge count of the loaded graph. */
  graphEdges: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  seconds: Record<string, number>;
  /** Ids to start analytics from: the most depended-on host and site, busy services, the top cloud provider. */
  samples: { hubs: string[]; services: string[]; information: string[]; organizations: string[] };
}

/** Share of the assets per kind (ASSET_KINDS order; bench/graph/estate.ts's service folded into business-process). */
export const KIND_SHARES: [string, number][] = [
  ['information', 0.03],
  ['business-process', 0.02],
  ['software', 0.3],
  ['host', 0.2],
  ['network', 0.03],
  ['storage', 0.06],
  ['cloud-resource', 0.15],
  ['site', 0.005],
  ['person', 0.205],
];

/** Source kind, target kind ('org' = an outside organization), dependency type, weight (share of the dependencies). */
const RULES: [string, string, string, number][] = [
  ['business-process', 'business-process', 'depends-on', 3.05],
  ['business-process', 'information', 'processes', 3],
  ['business-process', 'person', 'depends-on', 2],
  ['business-process', 'software', 'depends-on', 4],
  ['information', 'storage', 'stores', 3],
  ['information', 'software', 'stores', 1],
  ['software', 'host', 'runs-on', 5],
  ['software', 'cloud-resource', 'runs-on', 4],
  ['software', 'software', 'depends-on', 1.5],
  ['software', 'org', 'provided-by', 1],
  ['storage', 'host', 'runs-on', 1],
  ['storage', 'cloud-resource', 'runs-on', 1],
  ['host', 'network', 'connects-to', 3],
  ['host', 'site', 'depends-on', 1],
  ['host', 'host', 'connects-to', 0.8],
  ['host', 'org', 'provided-by', 0.3],
  ['network', 'site', 'depends-on', 0.5],
  ['cloud-resource', 'org', 'provided-by', 2],
  ['cloud-resource', 'cloud-resource', 'depends-on', 0.6],
  ['person', 'org', 'provided-by', 0.3],
];

/** Share of cloud resources operated by a provider, and of hosts by a managed-service provider. */
const OPERATED = { 'cloud-resource': 0.2, host: 0.02 } as const;

const WORDS = [
  'payments',
  'billing',
  'crm',
  'erp',
  'payroll',
  'mail',
  'web',
  'portal',
  'auth',
  'vpn',
  'backup',
  'ledger',
  'orders',
  'inventory',
  'shipping',
  'search',
  'analytics',
  'reporting',
  'hr',
  'support',
  'catalog',
  'pricing',
  'claims',
  'risk',
  'fraud',
  'identity',
  'gateway',
  'storage',
  'monitoring',
  'logging',
  'cache',
  'queue',
  'scheduler',
  'archive',
  'docs',
  'wiki',
  'chat',
  'voice',
  'print',
  'dns',
];
const ROLES = ['db', 'api', 'app', 'worker', 'frontend', 'batch', 'proxy', 'node', 'primary', 'replica', 'edge', 'core'];
const PREFIX: Record<string, string> = {
  information: 'Data',
  'business-process': 'Service',
  software: 'app',
  host: 'srv',
  network: 'net',
  storage: 'vol',
  'cloud-resource': 'cloud',
  site: 'Site',
  person: 'Person',
};

const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;
const sqlArray = (values: readonly string[]): string => `array[${values.map(sqlText).join(',')}]::text[]`;
/** A valid version-4 UUID derived from md5(tag || n), as a SQL expression. */
const uuidSql = (tag: string, n: string): string =>
  `(overlay(overlay(md5('${tag}' || ${n}) placing '4' from 13) placing '8' from 17))::uuid`;
export const assetIdSql = (n: string): string => uuidSql('a', n);
export const orgIdSql = (n: string): string => uuidSql('o', n);

interface Block {
  kind: string;
  first: number;
  size: number;
}

/** Contiguous blocks of asset numbers 1..n per kind, the rounding remainder to person. */
export function kindBlocks(n: number): Block[] {
  const blocks: Block[] = [];
  let first = 1;
  for (const [kind, share] of KIND_SHARES) {
    const size = Math.max(1, Math.round(n * share));
    blocks.push({ kind, first, size });
    first += size;
  }
  blocks.find((b) => b.kind === 'person')!.size += n + 1 - first;
  let at = 1;
  for (const block of blocks) {
    block.first = at;
    at += block.size;
  }
  return blocks;
}

/** Secondary indexes and foreign keys of a table, to drop before a bulk load and recreate after. */
async function detachConstraints(exec: Exec, table: string): Promise<{ indexes: string[]; foreignKeys: { name: string; def: string }[] }> {
  const { rows: fks } = await exec(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = '${table}'::regclass and contype = 'f'`,
  );
  const { rows: idx } = await exec(
    `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = '${table}'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`,
  );
  for (const fk of fks) await exec(`alter table ${table} drop constraint ${String(fk.name)}`);
  for (const index of idx) await exec(`drop index ${String(index.name)}`);
  return { indexes: idx.map((r) => String(r.def)), foreignKeys: fks.map((r) => ({ name: String(r.name), def: String(r.def) })) };
}

/**
 * Generates the estate of `orgId` (which must exist and own no inventory yet) and sets its
 * inventory_state (asset_count exact, inventory_version moved), then vacuum-analyzes the tables.
 */
export async function seedSqlEstate(exec: Exec, orgId: string, options: SqlEstateOptions): Promise<SqlEstate> {
  const log = options.log ?? (() => undefined);
  const n = options.assets;
  const orgCount = options.organizations ?? Math.max(5, Math.round(n * 0.0003));
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    seconds[name] = Math.round((now - mark) / 100) / 10;
    mark = now;
    log(`${name}: ${seconds[name]} s`);
  };
  const org = sqlText(orgId);
  const { rows: existing } = await exec(`select count(*)::int as n from assets where org_id = ${org}`);
  if (Number(existing[0]!.n) !== 0) throw new Error('the organization already has assets');

  await exec(`select setseed(${options.seed ?? 0.42})`);
  // Session settings for the bulk load only (the server's own settings are what the benches measure).
  for (const setting of ["maintenance_work_mem = '512MB'", "work_mem = '256MB'", 'synchronous_commit = off']) {
    await exec(`set ${setting}`).catch(() => undefined);
  }

  const detached: Record<string, Awaited<ReturnType<typeof detachConstraints>>> = {};
  for (const table of ['dependencies', 'assets', 'external_organizations']) detached[table] = await detachConstraints(exec, table);
  lap('detach');

  // Outside organizations: the first ten are cloud providers (the big ones get the most edges), then
  // managed-service providers, suppliers and service providers.
  await exec(`
    insert into external_organizations (org_id, id, name, relationship_types, criticality, contacts, country, tags, external_id, version, created_at, updated_at)
    select ${org}, ${orgIdSql('g')}, 'Provider ' || lpad(g::text, 5, '0'),
           case when g <= 10 then array['cloud-provider'] when g <= 40 then array['managed-service-provider']
                when g % 2 = 0 then array['supplier'] else array['service-provider'] end,
           1 + (g % 4), '[]'::jsonb, (array['FR','DE','US','IE','NL'])[1 + g % 5], '{}'::text[], 'ORG-' || g, 1,
           timestamptz '2024-01-01' + g * interval '1 hour', timestamptz '2024-06-01' + g * interval '1 hour'
      from generate_series(1, ${orgCount}) g`);
  lap('organizations');

  const blocks = kindBlocks(n);
  const byKind: Record<string, number> = {};
  const words = sqlArray(WORDS);
  const roles = sqlArray(ROLES);
  for (const block of blocks) {
    byKind[block.kind] = block.size;
    const primary = block.kind === 'information' || block.kind === 'business-process';
    const level = primary ? '1 + floor(random() * 4)::int' : 'null::int';
    const operated = OPERATED[block.kind as keyof typeof OPERATED];
    // Cloud resources run at the ten cloud providers (skewed to the first), hosts at the managed-service providers.
    const operator =
      operated === undefined
        ? 'null::uuid'
        : `case when random() < ${operated} then ${orgIdSql(block.kind === 'cloud-resource' ? `(1 + floor(${Math.min(10, orgCount)} * random() ^ 2)::int)` : `(${Math.min(11, orgCount)} + floor(${Math.max(1, Math.min(30, orgCount - 10))} * random())::int)`)} end`;
    const purl =
      block.kind === 'software' ? `'pkg:npm/' || w1 || '-' || r || '-' || g || '@' || (g % 7) || '.' || (g % 13) || '.0'` : 'null';
    await exec(`
      insert into assets (org_id, id, kind, name, description, owner, custodian, operator_id, confidentiality, integrity, availability,
                          rto_minutes, rpo_minutes, status, location, tags, cmdb_id, purl, cpe, other_id, version, created_at, updated_at)
      select ${org}, ${assetIdSql('g')}, '${block.kind}',
             '${PREFIX[block.kind]}-' || w1 || '-' || r || '-' || lpad(g::text, 7, '0'),
             case when g % 10 = 0 then 'Generated ' || '${block.kind}' || ' number ' || g end,
             'team-' || w1, null, ${operator}, ${level}, ${level}, ${level},
             ${block.kind === 'business-process' ? '60 * (1 + g % 24), 15 * (g % 8)' : 'null, null'},
             coalesce((array['planned','being-retired','retired'])[1 + g % 20], 'in-use'),
             ${block.kind === 'host' || block.kind === 'site' || block.kind === 'network' ? `'dc-' || (g % 5)` : 'null'},
             case g % 10 when 4 then array['prod','pci'] when 5 then array['dev'] when 6 then array['test'] when 7 then array['prod','gdpr']
                         when 8 then '{}'::text[] when 9 then '{}'::text[] else array['prod'] end,
             case when g % 5 <> 0 then 'CI' || lpad(g::text, 7, '0') end, ${purl}, null, null, 1, at - random() * interval '30 days', at
        from (select g, (${words})[1 + (g::bigint * 7919) % ${WORDS.length}] as w1, (${roles})[1 + (g::bigint * 104729) % ${ROLES.length}] as r,
                     timestamptz '2026-01-01' - random() * interval '365 days' as at
                from generate_series(${block.first}, ${block.first + block.size - 1}) g) s`);
  }
  lap('assets');

  const { rows: operatorRows } = await exec(`select count(*)::int as n from assets where org_id = ${org} and operator_id is not null`);
  const operatorEdges = Number(operatorRows[0]!.n);
  const dependencyCount = options.dependencies ?? Math.max(0, options.edges - operatorEdges);

  // Candidate edges per rule into a temporary table, deduplicated per rule (rules never share a
  // (source kind, target kind, type), so per-rule uniqueness is global uniqueness), then topped up.
  await exec('create temporary table bench_edge (n bigserial, s int not null, t int not null, r smallint not null)');
  const blockOf = (kind: string): { first: number; size: number } =>
    kind === 'org' ? { first: 1, size: orgCount } : blocks.find((b) => b.kind === kind)!;
  const total = RULES.reduce((sum, rule) => sum + rule[3], 0);
  let assigned = 0;
  const byType: Record<string, number> = {};
  for (let r = 0; r < RULES.length; r++) {
    const [from, to, type, weight] = RULES[r]!;
    const need = r === RULES.length - 1 ? dependencyCount - assigned : Math.round((dependencyCount * weight) / total);
    assigned += need;
    const a = blockOf(from);
    const b = blockOf(to);
    const sameTable = to !== 'org';
    let have = 0;
    for (let attempt = 0; have < need && attempt < 8; attempt++) {
      const draw = Math.ceil((need - have) * (attempt === 0 ? 1.25 : 2)) + 16;
      await exec(`
        insert into bench_edge (s, t, r)
        select s, t, ${r} from (
          select distinct s, t from (
            select ${a.first} + least(${a.size - 1}, floor(${a.size} * random() ^ 1.3)::int) as s,
                   ${b.first} + least(${b.size - 1}, floor(${b.size} * random() ^ 3)::int) as t
              from generate_series(1, ${draw})) c
           where ${sameTable ? 's <> t' : 'true'}
             ${attempt === 0 ? '' : `and not exists (select 1 from bench_edge e where e.r = ${r} and e.s = c.s and e.t = c.t)`}
           limit ${need - have}) d`);
      have = Number((await exec(`select count(*)::int as n from bench_edge where r = ${r}`)).rows[0]!.n);
    }
    if (have < need) throw new Error(`rule ${from} → ${to} ${type}: only ${have} distinct edges of ${need}`);
    byType[type] = (byType[type] ?? 0) + have;
  }
  lap('edge candidates');

  const types = sqlArray(RULES.map((rule) => rule[2]));
  const toOrg = `(array[${RULES.map((rule) => (rule[1] === 'org' ? 'true' : 'false')).join(',')}])[r + 1]`;
  await exec(`
    insert into dependencies (org_id, id, source_id, target_asset_id, target_org_id, type, description, created_at, updated_at)
    select ${org}, ${uuidSql('d', 'n')}, ${assetIdSql('s')},
           case when not ${toOrg} then ${assetIdSql('t')} end, case when ${toOrg} then ${orgIdSql('t')} end,
           (${types})[r + 1], null, timestamptz '2025-06-01' + n * interval '1 second', timestamptz '2025-06-01' + n * interval '1 second'
      from bench_edge`);
  await exec('drop table bench_edge');
  lap('dependencies');

  // Back to the migrated schema: indexes first (unique ones prove there is no duplicate), then foreign keys
  // (validated against every row).
  for (const table of ['external_organizations', 'assets', 'dependencies']) {
    for (const def of detached[table]!.indexes) await exec(def);
  }
  lap('indexes');
  for (const table of ['external_organizations', 'assets', 'dependencies']) {
    for (const fk of detached[table]!.foreignKeys) await exec(`alter table ${table} add constraint ${fk.name} ${fk.def}`);
  }
  lap('foreign keys');

  await exec(`
    insert into inventory_state (org_id, inventory_version, asset_count) values (${org}, 1, ${n})
    on conflict (org_id) do update set inventory_version = inventory_state.inventory_version + 1, asset_count = ${n}`);
  for (const table of ['external_organizations', 'assets', 'dependencies', 'inventory_state']) await exec(`vacuum analyze ${table}`);
  lap('vacuum analyze');

  const { rows: checks } = await exec(`
    select (select count(*)::int from assets where org_id = ${org}) as assets,
           (select count(*)::int from dependencies where org_id = ${org}) as dependencies,
           (select asset_count from inventory_state where org_id = ${org}) as asset_count`);
  const check = checks[0]!;
  if (Number(check.assets) !== n || Number(check.asset_count) !== n || Number(check.dependencies) !== dependencyCount) {
    throw new Error(`estate check failed: ${JSON.stringify(check)}`);
  }

  const pick = async (text: string): Promise<string[]> => (await exec(text)).rows.map((row) => String(row.id));
  const top = (kind: string, count: number): Promise<string[]> =>
    pick(`select target_asset_id::text as id from dependencies d join assets a on a.org_id = d.org_id and a.id = d.target_asset_id
           where d.org_id = ${org} and a.kind = '${kind}' group by 1 order by count(*) desc, 1 limit ${count}`);
  const busy = (kind: string, count: number): Promise<string[]> =>
    pick(`select source_id::text as id from dependencies d join assets a on a.org_id = d.org_id and a.id = d.source_id
           where d.org_id = ${org} and a.kind = '${kind}' group by 1 order by count(*) desc, 1 limit ${count}`);
  const samples = {
    hubs: [...(await top('host', 1)), ...(await top('site', 1)), ...(await top('software', 1))],
    services: await busy('business-process', 2),
    information: await top('information', 1),
    organizations: await pick(
      `select target_org_id::text as id from dependencies where org_id = ${org} and target_org_id is not null group by 1 order by count(*) desc, 1 limit 1`,
    ),
  };
  lap('samples');
  return {
    assets: n,
    organizations: orgCount,
    dependencies: dependencyCount,
    operatorEdges,
    graphEdges: dependencyCount + operatorEdges,
    byKind,
    byType,
    seconds,
    samples,
  };
}
