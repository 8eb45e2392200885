import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, signInAs, type OrgFixture, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: OrgFixture;
let ownerToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  ownerToken = (await memberToken(ctx.store, org, 'owner')).token;
});
afterAll(() => ctx.dispose());

describe('members', () => {
  it('adds a new person with a one-time password they can sign in with', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(ownerToken), payload: { email: 'New.Person@Example.test', name: 'New Person', role: 'risk-manager' } });
    expect(response.statusCode).toBe(201);
    const { member, initialPassword } = response.json();
    expect(member).toMatchObject({ email: 'new.person@example.test', role: 'risk-manager' });
    const session = await signInAs(ctx.app, 'new.person@example.test', initialPassword);
    const me = (await ctx.app.inject({ url: '/api/auth/session', headers: { cookie: session.cookie } })).json();
    expect(me.organizations).toEqual([expect.objectContaining({ slug: org.slug, role: 'risk-manager' })]);
  });

  it('adds an existing account without a password and without a name', async () => {
    const other = await buildOrg(ctx.store);
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(ownerToken), payload: { email: other.owner.email, role: 'viewer' } });
    expect(response.statusCode).toBe(201);
    expect(response.json().initialPassword).toBeUndefined();
  });

  it('requires a name for a new account', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(ownerToken), payload: { email: 'nameless@example.test', role: 'viewer' } });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]?.path).toBe('body.name');
  });

  it('changes a role, revoking the member’s tokens, and audits it', async () => {
    const member = await memberToken(ctx.store, org, 'compliance-manager');
    const response = await ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${org.slug}/members/${member.userId}`, headers: bearer(ownerToken), payload: { role: 'viewer' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe('viewer');
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}`, headers: bearer(member.token) })).statusCode).toBe(401);
    const audit = (await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?action=member.role-changed`, headers: bearer(ownerToken) })).json();
    expect(audit.items[0].summary).toMatchObject({ from: 'compliance-manager', to: 'viewer', revokedTokens: 1 });
  });

  it('stops an admin from making owners or touching an owner', async () => {
    const admin = await memberToken(ctx.store, org, 'admin');
    const makeOwner = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(admin.token), payload: { email: 'x1@example.test', name: 'X', role: 'owner' } });
    expect(makeOwner.statusCode).toBe(403);
    const demoteOwner = await ctx.app.inject({ method: 'PATCH', url: `/api/orgs/${org.slug}/members/${org.owner.id}`, headers: bearer(admin.token), payload: { role: 'viewer' } });
    expect(demoteOwner.statusCode).toBe(403);
  });

  it('keeps at least one owner', async () => {
    const solo = await buildOrg(ctx.store);
    const token = (await memberToken(ctx.store, solo, 'admin')).token;
    const session = await signInAs(ctx.app, solo.owner.email);
    const leave = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${solo.slug}/members/${solo.owner.id}`, headers: session.headers });
    expect(leave.statusCode).toBe(422);
    expect(problem(leave).detail).toContain('at least one owner');
    const members = (await ctx.app.inject({ url: `/api/orgs/${solo.slug}/members`, headers: bearer(token) })).json().items;
    expect(members.some((m: { userId: string }) => m.userId === solo.owner.id)).toBe(true);
  });

  it('removes a member: their access ends at once', async () => {
    const member = await memberToken(ctx.store, org, 'auditor');
    const response = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${org.slug}/members/${member.userId}`, headers: bearer(ownerToken) });
    expect(response.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit`, headers: bearer(member.token) })).statusCode).toBe(401);
    const again = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${org.slug}/members/${member.userId}`, headers: bearer(ownerToken) });
    expect(again.statusCode).toBe(404);
  });

  it('lets only instance administrators create organizations', async () => {
    const session = await signInAs(ctx.app, org.owner.email);
    const response = await ctx.app.inject({ method: 'POST', url: '/api/orgs', headers: session.headers, payload: { slug: 'new-org', name: 'New' } });
    expect(response.statusCode).toBe(403);
    await ctx.store.query('update users set is_instance_admin = true where id = $1', [org.owner.id]);
    const created = await ctx.app.inject({ method: 'POST', url: '/api/orgs', headers: session.headers, payload: { slug: 'new-org', name: 'New' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().role).toBe('owner');
    const dup = await ctx.app.inject({ method: 'POST', url: '/api/orgs', headers: session.headers, payload: { slug: 'new-org', name: 'Again' } });
    expect(dup.statusCode).toBe(409);
  });
});
