import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { References, type ReferenceRun } from '../../bench/fair/references.ts';
import { iterationsOf, loadScenarios, REFERENCE_DIR, simulateRange, type Model, type Workload } from '../../bench/fair/workloads.ts';
import { percentileOfSorted } from '../../src/quant/fair/outputs.ts';

/**
 * Bulwark's FAIR engine against the reference kernels in ../shared/reference/fair (C, and numpy where it is
 * installed), on the same inputs: W2 (1,000 scenarios × 10,000 iterations, summed per iteration, each scenario on
 * its own stream) for the product model (exact PERT, and PERT from inverse-CDF tables against C's pert-table) and
 * the compound model; W1 (the compound scenario the kernels use for W1, `w1_compound`, × 1,000,000 iterations).
 * The random streams differ, so the results agree only within Monte Carlo error, and the tolerances are computed
 * from Bulwark's own sample:
 *  - mean: 4 standard errors of the difference of two independent means, 4·sd/√n·√2;
 *  - p95: the order-statistic band of the same width — the rank of the sample p95 has a binomial spread of
 *    √(n·0.95·0.05), so the sorted sample between ranks 0.95n ± 4·√2·that spread brackets the true p95 of
 *    either estimate with a wide margin; the tolerance is half that band (distribution-free, no density guess).
 */
const SCENARIOS_FILE = path.join(REFERENCE_DIR, 'scenarios.json');
const available = fs.existsSync(SCENARIOS_FILE) && fs.existsSync(path.join(REFERENCE_DIR, 'c_fair.c'));
const Z = 4 * Math.SQRT2;

interface Estimate {
  mean: number;
  p95: number;
  meanTolerance: number;
  p95Tolerance: number;
}

function bulwark(model: Model, workload: Workload): Estimate {
  const scenarios = loadScenarios();
  const count = workload === 'W1' ? 1 : scenarios.product.length;
  const losses = simulateRange(scenarios, model, workload, 0, count);
  const n = losses.length;
  expect(n).toBe(iterationsOf(workload));
  let sum = 0;
  for (const x of losses) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of losses) squares += (x - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const sorted = Float64Array.from(losses).sort();
  const spread = (Z * Math.sqrt(n * 0.95 * 0.05)) / n;
  const band = percentileOfSorted(sorted, Math.min(1, 0.95 + spread)) - percentileOfSorted(sorted, 0.95 - spread);
  return { mean, p95: percentileOfSorted(sorted, 0.95), meanTolerance: (Z * sd) / Math.sqrt(n), p95Tolerance: band / 2 };
}

function agree(label: string, ours: Estimate, theirs: ReferenceRun): void {
  const meanDiff = Math.abs(ours.mean - theirs.ale);
  const p95Diff = Math.abs(ours.p95 - theirs.p95);
  const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(2)} %`;
  console.log(
    `${label}: mean ${ours.mean.toPrecision(6)} vs ${theirs.ale} (diff ${pct(meanDiff, ours.mean)}, tolerance ${pct(ours.meanTolerance, ours.mean)}); ` +
      `p95 ${ours.p95.toPrecision(6)} vs ${theirs.p95} (diff ${pct(p95Diff, ours.p95)}, tolerance ${pct(ours.p95Tolerance, ours.p95)})`,
  );
  expect(meanDiff, `${label} mean`).toBeLessThanOrEqual(ours.meanTolerance);
  expect(p95Diff, `${label} p95`).toBeLessThanOrEqual(ours.p95Tolerance);
}

describe.runIf(available)('FAIR engine against the reference kernels', () => {
  let refs: References;
  const numpy = available && References.hasNumpy();

  beforeAll(() => {
    refs = References.prepare();
  });
  afterAll(() => refs?.remove());

  it('W2 product model (PERT): portfolio mean and p95 agree with C and numpy', () => {
    const ours = bulwark('pert', 'W2');
    agree('W2 pert vs C', ours, refs.c('pert', 'W2', 1));
    if (numpy) agree('W2 pert vs numpy', ours, refs.numpy('pert', 'W2', 1));
  });

  it('W2 product model with PERT from inverse-CDF tables: portfolio mean and p95 agree with C', () => {
    agree('W2 pert-table vs C', bulwark('pert-table', 'W2'), refs.c('pert-table', 'W2', 1));
  });

  it('W2 compound model (Poisson × lognormal): portfolio mean and p95 agree with C and numpy', () => {
    const ours = bulwark('compound', 'W2');
    agree('W2 compound vs C', ours, refs.c('compound', 'W2', 1));
    if (numpy) agree('W2 compound vs numpy', ours, refs.numpy('compound', 'W2', 1));
  });

  it('W1 compound model, one scenario × 1,000,000 iterations: mean and p95 agree with C and numpy', () => {
    const ours = bulwark('compound', 'W1');
    agree('W1 compound vs C', ours, refs.c('compound', 'W1', 1));
    if (numpy) agree('W1 compound vs numpy', ours, refs.numpy('compound', 'W1', 1));
  });
});
