/**
 * FAIR Monte Carlo benchmark: Bulwark's engine against the C kernel and numpy on the same workloads, in
 * the same run. One JSON object on stdout, progress on stderr. See README.md.
 *
 *   npx tsx bench/fair/fair-bench.ts [--reps 5] [--no-numpy] [--no-parallel] [--no-pyfair] [--pyfair-reps 1]
 *   (internal) --child <pert|pert-table|compound> <W1|W2> <reps> [--workers N]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from './parallel.ts';
import { References, type ReferenceRun } from './references.ts';
import { loadScenarios, runOnce, type Model, type Workload } from './workloads.ts';

interface BulwarkRun {
  median_total_s: number;
  all_total_s: number[];
  ale: number;
  p95: number;
  peakRssMB: number;
  workers: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));
const log = (message: string): void => void process.stderr.write(`[fair-bench] ${message}\n`);

/** Child mode: one model × workload, `reps` timed runs in a fresh process so its peak RSS is its own. */
async function child(model: Model, workload: Workload, reps: number, workers: number): Promise<void> {
  const scenarios = loadScenarios();
  const pool = workers > 1 ? await WorkerPool.start(workers) : null;
  const times: number[] = [];
  let last = { mean: 0, p95: 0 };
  for (let rep = 0; rep < reps; rep++) {
    const start = performance.now();
    last = pool ? await pool.run(model, scenarios.product.length) : runOnce(scenarios, model, workload);
    times.push((performance.now() - start) / 1000);
  }
  await pool?.stop();
  const run: BulwarkRun = {
    median_total_s: round(median(times), 4),
    all_total_s: times.map((t) => round(t, 4)),
    ale: last.mean,
    p95: last.p95,
    peakRssMB: round(process.resourceUsage().maxRSS / 1024, 1),
    workers,
  };
  process.stdout.write(JSON.stringify(run));
}

function bulwark(model: Model, workload: Workload, reps: number, workers = 1): BulwarkRun {
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, script, '--child', model, workload, String(reps), '--workers', String(workers)];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`bulwark child ${model} ${workload} failed`);
  return JSON.parse(result.stdout) as BulwarkRun;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1]! : fallback;
  };
  if (argv[0] === '--child') {
    await child(argv[1] as Model, argv[2] as Workload, Number(argv[3]), Number(option('--workers', '1')));
    return;
  }
  const reps = Number(option('--reps', '5'));
  const withNumpy = !argv.includes('--no-numpy') && References.hasNumpy();
  const withParallel = !argv.includes('--no-parallel');
  const pyfair = argv.includes('--no-pyfair') ? null : References.pyfair();
  if (!pyfair && !argv.includes('--no-pyfair')) log('pyfair not found (PYFAIR_DIR, PYFAIR_PYTHON): skipping it');
  const loadBefore = loadavg();
  log('building the C kernel in a temporary copy of the reference folder');
  const refs = References.prepare();
  const results: Record<string, unknown> = {};
  let pyfairW2: ReferenceRun | undefined;
  const ratios: Record<string, number | null> = {};
  const ratio = (a: { median_total_s: number }, b: ReferenceRun | undefined): number | null =>
    b ? round(a.median_total_s / b.median_total_s) : null;
  try {
    for (const workload of ['W1', 'W2'] as const) {
      for (const model of ['pert', 'pert-table', 'compound'] as const) {
        const key = `${model}_${workload}`;
        log(`${key}: bulwark`);
        const ours = bulwark(model, workload, reps);
        log(`${key}: C`);
        const c = refs.c(model, workload, reps);
        const cTable = model === 'pert' ? refs.c('pert-table', workload, reps) : undefined;
        let numpy: ReferenceRun | undefined;
        if (withNumpy && model !== 'pert-table') {
          log(`${key}: numpy`);
          numpy = refs.numpy(model, workload, reps);
        }
        let parallel: BulwarkRun | undefined;
        if (withParallel && workload === 'W2') {
          log(`${key}: bulwark, 2 worker threads`);
          parallel = bulwark(model, workload, reps, 2);
        }
        let peer: ReferenceRun | undefined;
        if (pyfair && model !== 'compound' && workload === 'W2') {
          // One pyfair run serves both product kernels (exact PERT, then PERT from tables): it is the same model.
          if (!pyfairW2) log(`${key}: pyfair`);
          peer = pyfairW2 ??= refs.pyfairW2(pyfair, Number(option('--pyfair-reps', '1')));
          // pyfair draws from numpy's generator, not ours: the same model agrees only within Monte Carlo error.
          ratios[`${key}_pyfair_over_bulwark`] = round(peer.median_total_s / ours.median_total_s, 1);
          if (parallel) ratios[`${key}_pyfair_over_bulwark_2_workers`] = round(peer.median_total_s / parallel.median_total_s, 1);
        }
        results[key] = {
          bulwark: ours,
          bulwark_2_workers: parallel ?? null,
          c,
          c_pert_table: cTable ?? null,
          numpy: numpy ?? null,
          pyfair: peer ?? null,
        };
        ratios[`${key}_bulwark_over_c`] = ratio(ours, c);
        if (cTable) ratios[`${key}_bulwark_over_c_pert_table`] = ratio(ours, cTable);
        ratios[`${key}_bulwark_over_numpy`] = ratio(ours, numpy);
        if (parallel) ratios[`${key}_bulwark_2_workers_over_c`] = ratio(parallel, c);
      }
    }
  } finally {
    refs.remove();
  }
  const report = {
    bench: 'fair-monte-carlo',
    node: process.version,
    reps,
    seed: 42,
    loadAverageBefore: loadBefore.map((x) => round(x, 2)),
    loadAverageAfter: loadavg().map((x) => round(x, 2)),
    ratios,
    results,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
