import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

/* bulwark simulate: an Open FAIR run from a JSON file, reproducible, with what a control is worth. */
let dir: string;
const write = (name: string, spec: unknown): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return file;
};
const constant = (value: number) => ({ kind: 'constant', value });
const fixed = {
  threatEventFrequency: constant(2),
  vulnerability: constant(0.5),
  primaryLoss: constant(1000),
  secondaryLossEventFrequency: constant(0.5),
  secondaryLossMagnitude: constant(200),
};
const ransomware = {
  threatEventFrequency: { kind: 'pert', min: 0.5, mode: 2, max: 6 },
  vulnerability: { kind: 'pert', min: 0.1, mode: 0.25, max: 0.5 },
  primaryLoss: { kind: 'lognormal', lo: 200_000, hi: 4_000_000 },
  secondaryLossEventFrequency: { kind: 'uniform', min: 0.2, max: 0.6 },
  secondaryLossMagnitude: { kind: 'lognormal', lo: 100_000, hi: 2_000_000 },
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-simulate-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bulwark simulate', { timeout: 120_000 }, () => {
  it('gives the exact answer for constant inputs: TEF × V × (PL + SLEF × SLM)', async () => {
    const run = await runCli(['simulate', write('fixed.json', { model: 'product', iterations: 1000, seed: 1, inputs: fixed })]);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ engine: expect.stringMatching(/^bulwark-fair /), model: 'product', iterations: 1000, seed: 1 });
    expect(result.before).toMatchObject({ mean: 1100, median: 1100, p99: 1100, probabilityOfLoss: 1 });
  });

  it('is reproducible, and says what a control removes and returns for its cost', async () => {
    const vulnerabilityAfter = { kind: 'pert', min: 0.02, mode: 0.08, max: 0.2 };
    const spec = {
      model: 'product',
      iterations: 50_000,
      seed: 42,
      inputs: ransomware,
      after: { ...ransomware, vulnerability: vulnerabilityAfter },
      controlYearlyCost: 60_000,
    };
    const file = write('ransomware.json', spec);
    const [first, second] = [await runCli(['simulate', file]), await runCli(['simulate', file])];
    expect(first.code, first.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const result = JSON.parse(first.stdout);
    expect(result.after.mean).toBeLessThan(result.before.mean);
    expect(result.reduction.mean).toBeCloseTo(result.before.mean - result.after.mean, 6);
    expect(result.returnOnControl).toBeCloseTo(result.reduction.mean / 60_000, 9);
    expect(result.before.exceedance.length).toBeGreaterThan(10);
    const other = JSON.parse((await runCli(['simulate', write('seed.json', { ...spec, seed: 43 })])).stdout);
    expect(other.before.mean).not.toBe(result.before.mean);
  });

  it('refuses bad input with the field and a non-zero exit', async () => {
    const cases: [unknown, string][] = [
      [
        { model: 'product', iterations: 1000, seed: 1, inputs: { ...fixed, primaryLoss: { kind: 'pert', min: 10, mode: 5, max: 20 } } },
        'inputs.primaryLoss.mode',
      ],
      [{ model: 'product', iterations: 1000, seed: 1, inputs: { ...fixed, vulnerability: constant(1.5) } }, 'inputs.vulnerability'],
      [{ model: 'product', iterations: 0, seed: 1, inputs: fixed }, 'iterations'],
      [{ model: 'monte', iterations: 10, seed: 1, inputs: fixed }, 'model'],
      ['{"model": ', 'is not JSON'],
    ];
    for (const [spec, expected] of cases) {
      const run = await runCli(['simulate', write('bad.json', spec)]);
      expect(run.code, JSON.stringify(spec)).not.toBe(0);
      expect(run.stderr).toContain(expected);
    }
  });
});
