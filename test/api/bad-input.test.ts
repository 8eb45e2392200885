import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { bearer, buildOrg, createTestApp, memberToken, problem, testConfig, type OrgFixture, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let org: OrgFixture;
let adminToken: string;

beforeAll(async () => {
  ctx = await createTestApp({ bodyLimit: 4096 });
  org = await buildOrg(ctx.store);
  adminToken = (await memberToken(ctx.store, org, 'admin')).token;
});
afterAll(() => ctx.dispose());

const countRows = async (table: string): Promise<number> => (await ctx.store.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('bad input gets a clear 4xx naming the field, and writes nothing', () => {
  it('malformed JSON → 400 MALFORMED_BODY', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/tokens`,
      headers: { ...bearer(adminToken), 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).code).toBe('MALFORMED_BODY');
  });

  it('wrong type → 400 naming body.name', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: bearer(adminToken), payload: { name: 42, role: 'viewer' } });
    expect(response.statusCode).toBe(400);
    const body = problem(response);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.path)).toEqual(['body.name']);
  });

  it('unknown fields → 400 naming each one', async () => {
    const tokensBefore = await countRows('api_tokens');
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/tokens`,
      headers: bearer(adminToken),
      payload: { name: 'x', role: 'viewer', isAdmin: true, scopes: ['*'] },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.path).sort()).toEqual(['body.isAdmin', 'body.scopes']);
    expect(await countRows('api_tokens')).toBe(tokensBefore);
  });

  it('a value outside an enumeration → 400 naming it', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(adminToken), payload: { email: 'a@example.test', name: 'A', role: 'superuser' } });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]?.path).toBe('body.role');
  });

  it('a bad query parameter → 400 naming querystring.limit', async () => {
    const response = await ctx.app.inject({ url: `/api/orgs/${org.slug}/audit?limit=100000`, headers: bearer(adminToken) });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]?.path).toBe('querystring.limit');
  });

  it('a bad path parameter → 400 naming params.tokenId', async () => {
    const response = await ctx.app.inject({ method: 'DELETE', url: `/api/orgs/${org.slug}/tokens/not-a-uuid`, headers: bearer(adminToken) });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.[0]?.path).toBe('params.tokenId');
  });

  it('an oversize body → 413 and nothing written', async () => {
    const before = await countRows('api_tokens');
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: bearer(adminToken), payload: { name: 'x'.repeat(10_000), role: 'viewer' } });
    expect(response.statusCode).toBe(413);
    expect(problem(response).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows('api_tokens')).toBe(before);
  });

  it('an unsupported media type → 415', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/tokens`, headers: { ...bearer(adminToken), 'content-type': 'text/xml' }, payload: '<token/>' });
    expect(response.statusCode).toBe(415);
    expect(problem(response).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a duplicate → 409 CONFLICT naming the field, and nothing written', async () => {
    const payload = { email: 'dup@example.test', name: 'Dup', role: 'viewer' };
    expect((await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(adminToken), payload })).statusCode).toBe(201);
    const entriesBefore = await countRows('audit_entries');
    const again = await ctx.app.inject({ method: 'POST', url: `/api/orgs/${org.slug}/members`, headers: bearer(adminToken), payload });
    expect(again.statusCode).toBe(409);
    expect(problem(again).errors?.[0]?.path).toBe('body.email');
    expect(await countRows('audit_entries')).toBe(entriesBefore);
  });

  it('an unknown endpoint → 404 ROUTE_NOT_FOUND as problem+json', async () => {
    const response = await ctx.app.inject({ url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(problem(response).code).toBe('ROUTE_NOT_FOUND');
  });

  it('an unexpected fault → 500 that reveals nothing internal', async () => {
    const app = await buildApp(ctx.store, testConfig());
    app.get('/api/boom', async () => {
      throw new Error('secret connection string postgres://user:pw@db');
    });
    try {
      const response = await app.inject({ url: '/api/boom' });
      expect(response.statusCode).toBe(500);
      expect(problem(response).code).toBe('INTERNAL');
      expect(response.body).not.toContain('secret');
      expect(response.headers['x-request-id']).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});
