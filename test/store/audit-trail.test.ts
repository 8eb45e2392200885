import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { appendAudit } from '../../src/platform/audit/audit.store.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import { bearer, buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: OrgFixture;
let auditorToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  auditorToken = (await memberToken(ctx.store, org, 'auditor')).token;
  for (let i = 0; i < 5; i++) await memberToken(ctx.store, org, 'viewer');
});
afterAll(() => ctx.dispose());

const entriesOf = (orgId: string) => ctx.store.query<{ seq: number; id: string }>('select seq::float8 as seq, id from audit_entries where org_id = $1 order by seq', [orgId]);

describe('audit trail on the store', () => {
  it('records every change with actor, action, target, digests and request id, in order', async () => {
    const response = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?limit=100`, headers: { ...bearer(auditorToken), 'x-request-id': 'req-123' } });
    const { items } = response.json();
    expect(items.map((e: { action: string }) => e.action).reverse().slice(0, 4)).toEqual(['organization.created', 'member.added', 'member.added', 'token.created']);
    const tokenCreated = items.find((e: { action: string }) => e.action === 'token.created');
    expect(tokenCreated.afterDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenCreated.summary.role).toBeDefined();
    const seqs = items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('carries the request id of the change into its entry', async () => {
    const admin = await memberToken(ctx.store, org, 'admin');
    await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: { ...bearer(admin.token), 'x-request-id': 'trace-abc-1' }, payload: { name: 'traced', role: 'viewer' } });
    const page = (await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?action=token.created&limit=1`, headers: bearer(auditorToken) })).json();
    expect(page.items[0].requestId).toBe('trace-abc-1');
    expect(page.items[0].actor).toMatchObject({ type: 'token' });
  });

  it('filters by action prefix, target and time, and pages with a cursor without gaps or repeats', async () => {
    const all = (await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?limit=500`, headers: bearer(auditorToken) })).json().items;
    const tokenEvents = (await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?action=token.*&limit=500`, headers: bearer(auditorToken) })).json().items;
    expect(tokenEvents.length).toBe(all.filter((e: { action: string }) => e.action.startsWith('token.')).length);
    expect(tokenEvents.length).toBeGreaterThan(0);
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const url: string = `/api/orgs/${org.slug}/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { seq: number }[]; nextCursor: number | null } = (await ctx.app.inject({ url, headers: bearer(auditorToken) })).json();
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.map((e: { seq: number }) => e.seq));
    const future = (await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?from=2999-01-01T00:00:00Z`, headers: bearer(auditorToken) })).json();
    expect(future.items).toEqual([]);
  });

  it('serialises concurrent writers: no two entries share a seq and the chain verifies', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.store.db.transaction((tx) => appendAudit(tx, org.orgId, { actor: SYSTEM_ACTOR, action: 'test.concurrent', targetType: 'test', targetId: String(i) })),
      ),
    );
    expect(await verifyOrgChain(ctx.store, org.orgId)).toMatchObject({ ok: true });
  });

  it('reports an edited entry by id', async () => {
    const other = await buildOrg(ctx.store);
    await memberToken(ctx.store, other, 'viewer');
    const entries = await entriesOf(other.orgId);
    const victim = entries[1]!;
    await ctx.store.query(`update audit_entries set actor_label = 'someone else' where org_id = $1 and seq = $2`, [other.orgId, victim.seq]);
    const result = await verifyOrgChain(ctx.store, other.orgId);
    expect(result).toMatchObject({ ok: false, firstBadEntryId: victim.id });
    expect(result.fault).toContain('altered');
  });

  it('reports a deleted entry and a removed tail', async () => {
    const middle = await buildOrg(ctx.store);
    await memberToken(ctx.store, middle, 'viewer');
    const entries = await entriesOf(middle.orgId);
    await ctx.store.query('delete from audit_entries where org_id = $1 and seq = $2', [middle.orgId, entries[1]!.seq]);
    expect((await verifyOrgChain(ctx.store, middle.orgId)).ok).toBe(false);

    const tail = await buildOrg(ctx.store);
    await memberToken(ctx.store, tail, 'viewer');
    await ctx.store.query('delete from audit_entries where org_id = $1 and seq = (select max(seq) from audit_entries where org_id = $1)', [tail.orgId]);
    const result = await verifyOrgChain(ctx.store, tail.orgId);
    expect(result.ok).toBe(false);
    expect(result.fault).toContain('removed from the end');
  });

  it('reports reordered entries', async () => {
    const reordered = await buildOrg(ctx.store);
    await memberToken(ctx.store, reordered, 'viewer');
    // Swap the content of seq 1 and 2 by shifting seqs through a free value.
    await ctx.store.query('update audit_entries set seq = -1 where org_id = $1 and seq = 1', [reordered.orgId]);
    await ctx.store.query('update audit_entries set seq = 1 where org_id = $1 and seq = 2', [reordered.orgId]);
    await ctx.store.query('update audit_entries set seq = 2 where org_id = $1 and seq = -1', [reordered.orgId]);
    const result = await verifyOrgChain(ctx.store, reordered.orgId);
    expect(result.ok).toBe(false);
    expect(result.entries).toBe(0);
  });
});
