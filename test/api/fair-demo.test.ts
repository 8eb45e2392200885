import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUG, seedDemo } from '../../src/demo/seed-demo.ts';
import { getPortfolio } from '../../src/quant/fair-portfolio.service.ts';
import { getScenarioFair } from '../../src/quant/fair-analysis.service.ts';
import { SYSTEM_ACTOR, type OrgAccess } from '../../src/platform/context.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';

/* The demo organization's FAIR side: settings, analyses on four scenarios, a run of each and of the portfolio. */
let ts: TestStore;
let access: OrgAccess;

beforeAll(async () => {
  ts = await createTestStore();
  await seedDemo(ts.store);
  const [org] = await ts.store.query<{ id: string }>('select id from organizations where slug = $1', [DEMO_SLUG]);
  access = { orgId: org!.id, orgSlug: DEMO_SLUG, role: 'owner', actor: SYSTEM_ACTOR, userId: null, requestId: null };
}, 120_000);
afterAll(() => ts.dispose());

describe('demo FAIR data', () => {
  it('has settings in euros with curves and the shared ransomware driver', async () => {
    const { settings } = await getPortfolio(ts.store, access);
    expect(settings.currency).toBe('EUR');
    expect(settings.appetite.length).toBeGreaterThan(0);
    expect(settings.tolerance.length).toBeGreaterThan(0);
    expect(settings.drivers.map((d) => d.key)).toEqual(['ransomware-campaign']);
  });

  it('has four analysed scenarios, each run; the ransomware one split by forms of loss with two costed controls', async () => {
    const portfolio = await getPortfolio(ts.store, access);
    expect(portfolio.scenarios).toHaveLength(4);
    for (const scenario of portfolio.scenarios) expect(scenario.mean, scenario.title).toBeGreaterThan(0);
    const ransomware = portfolio.scenarios.find((s) => s.title.startsWith('Ransomware halts'))!;
    const fair = await getScenarioFair(ts.store, access, ransomware.id);
    expect(Object.keys((fair.analysis!.inputs.primaryLoss as { forms: object }).forms).sort()).toEqual([
      'productivity',
      'replacement',
      'response',
    ]);
    expect(fair.analysis!.controls.map((c) => (c as { yearlyCost: number }).yearlyCost)).toEqual([60_000, 25_000]);
    const result = fair.latestRun!.result as { controls: { returnOnControl: number | null }[] };
    expect(result.controls).toHaveLength(2);
    expect(result.controls.every((c) => typeof c.returnOnControl === 'number')).toBe(true);
  });

  it('has a portfolio run naming its scenarios and set against appetite and tolerance', async () => {
    const { latestRun } = await getPortfolio(ts.store, access);
    const result = latestRun!.result as {
      scenarios: { refId: string }[];
      drivers: string[];
      appetite: { exceeds: boolean } | null;
      tolerance: { exceeds: boolean } | null;
    };
    expect(result.scenarios).toHaveLength(4);
    expect(result.scenarios.every((s) => /^R-\d+$/.test(s.refId))).toBe(true);
    expect(result.drivers).toEqual(['ransomware-campaign']);
    // Seeded, so the story is fixed: above the appetite, within the tolerance.
    expect(result.appetite?.exceeds).toBe(true);
    expect(result.tolerance?.exceeds).toBe(false);
  });
});
