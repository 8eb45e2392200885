import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, signInAs, type OrgFixture, type TestContext } from '../support/test-app.ts';

/**
 * An outsider must not read or change anything of another organization, nor learn that it exists:
 * every organization-scoped endpoint answers 404, and the victim's data (and audit chain) stay unchanged.
 */
let ctx: TestContext;
let victim: OrgFixture;
let attacker: OrgFixture;
let attackerAdminToken: string;
let victimTokenId: string;
let victimMemberId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  victim = await buildOrg(ctx.store);
  attacker = await buildOrg(ctx.store);
  attackerAdminToken = (await memberToken(ctx.store, attacker, 'owner')).token;
  const victimMember = await memberToken(ctx.store, victim, 'auditor');
  victimMemberId = victimMember.userId;
  victimTokenId = (await ctx.store.query<{ id: string }>('select id from api_tokens where user_id = $1', [victimMemberId]))[0]!.id;
});
afterAll(() => ctx.dispose());

const snapshot = async (): Promise<string> =>
  JSON.stringify(
    await ctx.store.query(
      `select (select audit_seq from organizations where id = $1) as seq,
              (select count(*) from memberships where org_id = $1) as members,
              (select count(*) from api_tokens where org_id = $1 and revoked_at is null) as tokens`,
      [victim.orgId],
    ),
  );

const endpoints = (): { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }[] => [
  { method: 'GET', url: `/api/orgs/${victim.slug}` },
  { method: 'GET', url: `/api/orgs/${victim.slug}/members` },
  { method: 'POST', url: `/api/orgs/${victim.slug}/members`, payload: { email: 'mole@example.test', name: 'Mole', role: 'owner' } },
  { method: 'PATCH', url: `/api/orgs/${victim.slug}/members/${victimMemberId}`, payload: { role: 'viewer' } },
  { method: 'DELETE', url: `/api/orgs/${victim.slug}/members/${victimMemberId}` },
  { method: 'GET', url: `/api/orgs/${victim.slug}/tokens` },
  { method: 'POST', url: `/api/orgs/${victim.slug}/tokens`, payload: { name: 'x', role: 'viewer' } },
  { method: 'DELETE', url: `/api/orgs/${victim.slug}/tokens/${victimTokenId}` },
  { method: 'GET', url: `/api/orgs/${victim.slug}/audit` },
  { method: 'GET', url: `/api/orgs/${victim.slug}/audit/verify` },
  { method: 'GET', url: `/api/orgs/${victim.slug}/jobs` },
];

describe('tenant isolation', () => {
  it('gives an API token of another organization 404 on every endpoint, and changes nothing', async () => {
    const before = await snapshot();
    for (const endpoint of endpoints()) {
      const response = await ctx.app.inject({ ...endpoint, headers: bearer(attackerAdminToken) });
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect(problem(response).code).toBe('NOT_FOUND');
    }
    expect(await snapshot()).toBe(before);
  });

  it('gives a signed-in owner of another organization 404 on every endpoint, and changes nothing', async () => {
    const session = await signInAs(ctx.app, attacker.owner.email);
    const before = await snapshot();
    for (const endpoint of endpoints()) {
      const response = await ctx.app.inject({ ...endpoint, headers: session.headers });
      expect(response.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  it('does not let a member reach another organization’s objects through their own organization', async () => {
    const before = await snapshot();
    const revoke = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${attacker.slug}/tokens/${victimTokenId}`, headers: bearer(attackerAdminToken) });
    expect(revoke.statusCode).toBe(404);
    const demote = await ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${attacker.slug}/members/${victimMemberId}`, headers: bearer(attackerAdminToken), payload: { role: 'viewer' } });
    expect(demote.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('answers the same for an organization that does not exist', async () => {
    const missing = await ctx.app.inject({ url: '/api/orgs/no-such-org/members', headers: bearer(attackerAdminToken) });
    const foreign = await ctx.app.inject({ url: `/api/orgs/${victim.slug}/members`, headers: bearer(attackerAdminToken) });
    expect(missing.statusCode).toBe(404);
    expect(problem(missing).detail).toBe(problem(foreign).detail);
  });

  it('lists only the caller’s own organizations', async () => {
    const response = await ctx.app.inject({ url: '/api/orgs', headers: bearer(attackerAdminToken) });
    expect(response.json().items.map((o: { slug: string }) => o.slug)).toEqual([attacker.slug]);
  });
});
