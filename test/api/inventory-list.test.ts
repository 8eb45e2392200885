import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { inventoryClient, type InventoryClient } from '../fixtures/inventory/client.ts';
import { upsertAssets, type AssetUpsert } from '../../src/inventory/assets-batch.ts';
import { upsertExternalOrganizations } from '../../src/inventory/external-orgs-batch.ts';
import { ASSET_KINDS, LIFECYCLE_STATUSES, PRIMARY_ASSET_KINDS } from '../../src/inventory/vocabulary.ts';

let ctx: TestContext;
let org: OrgFixture;
let api: InventoryClient;
let operatorId: string;
let rows: Row[];

/** The store's view of every asset, with updated_at to the microsecond, to compute expectations in memory. */
interface Row {
  id: string;
  name: string;
  kind: string;
  status: string;
  tags: string[];
  criticality: number;
  operator_id: string | null;
  cmdb_id: string | null;
  purl: string | null;
  updated_us: string;
}

const WORDS = ['alpha', 'Bravo', 'charlie', 'Delta', 'echo', 'Foxtrot', 'golf', 'Hotel', 'india', 'Juliet', 'kilo'];

function fixtureAssets(operator: string): AssetUpsert[] {
  let seed = 42;
  const random = (n: number): number => Math.floor((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 65_536) % n;
  return Array.from({ length: 300 }, (_, i) => {
    const kind = ASSET_KINDS[random(ASSET_KINDS.length)]!;
    // Some names repeat (ties are broken by id); some differ only by case.
    const name = i % 29 === 0 ? 'Shared name' : `${WORDS[random(WORDS.length)]} ${WORDS[random(WORDS.length)]!.toLowerCase()}-${String(random(120)).padStart(3, '0')}`;
    const level = (): number | null => (random(3) === 0 ? null : 1 + random(4));
    return {
      kind,
      name,
      status: LIFECYCLE_STATUSES[random(LIFECYCLE_STATUSES.length)]!,
      confidentiality: level(),
      integrity: level(),
      availability: level(),
      tags: random(4) === 0 ? ['pci'] : random(3) === 0 ? ['gdpr', 'pci'] : [],
      operatorId: random(10) === 0 ? operator : null,
      externalIds: { cmdbId: `CI-${String(i).padStart(4, '0')}`, ...(kind === 'software' ? { purl: `pkg:npm/${WORDS[i % WORDS.length]!.toLowerCase()}-lib@1.${i}.0` } : {}) },
    };
  });
}

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  api = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'viewer')).token);
  await ctx.store.db.transaction(async (tx) => {
    operatorId = (await upsertExternalOrganizations(tx, org.access, [{ name: 'Nimbus Cloud', relationshipTypes: ['cloud-provider'] }])).ids[0]!;
    await upsertAssets(tx, org.access, fixtureAssets(operatorId));
  });
  // Spread updated_at over microsecond steps, with ties, so a cursor that lost precision would skip or repeat rows.
  await ctx.store.query(
    `update assets set updated_at = timestamptz '2025-01-01 00:00:00Z' + ((('x' || substr(md5(id::text), 1, 4))::bit(16)::int % 97) * interval '1001 microseconds') where org_id = $1`,
    [org.orgId],
  );
  rows = await ctx.store.query<Row>(
    `select id, name, kind, status, tags, criticality, operator_id, cmdb_id, purl, (extract(epoch from updated_at) * 1000000)::int8::text as updated_us
       from assets where org_id = $1`,
    [org.orgId],
  );
});
afterAll(() => ctx.dispose());

const cmp = (a: string | number | bigint, b: string | number | bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: Row, b: Row): number => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id);
const EXPECTED_ORDER: Record<string, (a: Row, b: Row) => number> = {
  name: byName,
  '-name': (a, b) => byName(b, a),
  kind: (a, b) => cmp(a.kind, b.kind) || byName(a, b),
  criticality: (a, b) => b.criticality - a.criticality || byName(a, b),
  updatedAt: (a, b) => cmp(BigInt(a.updated_us), BigInt(b.updated_us)) || cmp(a.id, b.id),
  '-updatedAt': (a, b) => cmp(BigInt(b.updated_us), BigInt(a.updated_us)) || cmp(b.id, a.id),
};

