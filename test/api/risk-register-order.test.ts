import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControl, updateControl } from '../../src/risk/controls.service.ts';
import { ZCreateControl } from '../../src/risk/controls.schema.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { DEEP_OFFSET } from '../../src/risk/register-order.ts';
import { registerPageSql, type FilterScope, type RegisterRow } from '../../src/risk/register.query.ts';
import type { RegisterSort, TRegisterFilter } from '../../src/risk/register.schema.ts';
import { todayUtc } from '../../src/risk/register.service.ts';
import { bearer, buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';

/*
 * Deep register pages are slices of a remembered order (src/risk/register-order.ts). They must be exactly the
 * pages the database's own walk gives, in every sort and direction, filtered or not; the order must be read
 * once per audit head, and read again once a write moves the head.
 */
let ctx: TestContext;
let org: OrgFixture;
let token: string;
let scope: FilterScope;
let controlId: string;
/** Statements that read a whole order since the last `takeOrderReads()`. */
let orderReads = 0;
const takeOrderReads = (): number => {
  const n = orderReads;
  orderReads = 0;
  return n;
};

const SCENARIOS = DEEP_OFFSET + 420;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  token = (await memberToken(ctx.store, org, 'viewer')).token;
  const criteria = await createCriteria(ctx.store, org.access, { template: '5x5', makeDefault: true });
  // Many ties on purpose (titles that differ only in case, shared ratings, review dates and update times), so
  // the order's tie-breaking keys decide; every ninth scenario unrated and every fourth without a review date.
  await ctx.store.query(
    `insert into risk_scenarios (org_id, id, ref_id, title, approach, status, criteria_id, criteria_version,
       current_likelihood, current_consequence, current_level, residual_likelihood, residual_consequence, residual_level,
       review_due, rationale, tags, version, created_at, updated_at)
     select $1, gen_random_uuid(), 'R-' || lpad(g::text, 4, '0'),
            case when g % 2 = 0 then 'SCENARIO ' else 'scenario ' end || (g % 37), 'asset-based', 'assessed', $2, 1,
            case when g % 9 <> 0 then g % 5 end, case when g % 9 <> 0 then (g / 5) % 5 end, case when g % 9 <> 0 then least(3, (g % 5 + (g / 5) % 5) / 2) end,
            case when g % 9 <> 0 then g % 3 end, case when g % 9 <> 0 then (g / 3) % 3 end, case when g % 9 <> 0 then least(3, (g % 3 + (g / 3) % 3) / 2) end,
            case when g % 4 <> 0 then date '2026-01-01' + g % 50 end, '{}'::jsonb, '{}'::text[], 1, now(),
            timestamptz '2026-01-01 00:00:00Z' + (g % 60) * interval '1 hour'
       from generate_series(1, ${SCENARIOS}) g`,
    [org.orgId, criteria.id],
  );
  controlId = (await createControl(ctx.store, org.access, ZCreateControl.parse({ title: 'Moves the audit head' }))).id;
  scope = { orgId: org.orgId, criteriaId: criteria.id, restrictCriteria: false, today: todayUtc(), cellVersions: null };
  const query = ctx.store.query.bind(ctx.store);
  ctx.store.query = ((text: string, ...rest: unknown[]) => {
    if (text.includes('uuid_send')) orderReads += 1;
    return (query as (...args: unknown[]) => ReturnType<typeof query>)(text, ...rest);
  }) as typeof ctx.store.query;
});
afterAll(() => ctx.dispose());

interface Item {
  id: string;
  refId: string;
  title: string;
  ratings: { current: { level: number } | null };
  reviewDue: string | null;
  updatedAt: string;
}

