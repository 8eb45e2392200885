import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.ts';
import { TEST_STORE_KIND } from '../support/test-store.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.dispose());

describe('server basics', () => {
  it('answers liveness and readiness, naming the store', async () => {
    expect((await ctx.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', store: TEST_STORE_KIND });
  });

  it('serves the OpenAPI 3.1 document and the interactive docs', async () => {
    const document = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(document.statusCode).toBe(200);
    expect(document.json().openapi).toBe('3.1.0');
    const docs = await ctx.app.inject({ url: '/api/docs' });
    const page = docs.statusCode === 302 ? await ctx.app.inject({ url: String(docs.headers.location) }) : docs;
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const kept = await ctx.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await ctx.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets defensive headers', async () => {
    const response = await ctx.app.inject({ url: '/healthz' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });
});
