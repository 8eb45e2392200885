import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, signInAs, TEST_PASSWORD, type OrgFixture, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: OrgFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
});
afterAll(() => ctx.dispose());

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets an HttpOnly SameSite=Strict cookie', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: org.owner.email, password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'bulwark_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.user.email).toBe(org.owner.email);
    expect(body.organizations.map((o: { slug: string }) => o.slug)).toEqual([org.slug]);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: org.owner.email, password: 'not the password' } });
    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'nobody@example.test', password: 'whatever' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(problem(wrong).code).toBe('INVALID_CREDENTIALS');
    expect(problem(unknown).detail).toBe(problem(wrong).detail);
  });

  it('requires the CSRF token on state-changing requests made with the cookie', async () => {
    const session = await signInAs(ctx.app, org.owner.email);
    const payload = { name: 'ci', role: 'viewer' };
    const without = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: { cookie: session.cookie }, payload });
    expect(without.statusCode).toBe(403);
    expect(problem(without).code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload });
    expect(wrong.statusCode).toBe(403);
    const right = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: session.headers, payload });
    expect(right.statusCode).toBe(201);
  });

  it('signs out: the old cookie no longer works', async () => {
    const session = await signInAs(ctx.app, org.owner.email);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await createTestApp({ signInPerMinute: 3 });
    try {
      const attempt = () => limited.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.test', password: 'nope' } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(problem(await attempt()).code).toBe('RATE_LIMITED');
    } finally {
      await limited.dispose();
    }
  });
});

describe('API tokens', () => {
  it('authenticates with a bearer token; a bad, revoked or expired token gets 401', async () => {
    const { token } = await memberToken(ctx.store, org, 'auditor');
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: bearer(token) })).statusCode).toBe(200);
    const bad = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: bearer('bwk_not-a-real-token') });
    expect(bad.statusCode).toBe(401);
    expect(problem(bad).code).toBe('UNAUTHENTICATED');
    const none = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit` });
    expect(none.statusCode).toBe(401);
    const malformed = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
  });

  it('shows the secret once, stores only a hash, and revocation takes effect at once', async () => {
    const session = await signInAs(ctx.app, org.owner.email);
    const created = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: session.headers, payload: { name: 'deploy', role: 'auditor' } });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^bwk_/);
    const stored = await ctx.store.query<{ token_hash: string }>('select token_hash from api_tokens where id = $1', [token.id]);
    expect(stored[0]!.token_hash).not.toContain(secret);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await ctx.app.inject({ url: `/api/orgs/${org.slug}/tokens`, headers: session.headers });
    expect(list.body).not.toContain(secret);
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}`, headers: bearer(secret) })).statusCode).toBe(200);
    const revoked = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${org.slug}/tokens/${token.id}`, headers: session.headers });
    expect(revoked.json().status).toBe('revoked');
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}`, headers: bearer(secret) })).statusCode).toBe(401);
  });

  it('rejects an expired token', async () => {
    const { token, userId } = await memberToken(ctx.store, org, 'viewer');
    await ctx.store.query("update api_tokens set expires_at = now() - interval '1 second' where user_id = $1", [userId]);
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}`, headers: bearer(token) })).statusCode).toBe(401);
  });

  it('never mints a token above the caller’s role', async () => {
    const { token } = await memberToken(ctx.store, org, 'risk-manager');
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: bearer(token), payload: { name: 'x', role: 'admin' } });
    expect(response.statusCode).toBe(403);
    const own = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: bearer(token), payload: { name: 'x', role: 'viewer' } });
    expect(own.statusCode).toBe(201);
  });
});

describe('roles', () => {
  it('lets auditors read the audit trail and stops viewers', async () => {
    const auditor = await memberToken(ctx.store, org, 'auditor');
    const viewer = await memberToken(ctx.store, org, 'viewer');
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: bearer(auditor.token) })).statusCode).toBe(200);
    const denied = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: bearer(viewer.token) });
    expect(denied.statusCode).toBe(403);
    expect(problem(denied).code).toBe('FORBIDDEN');
  });

  it('keeps an auditor from changing anything', async () => {
    const auditor = await memberToken(ctx.store, org, 'auditor');
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(auditor.token), payload: { email: 'x@example.test', name: 'X', role: 'viewer' } });
    expect(response.statusCode).toBe(403);
    const members = await ctx.app.inject({ url: `/api/orgs/${org.slug}/members`, headers: bearer(auditor.token) });
    expect(members.json().items.some((m: { email: string }) => m.email === 'x@example.test')).toBe(false);
  });
});

describe('the instance trail', () => {
  it('records sign-ins for instance administrators to browse, and hides itself from everyone else', async () => {
    await signInAs(ctx.app, org.owner.email);
    const member = await signInAs(ctx.app, org.owner.email);
    expect((await ctx.app.inject({ url: '/api/instance/audit', headers: { cookie: member.cookie } })).statusCode).toBe(404);
    await ctx.store.query('update users set is_instance_admin = true where id = $1', [org.owner.id]);
    const page = await ctx.app.inject({ url: '/api/instance/audit?action=session.signed-in', headers: { cookie: member.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.filter((e: { actor: { label: string } }) => e.actor.label === org.owner.email).length).toBeGreaterThanOrEqual(2);
    await ctx.store.query('update users set is_instance_admin = false where id = $1', [org.owner.id]);
  });
});