async function apiPage(query: string): Promise<{ items: Item[]; total: number }> {
  const response = await ctx.app.inject({ method: 'GET', url: `/api/orgs/${org.slug}/scenarios?${query}`, headers: bearer(token) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What the database's own walk gives for the same page (the statement of shallow pages and reports). */
async function walkedPage(
  filter: Partial<TRegisterFilter>,
  sort: RegisterSort,
  direction: 'asc' | 'desc' | undefined,
  offset: number,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const built = registerPageSql(scope, filter, sort, direction, { limit, offset }, true);
  const rows = await ctx.store.query<RegisterRow>(built.text, built.params);
  return { ids: rows.filter((row) => row.id !== null).map((row) => row.id!), total: rows[0]!.total! };
}

const SORTS: RegisterSort[] = ['priority', 'residual', 'ref', 'title', 'reviewDue', 'updated'];

describe('deep register pages from a remembered order', () => {
  it('are the pages the database walk gives, for every sort and direction, filtered or not', async () => {
    const cases: { filter: Partial<TRegisterFilter>; query: string }[] = [
      { filter: {}, query: '' },
      { filter: { level: [1, 2] }, query: '&level=1,2' },
      { filter: { q: 'SCEN' }, query: '&q=SCEN' },
    ];
    for (const { filter, query } of cases) {
      for (const sort of SORTS) {
        for (const direction of [undefined, 'asc', 'desc'] as const) {
          for (const offset of [DEEP_OFFSET, DEEP_OFFSET + 137, SCENARIOS - 10]) {
            const asked = `sort=${sort}${direction ? `&direction=${direction}` : ''}&offset=${offset}&limit=25${query}`;
            const page = await apiPage(asked);
            const walked = await walkedPage(filter, sort, direction, offset, 25);
            expect(
              page.items.map((item) => item.id),
              asked,
            ).toEqual(walked.ids);
            expect(page.total, asked).toBe(walked.total);
          }
        }
      }
    }
    // Beyond the last match: an empty page, the total still exact.
    const beyond = await apiPage(`level=1,2&offset=${SCENARIOS}`);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe((await walkedPage({ level: [1, 2] }, 'priority', undefined, 0, 1)).total);
  });

  it('reads the order once per audit head, and again after a write', async () => {
    takeOrderReads();
    const first = await apiPage(`sort=title&offset=${DEEP_OFFSET + 5}&limit=10`);
    expect(takeOrderReads()).toBe(1);
    const other = await apiPage(`sort=title&offset=${DEEP_OFFSET + 300}&limit=10`);
    expect(takeOrderReads()).toBe(0);
    expect(other.items).toHaveLength(10);
    // Not something the product does (every write is audited): here it shows the slice comes from the order.
    await ctx.store.query('update risk_scenarios set title = $3 where org_id = $1 and id = $2', [
      org.orgId,
      first.items[0]!.id,
      'aaa first',
    ]);
    await apiPage(`sort=title&offset=${DEEP_OFFSET + 300}&limit=11`);
    expect(takeOrderReads()).toBe(0);
    // An audited write moves the head: the order is read again and the renamed scenario has left the deep page.
    await updateControl(ctx.store, org.access, controlId, { description: 'audited write' }, undefined);
    const after = await apiPage(`sort=title&offset=${DEEP_OFFSET + 5}&limit=10`);
    expect(takeOrderReads()).toBe(1);
    expect(after.items.map((item) => item.id)).not.toContain(first.items[0]!.id);
    expect(after.items[1]!.id).toBe(first.items[1]!.id);
    expect((await apiPage('sort=title&limit=1')).items[0]!.id).toBe(first.items[0]!.id);
  });

  it('is read once when many readers ask for deep pages of one order at the same time', async () => {
    await updateControl(ctx.store, org.access, controlId, { description: 'another audited write' }, undefined);
    takeOrderReads();
    const offsets = Array.from({ length: 12 }, (_, i) => DEEP_OFFSET + i * 25);
    const pages = await Promise.all(offsets.map((offset) => apiPage(`sort=updated&offset=${offset}&limit=25`)));
    expect(takeOrderReads()).toBe(1);
    const walked = await Promise.all(offsets.map((offset) => walkedPage({}, 'updated', undefined, offset, 25)));
    expect(pages.map((page) => page.items.map((item) => item.id))).toEqual(walked.map((page) => page.ids));
  });
});
