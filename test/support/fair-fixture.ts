import type { LightMyRequestResponse } from 'fastify';
import { bearer, buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from './test-app.ts';

/*
 * A FAIR test bed: an organization on the 5×5 criteria (whose levels carry events-per-year and monetary bands),
 * a risk manager, a viewer, an outsider in another organization, and helpers to call the API.
 */

export interface FairBed {
  ctx: TestContext;
  org: OrgFixture;
  other: OrgFixture;
  writer: string;
  viewer: string;
  outsider: string;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    payload?: object | string,
    token?: string,
    slug?: string,
  ): Promise<LightMyRequestResponse>;
  scenario(title: string, token?: string, slug?: string): Promise<{ id: string; refId: string; version: number }>;
  count(table: string): Promise<number>;
}

export const pert = (min: number, mode: number, max: number) => ({ kind: 'pert', min, mode, max });

/** A product-model analysis with loss forms, a driver-free TEF and one control. */
export const productAnalysis = (overrides: Record<string, unknown> = {}) => ({
  model: 'product',
  inputs: {
    threatEventFrequency: pert(0.5, 2, 6),
    vulnerability: pert(0.1, 0.3, 0.6),
    primaryLoss: { forms: { productivity: pert(5_000, 20_000, 120_000), response: { kind: 'lognormal', lo: 10_000, hi: 200_000 } } },
    secondaryLossEventFrequency: { kind: 'uniform', min: 0, max: 0.4 },
    secondaryLossMagnitude: { kind: 'triangular', min: 0, mode: 50_000, max: 500_000 },
  },
  controls: [{ name: 'EDR', yearlyCost: 40_000, effects: [{ factor: 'vulnerability', reduction: pert(0.3, 0.5, 0.8) }] }],
  iterations: 5_000,
  seed: 20_260_101,
  ...overrides,
});

export async function buildFairBed(overrides: Parameters<typeof createTestApp>[0] = {}): Promise<FairBed> {
  const ctx = await createTestApp(overrides);
  const org = await buildOrg(ctx.store);
  const other = await buildOrg(ctx.store);
  const writer = (await memberToken(ctx.store, org, 'risk-manager')).token;
  const viewer = (await memberToken(ctx.store, org, 'viewer')).token;
  const outsider = (await memberToken(ctx.store, other, 'risk-manager')).token;
  const call: FairBed['call'] = (method, path, payload, token = writer, slug = org.slug) =>
    ctx.app.inject({
      method,
      url: `/api/orgs/${slug}${path}`,
      headers: { ...bearer(token), ...(typeof payload === 'string' ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    });
  for (const [token, slug] of [
    [writer, org.slug],
    [outsider, other.slug],
  ] as const) {
    const response = await call('POST', '/risk/criteria', { template: '5x5' }, token, slug);
    if (response.statusCode !== 201) throw new Error(`criteria: ${response.statusCode} ${response.body}`);
  }
  const scenario: FairBed['scenario'] = async (title, token = writer, slug = org.slug) => {
    const response = await call('POST', '/scenarios', { title, approach: 'asset-based' }, token, slug);
    if (response.statusCode !== 201) throw new Error(`scenario: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const count = async (table: string): Promise<number> =>
    (await ctx.store.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return { ctx, org, other, writer, viewer, outsider, call, scenario, count };
}
