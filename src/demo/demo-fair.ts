import { and, eq, inArray } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';
import { saveAnalysis } from '../quant/fair-analysis.service.ts';
import { runPortfolio } from '../quant/fair-portfolio.service.ts';
import { runScenario } from '../quant/fair-runs.service.ts';
import { saveSettings } from '../quant/fair-settings.service.ts';
import type { TFairAnalysisInput } from '../quant/fair.schema.ts';

/*
 * Demo Corp's FAIR side: settings in euros with appetite and tolerance curves and a shared ransomware-campaign
 * driver; quantitative analyses on four scenarios (the ransomware one split by forms of loss, with EDR and
 * offline backups as controls); and seeded runs of each and of the portfolio, so the pages have results.
 * The figures are invented for a mid-sized online retailer.
 */

const pert = (min: number, mode: number, max: number) => ({ kind: 'pert', min, mode, max });
const lognormal = (lo: number, hi: number) => ({ kind: 'lognormal', lo, hi });
const BUDGET = { maxMemoryMb: 1024, maxSeconds: 300 };

const ANALYSES: Record<string, Omit<TFairAnalysisInput, 'version'>> = {
  'Ransomware halts order taking and fulfilment': {
    model: 'product',
    inputs: {
      threatEventFrequency: { driver: 'ransomware-campaign' },
      vulnerability: pert(0.05, 0.15, 0.35),
      primaryLoss: {
        forms: {
          productivity: pert(200_000, 900_000, 4_000_000),
          response: lognormal(50_000, 600_000),
          replacement: pert(20_000, 80_000, 400_000),
        },
      },
      secondaryLossEventFrequency: pert(0.3, 0.6, 0.9),
      secondaryLossMagnitude: { forms: { finesAndJudgments: lognormal(10_000, 2_000_000), reputation: pert(50_000, 300_000, 3_000_000) } },
    },
    controls: [
      {
        name: 'Endpoint detection and response',
        controlId: null,
        yearlyCost: 60_000,
        effects: [{ factor: 'vulnerability', reduction: pert(0.3, 0.5, 0.7) }],
      },
      {
        name: 'Offline backups',
        controlId: null,
        yearlyCost: 25_000,
        effects: [{ factor: 'primaryLoss', reduction: pert(0.3, 0.5, 0.7) }],
      },
    ],
    iterations: 20_000,
    seed: 27_005,
  },
  'Card data skimmed from the checkout': {
    model: 'product',
    inputs: {
      threatEventFrequency: lognormal(0.5, 5),
      vulnerability: pert(0.05, 0.1, 0.3),
      primaryLoss: pert(50_000, 200_000, 1_000_000),
      secondaryLossEventFrequency: pert(0.5, 0.8, 0.95),
      secondaryLossMagnitude: { forms: { finesAndJudgments: lognormal(100_000, 5_000_000) } },
    },
    iterations: 20_000,
    seed: 27_005,
  },
  'Backup vault encrypted together with production': {
    model: 'product',
    inputs: {
      threatEventFrequency: { driver: 'ransomware-campaign' },
      vulnerability: pert(0.01, 0.04, 0.1),
      primaryLoss: lognormal(500_000, 8_000_000),
      secondaryLossEventFrequency: { kind: 'uniform', min: 0.2, max: 0.6 },
      secondaryLossMagnitude: lognormal(100_000, 3_000_000),
    },
    iterations: 20_000,
    seed: 27_005,
  },
  'Payments provider outage': {
    model: 'compound',
    inputs: { lossEventFrequency: 2, magnitude: pert(5_000, 40_000, 250_000) },
    iterations: 20_000,
    seed: 27_005,
  },
};

export async function seedDemoFair(store: Store, access: OrgAccess): Promise<{ analyses: number }> {
  await saveSettings(store, access, {
    currency: 'EUR',
    // The seeded portfolio (about 2.4 M a year) lies above the appetite and within the tolerance.
    appetite: [
      { loss: 500_000, probability: 0.9 },
      { loss: 1_000_000, probability: 0.5 },
      { loss: 5_000_000, probability: 0.05 },
    ],
    tolerance: [
      { loss: 1_000_000, probability: 1 },
      { loss: 2_500_000, probability: 0.7 },
      { loss: 5_000_000, probability: 0.25 },
      { loss: 10_000_000, probability: 0.05 },
      { loss: 25_000_000, probability: 0.005 },
    ],
    drivers: [
      {
        key: 'ransomware-campaign',
        name: 'Ransomware campaigns reaching us',
        description: 'Attempts per year by ransomware affiliates against retailers of our size; shared by every ransomware scenario.',
        distribution: pert(1, 3, 8),
      },
    ],
  });
  const titles = Object.keys(ANALYSES);
  const rows = await store.db
    .select({ id: riskScenarios.id, title: riskScenarios.title })
    .from(riskScenarios)
    .where(and(eq(riskScenarios.orgId, access.orgId), inArray(riskScenarios.title, titles)));
  const ids: string[] = [];
  for (const title of titles) {
    const row = rows.find((r) => r.title === title);
    if (!row) continue;
    await saveAnalysis(store, access, row.id, ANALYSES[title]!, undefined);
    await runScenario(store, access, BUDGET, row.id, { sensitivity: true, inline: true });
    ids.push(row.id);
  }
  if (ids.length > 0) await runPortfolio(store, access, BUDGET, { scenarioIds: ids, iterations: 20_000, seed: 27_005 }, { inline: true });
  return { analyses: ids.length };
}
