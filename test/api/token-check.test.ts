import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, signInAs, type OrgFixture, type TestContext } from '../support/test-app.ts';

/*
 * A token this process has seen answers read requests from memory, with its validity checked in the
 * request's own query or just before the response (src/platform/auth/token-check.ts). These tests warm that
 * memory first, then take the token's standing away in the database, and expect every kind of request to be
 * refused on the very next try.
 */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
});
afterAll(() => ctx.dispose());

const READS = {
  // The audit list settles the check in its own query (rows come back).
  'audit list': (slug: string) => `/api/orgs/${slug}/audit?limit=5`,
  // An empty asset list carries no rows, so the check runs on its own.
  'empty asset list': (slug: string) => `/api/orgs/${slug}/assets`,
  // Routes that never call checkedQuery are settled by the onSend hook.
  'organization summary': (slug: string) => `/api/orgs/${slug}`,
  jobs: (slug: string) => `/api/orgs/${slug}/jobs`,
};

async function warm(token: string): Promise<void> {
  for (const url of Object.values(READS)) {
    const response = await ctx.app.inject({ url: url(org.slug), headers: bearer(token) });
    expect(response.statusCode, url(org.slug)).toBe(200);
  }
}

type Standing = (userId: string) => Promise<unknown>;

/**
 * For each kind of read, with a token of its own (a refusal forgets the token, which would let the next read
 * take the slow path): warm the memory, take the token's standing away, and expect 401 with no data.
 */
async function expectEachReadRefusedAfter(takeAway: Standing): Promise<void> {
  for (const [name, url] of Object.entries(READS)) {
    const { token, userId } = await memberToken(ctx.store, org, 'auditor');
    await warm(token);
    await takeAway(userId);
    const response = await ctx.app.inject({ url: url(org.slug), headers: bearer(token) });
    expect(response.statusCode, name).toBe(401);
    expect(response.headers['content-type'], name).toMatch(/^application\/problem\+json/);
    expect(problem(response), name).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, type: expect.stringContaining('/problems/unauthenticated') });
    expect(response.body, name).not.toContain('"items"');
  }
}

const revoke: Standing = (userId) => ctx.store.query('update api_tokens set revoked_at = now() where user_id = $1', [userId]);

describe('token validity on read requests answered from memory', () => {
  it('refuses every kind of read on the next request after revocation', async () => {
    await expectEachReadRefusedAfter(revoke);
  });

  it('refuses reads once the owner is disabled or the token row is gone', async () => {
    await expectEachReadRefusedAfter((userId) => ctx.store.query('update users set disabled_at = now() where id = $1', [userId]));

    const deleted = await memberToken(ctx.store, org, 'viewer');
    await ctx.app.inject({ url: READS['organization summary'](org.slug), headers: bearer(deleted.token) });
    await ctx.store.query('delete from api_tokens where user_id = $1', [deleted.userId]);
    const response = await ctx.app.inject({ url: READS['organization summary'](org.slug), headers: bearer(deleted.token) });
    expect(response.statusCode).toBe(401);
  });

  it('refuses reads past an expiry set after the token was remembered', async () => {
    await expectEachReadRefusedAfter((userId) => ctx.store.query("update api_tokens set expires_at = now() - interval '1 second' where user_id = $1", [userId]));
  });

  it('checks a write’s token before the handler runs, so a revoked token changes nothing', async () => {
    const { token, userId } = await memberToken(ctx.store, org, 'admin');
    await warm(token);
    await revoke(userId);
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/assets`,
      headers: bearer(token),
      payload: { kind: 'host', name: 'should-not-exist', externalIds: { cmdbId: 'CI-NOPE' } },
    });
    expect(created.statusCode).toBe(401);
    const rows = await ctx.store.query('select 1 from assets where org_id = $1', [org.orgId]);
    expect(rows).toHaveLength(0);
  });

  it('still answers 404 for another organization, and 401 once the token is revoked', async () => {
    const { token, userId } = await memberToken(ctx.store, org, 'auditor');
    await warm(token);
    const outside = await ctx.app.inject({ url: READS['audit list'](other.slug), headers: bearer(token) });
    expect(outside.statusCode).toBe(404);
    await revoke(userId);
    const revoked = await ctx.app.inject({ url: READS['audit list'](other.slug), headers: bearer(token) });
    expect(revoked.statusCode).toBe(401);
  });

  it('returns the same audit pages, in the same order, to a remembered token and to a session', async () => {
    const session = await signInAs(ctx.app, org.owner.email);
    const { token } = await memberToken(ctx.store, org, 'auditor');
    await warm(token);
    const seqs = async (headers: Record<string, string>): Promise<number[]> => {
      const all: number[] = [];
      let cursor: number | null = null;
      do {
        const response = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers });
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: { seq: number }[]; nextCursor: number | null };
        all.push(...page.items.map((item) => item.seq));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return all;
    };
    const viaToken = await seqs(bearer(token));
    const viaSession = await seqs(session.headers);
    expect(viaToken.length).toBeGreaterThan(5);
    expect(viaToken).toEqual(viaSession);
    expect(viaToken).toEqual([...viaToken].sort((a, b) => b - a));
  });

  it('records the token’s use', async () => {
    const { token, userId } = await memberToken(ctx.store, org, 'viewer');
    await ctx.app.inject({ url: READS['organization summary'](org.slug), headers: bearer(token) });
    const [row] = await ctx.store.query<{ last_used_at: Date | null }>('select last_used_at from api_tokens where user_id = $1', [userId]);
    expect(row?.last_used_at).not.toBeNull();
  });
});
