import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgBySlug } from '../../src/cli/org-lookup.ts';
import { cliAccess } from '../../src/cli/risk-files.ts';
import { ZCreateCriteria } from '../../src/risk/criteria.schema.ts';
import { createCriteria } from '../../src/risk/criteria.service.ts';
import { assessScenario } from '../../src/risk/scenario-assessment.service.ts';
import { ZCreateScenario } from '../../src/risk/scenarios.schema.ts';
import { createScenario } from '../../src/risk/scenarios.service.ts';
import { createCliStore, runCli, type CliStore } from '../support/cli.ts';

/* bulwark risk register and bulwark risk report: the register and its report files from the command line. */
let cli: CliStore;
let dir: string;
let plantCriteriaId: string;

beforeAll(async () => {
  cli = await createCliStore();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-risk-cli-'));
  const org = await runCli(['org', 'create', '--slug', 'shop', '--name', 'Shop Co', ...cli.flags]);
  expect(org.code, org.stderr).toBe(0);
  await cli.open(async (store) => {
    const access = cliAccess(await findOrgBySlug(store, 'shop'));
    await createCriteria(store, access, ZCreateCriteria.parse({ template: '5x5' }));
    const plant = await createCriteria(store, access, ZCreateCriteria.parse({ template: '4x4', name: 'OT plant 4×4' }));
    plantCriteriaId = plant.id;
    const rate = async (title: string, likelihood: number, consequence: number, criteriaId?: string) => {
      const scenario = await createScenario(store, access, ZCreateScenario.parse({ title, approach: 'asset-based', criteriaId }));
      await assessScenario(
        store,
        access,
        scenario.id,
        { current: { likelihood, consequence }, useLatestCriteria: false },
        scenario.version,
      );
    };
    await rate('Checkout outage', 4, 4);
    await rate('Price scraping', 1, 0);
    await rate('Kiln controller tampering', 3, 3, plant.id);
  });
}, 120_000);
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await cli.dispose();
});

describe('bulwark risk', { timeout: 240_000 }, () => {
  it('lists the register highest priority first and filters it by level', async () => {
    const all = await runCli(['risk', 'register', '--org', 'shop', ...cli.flags]);
    expect(all.code, all.stderr).toBe(0);
    expect(
      all.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('\t')[5]),
    ).toEqual(['Checkout outage', 'Price scraping']);
    expect(all.stdout).toContain('R-001\tCritical\tCritical\tassessed');
    const critical = await runCli(['risk', 'register', '--org', 'shop', '--level', '3', ...cli.flags]);
    expect(critical.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('writes the PDF and CSV reports where asked', async () => {
    const pdf = path.join(dir, 'board.pdf');
    const written = await runCli(['risk', 'report', '--org', 'shop', '--out', pdf, ...cli.flags]);
    expect(written.code, written.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = path.join(dir, 'register.csv');
    expect((await runCli(['risk', 'report', '--org', 'shop', '--format', 'csv', '--out', csv, ...cli.flags])).code).toBe(0);
    expect(fs.readFileSync(csv, 'utf8')).toContain('Checkout outage');
  });

  it('shows another criteria set when --criteria names it, by name (any case) or id, in the register and the report', async () => {
    const byName = await runCli(['risk', 'register', '--org', 'shop', '--criteria', 'ot PLANT 4×4', ...cli.flags]);
    expect(byName.code, byName.stderr).toBe(0);
    expect(byName.stdout.trim().split('\n')).toEqual(['R-003\tVery high\tVery high\tassessed\t-\tKiln controller tampering']);
    expect(byName.stderr).toContain('1 of 1 scenarios (criteria: OT plant 4×4 v1)');
    const byId = await runCli(['risk', 'register', '--org', 'shop', '--criteria', plantCriteriaId, '--level', '3', ...cli.flags]);
    expect(byId.stdout).toContain('Kiln controller tampering');
    const csv = path.join(dir, 'plant.csv');
    const report = await runCli([
      'risk',
      'report',
      '--org',
      'shop',
      '--criteria',
      'OT plant 4×4',
      '--format',
      'csv',
      '--out',
      csv,
      ...cli.flags,
    ]);
    expect(report.code, report.stderr).toBe(0);
    const rows = fs.readFileSync(csv, 'utf8');
    expect(rows).toContain('Kiln controller tampering');
    expect(rows).not.toContain('Checkout outage');
  });

  it('refuses an unknown criteria set with the sets it has and a non-zero exit', async () => {
    const out = path.join(dir, 'unknown.pdf');
    for (const extra of [['register'], ['report', '--out', out]]) {
      const unknown = await runCli(['risk', ...extra, '--org', 'shop', '--criteria', 'Group 5×5', ...cli.flags]);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stdout).toBe('');
      expect(unknown.stderr).toContain(
        'no risk criteria "Group 5×5" in organization "shop"; its sets: OT plant 4×4, Standard 5×5 (default)',
      );
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a bad filter, an unknown format and an unwritable path with a message and a non-zero exit', async () => {
    const status = await runCli(['risk', 'register', '--org', 'shop', '--status', 'forgotten', ...cli.flags]);
    expect(status.code).not.toBe(0);
    expect(status.stderr).toContain('--status');
    const format = await runCli(['risk', 'report', '--org', 'shop', '--format', 'docx', ...cli.flags]);
    expect(format.code).not.toBe(0);
    expect(format.stderr).toContain('--format');
    const nowhere = await runCli(['risk', 'report', '--org', 'shop', '--out', path.join(dir, 'missing', 'r.pdf'), ...cli.flags]);
    expect(nowhere.code).not.toBe(0);
    expect(nowhere.stderr).toContain('cannot write');
  });
});