/** Walks every page of a query and returns the ids in order, checking the reported total. */
async function walk(query: string, limit: number): Promise<{ ids: string[]; total: number; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  let pages = 0;
  do {
    const response = await api.get(`/assets?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    ids.push(...body.items.map((item: { id: string }) => item.id));
    expect(body.totalIsEstimate).toBe(false);
    total = body.total;
    cursor = body.nextCursor;
    pages++;
  } while (cursor);
  return { ids, total, pages };
}

const SEPARATORS = /[\s\-_.:/@+#,;()=&|~]+/;
/** The documented search: name prefix, or every word starts a word of the name or external ids, or an exact external id. */
function matches(row: Row, q: string): boolean {
  const lower = q.toLowerCase();
  if (row.name.toLowerCase().startsWith(lower) || row.cmdb_id === q || row.purl === q) return true;
  const words = lower.split(SEPARATORS).filter(Boolean);
  const haystack = [row.name, row.cmdb_id ?? '', row.purl ?? ''].join(' ').toLowerCase().split(SEPARATORS);
  return words.length > 0 && words.every((word) => haystack.some((candidate) => candidate.startsWith(word)));
}

describe('asset list: keyset paging, sorting, filtering and search in the store', () => {
  it.each(Object.keys(EXPECTED_ORDER))('walks every page sorted by %s and matches the in-memory order', async (sort) => {
    const { ids, total, pages } = await walk(`sort=${sort}`, 37);
    expect(total).toBe(300);
    expect(pages).toBe(Math.ceil(300 / 37));
    expect(ids).toEqual([...rows].sort(EXPECTED_ORDER[sort]).map((row) => row.id));
  });

  const filters: [string, (row: Row) => boolean][] = [
    ['kind=host', (row) => row.kind === 'host'],
    ['category=primary', (row) => (PRIMARY_ASSET_KINDS as readonly string[]).includes(row.kind)],
    ['status=retired', (row) => row.status === 'retired'],
    ['tag=gdpr', (row) => row.tags.includes('gdpr')],
    ['category=supporting&tag=pci&status=in-use', (row) => !(PRIMARY_ASSET_KINDS as readonly string[]).includes(row.kind) && row.tags.includes('pci') && row.status === 'in-use'],
  ];
  it.each(filters)('filters by %s with an exact total, across pages and sorts', async (filter, keep) => {
    for (const sort of ['name', 'kind', '-updatedAt']) {
      const expected = rows.filter(keep).sort(EXPECTED_ORDER[sort]).map((row) => row.id);
      expect(expected.length).toBeGreaterThan(0);
      const { ids, total } = await walk(`${filter}&sort=${sort}`, 11);
      expect(ids).toEqual(expected);
      expect(total).toBe(expected.length);
    }
  });

  it('filters by operating organization', async () => {
    const { ids } = await walk(`operatorId=${operatorId}&sort=criticality`, 50);
    expect(ids).toEqual(rows.filter((row) => row.operator_id === operatorId).sort(EXPECTED_ORDER.criticality).map((row) => row.id));
  });

  it.each(['alp', 'Bravo ch', 'shared', 'CI-0042', 'ci 01', 'pkg:npm/echo', 'HOTEL-0', "o'brien \\ %", '%'])('searches q=%s over names and external ids', async (q) => {
    const expected = rows.filter((row) => matches(row, q)).sort(byName).map((row) => row.id);
    const { ids, total } = await walk(`q=${encodeURIComponent(q)}`, 25);
    expect(ids).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it('finds an asset by its exact purl and by a word prefix of it', async () => {
    const software = rows.find((row) => row.purl)!;
    expect((await walk(`q=${encodeURIComponent(software.purl!)}`, 10)).ids).toContain(software.id);
  });

  it('rejects a cursor of another sort or a forged one with 400 naming querystring.cursor', async () => {
    const first = (await api.get('/assets?sort=name&limit=5')).json();
    const mixed = await api.get(`/assets?sort=-name&limit=5&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(problem(mixed).errors?.[0]?.path).toBe('querystring.cursor');
    const forged = await api.get(`/assets?limit=5&cursor=${Buffer.from('{"s":"name","k":[1]}').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    const bad = await api.get('/assets?sort=size');
    expect(problem(bad).errors?.[0]?.path).toBe('querystring.sort');
  });
});
