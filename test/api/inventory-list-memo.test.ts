import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { inventoryClient, type InventoryClient } from '../fixtures/inventory/client.ts';
import { upsertAssets } from '../../src/inventory/assets-batch.ts';

/*
 * The asset list remembers pages and counts per inventory version (src/inventory/assets-list.ts). These tests
 * watch the statements that reach the store: a remembered answer must not read `assets` again, and any
 * inventory write must make the next answer exact.
 */

let ctx: TestContext;
let org: OrgFixture;
let api: InventoryClient;
let userId: string;
/** Statements run over the assets table since the last `takeAssetReads()`. */
let assetReads: string[] = [];

function takeAssetReads(): string[] {
  const taken = assetReads;
  assetReads = [];
  return taken;
}

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  const member = await memberToken(ctx.store, org, 'viewer');
  userId = member.userId;
  api = inventoryClient(ctx.app, org.slug, member.token);
  await ctx.store.db.transaction((tx) =>
    upsertAssets(
      tx,
      org.access,
      Array.from({ length: 30 }, (_, i) => ({
        kind: i % 3 === 0 ? 'host' : 'software',
        name: `memo-${String(i).padStart(2, '0')}`,
        status: 'in-use',
        tags: [],
        externalIds: { cmdbId: `MEMO-${i}` },
      })),
    ),
  );
  const query = ctx.store.query.bind(ctx.store);
  ctx.store.query = ((text: string, ...rest: unknown[]) => {
    if (/\bfrom assets\b/.test(text)) assetReads.push(text);
    return (query as (...args: unknown[]) => ReturnType<typeof query>)(text, ...rest);
  }) as typeof ctx.store.query;
});
afterAll(() => ctx.dispose());

async function page(query: string): Promise<{ items: { id: string; name: string }[]; total: number; nextCursor: string | null }> {
  const response = await api.get(`/assets?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('asset list: pages and counts remembered per inventory version', () => {
  it('answers a repeated page without reading assets, and a filter’s next page without counting again', async () => {
    const first = await page('kind=host&limit=4');
    expect(first.total).toBe(10);
    expect(takeAssetReads()).toHaveLength(2); // the page and its count
    expect(await page('kind=host&limit=4')).toEqual(first);
    expect(takeAssetReads()).toEqual([]);
    const second = await page(`kind=host&limit=4&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((item) => item.name)).toEqual(['memo-12', 'memo-15', 'memo-18', 'memo-21']);
    expect(second.total).toBe(10);
    expect(takeAssetReads()).toHaveLength(1); // the page only: the count is the one remembered above
  });

  it('is exact after a write: a new asset shows on the next request, with the new total', async () => {
    const before = await page('limit=50');
    takeAssetReads();
    const created = await inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'admin')).token).create('/assets', {
      kind: 'host',
      name: 'memo-00a',
    });
    const after = await page('limit=50');
    expect(after.total).toBe(before.total + 1);
    // Timestamps read as ISO text by the list are the ones the write answered with (Dates, formatted in JS).
    const listed = after.items.find((item) => item.id === created.id) as unknown as { createdAt: string; updatedAt: string };
    expect(listed).toMatchObject({ createdAt: created.createdAt, updatedAt: created.updatedAt });
    expect(takeAssetReads().length).toBeGreaterThan(0);
    // The filter's remembered count is stale too: it is counted again, not reused.
    expect((await page('kind=host&limit=4')).total).toBe(11);
  });

  it('keeps an answer only while the inventory version stands (a change behind its back shows with the next write)', async () => {
    // Writing assets without an inventory write is not something the product does; here it proves the answer
    // comes from memory, and that moving the version is what refreshes it.
    const first = await page('sort=name&limit=3');
    await ctx.store.query(`update assets set name = 'memo-000 renamed' where org_id = $1 and id = $2`, [org.orgId, first.items[0]!.id]);
    expect((await page('sort=name&limit=3')).items[0]!.name).toBe(first.items[0]!.name);
    await ctx.store.query('update inventory_state set inventory_version = inventory_version + 1 where org_id = $1', [org.orgId]);
    expect((await page('sort=name&limit=3')).items[0]!.name).toBe('memo-000 renamed');
  });

  it('still checks the token on a remembered page: a revoked token gets 401', async () => {
    await page('kind=software&limit=5');
    await page('kind=software&limit=5');
    await ctx.store.query('update api_tokens set revoked_at = now() where user_id = $1', [userId]);
    const refused = await api.get('/assets?kind=software&limit=5');
    expect(refused.statusCode).toBe(401);
  });
});
