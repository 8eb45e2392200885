import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgBySlug } from '../../src/cli/org-lookup.ts';
import { cliAccess } from '../../src/cli/risk-files.ts';
import { getScenarioFair } from '../../src/quant/fair-analysis.service.ts';
import type { ScenarioResult } from '../../src/quant/fair/analysis.ts';
import { ZCreateCriteria } from '../../src/risk/criteria.schema.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { ZCreateScenario } from '../../src/risk/scenarios.schema.ts';
import { createScenario } from '../../src/risk/scenarios.service.ts';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';

/* bulwark risk fair show|set|run|portfolio: a scenario's FAIR analysis from the command line. */
let cli: CliStore;
let dir: string;
let scenarioId: string;

const constant = (value: number) => ({ kind: 'constant', value });
/** LEF = 2 × 0.5 = 1 a year, loss per event 1000 + 0.5 × 200 = 1100: the annual loss is exactly 1,100. */
const analysis = {
  model: 'product',
  iterations: 2000,
  seed: 7,
  inputs: {
    threatEventFrequency: constant(2),
    vulnerability: constant(0.5),
    primaryLoss: constant(1000),
    secondaryLossEventFrequency: constant(0.5),
    secondaryLossMagnitude: constant(200),
  },
  // Halves the primary loss: removes 500 a year, for 250 a year.
  controls: [{ name: 'Offline backups', yearlyCost: 250, effects: [{ factor: 'primaryLoss', reduction: constant(0.5) }] }],
};
const write = (name: string, content: unknown): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};
const fair = () =>
  cli.open(async (store) => {
    const access = cliAccess(await findOrgBySlug(store, 'shop'));
    return getScenarioFair(store, access, scenarioId);
  });

beforeAll(async () => {
  cli = await createCliStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-fair-cli-'));
  const org = await runCli(['org', 'create', '--slug', 'shop', '--name', 'Shop Co', ...cli.flags]);
  expect(org.code, org.stderr).toBe(0);
  await cli.open(async (store) => {
    const access = cliAccess(await findOrgBySlug(store, 'shop'));
    await createCriteria(store, access, ZCreateCriteria.parse({ template: '5x5' }));
    const scenario = await createScenario(
      store,
      access,
      ZCreateScenario.parse({ title: 'Ransomware on the shop', approach: 'asset-based' }),
    );
    scenarioId = scenario.id;
  });
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await cli.dispose();
});

describe('bulwark risk fair', { timeout: 240_000 }, () => {
  it('saves an analysis from a file, runs it, stores the run and prints its figures', async () => {
    const set = await runCli(['risk', 'fair', 'set', 'r-001', write('ok.json', analysis), '--org', 'shop', ...cli.flags]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('R-001: FAIR analysis saved (version 1)');

    const run = await runCli(['risk', 'fair', 'run', 'R-001', '--org', 'shop', ...cli.flags]);
    expect(run.code, run.stderr).toBe(0);
    const stored = await fair();
    const result = stored.latestRun!.result as unknown as ScenarioResult;
    expect(result.annualLoss.mean).toBeCloseTo(1100, 9);
    expect(run.stdout).toContain(`run\t${stored.latestRun!.id}`);
    expect(run.stdout).toContain('annual loss mean\t1,100\n');
    expect(run.stdout).toContain('loss events a year\t1.00\n');
    expect(run.stdout).toContain('control Offline backups\tremoves 500 a year (p95 500), return 2.00×');

    const show = await runCli(['risk', 'fair', 'show', 'R-001', '--org', 'shop', ...cli.flags]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('model\tproduct, 1 control(s), 2,000 iterations, seed 7, version 1');
    expect(show.stdout).toContain(`run\t${stored.latestRun!.id}`);
  });

  it('refuses a bad file, naming the field, and stores nothing', async () => {
    const bad = { ...analysis, inputs: { ...analysis.inputs, vulnerability: { kind: 'uniform', min: 0.2, max: 1.5 } } };
    const set = await runCli(['risk', 'fair', 'set', 'R-001', write('bad.json', bad), '--org', 'shop', ...cli.flags]);
    expect(set.code).not.toBe(0);
    expect(set.stderr).toContain('inputs.vulnerability');
    const stored = await fair();
    expect(stored.analysis!.version).toBe(1);
    expect(stored.analysis!.inputs).toEqual(analysis.inputs);

    const shape = await runCli(['risk', 'fair', 'set', 'R-001', write('shape.json', { model: 'guess' }), '--org', 'shop', ...cli.flags]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toMatch(/model: /);
  });

  it('says so when the scenario does not exist', async () => {
    const run = await runCli(['risk', 'fair', 'run', 'R-404', '--org', 'shop', ...cli.flags]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no risk scenario "R-404"');
  });

  it('runs the portfolio and gives the verdict', async () => {
    const run = await runCli(['risk', 'fair', 'portfolio', '--org', 'shop', '--iterations', '1000', '--seed', '3', ...cli.flags]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('total annual loss mean\t1,100\n');
    expect(run.stdout).toContain('verdict\tno appetite or tolerance curve set');
    expect(run.stdout).toContain('R-001\t1,100 (100.0 % of the total)');
    const bad = await runCli(['risk', 'fair', 'portfolio', '--org', 'shop', '--iterations', 'many', ...cli.flags]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--iterations must be an integer');
  });
});
