import { Worker } from 'node:worker_threads';
import { summarize, type LossSummary } from '../../src/quant/fair/outputs.ts';
import type { Model } from './workloads.ts';

/**
 * W2 split across worker threads by scenario: each worker sums its slice per iteration, the main thread
 * adds the slices. Results equal the single-threaded run up to floating-point summation order, because
 * every scenario draws from its own stream whichever thread runs it.
 */
export class WorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  static async start(size: number): Promise<WorkerPool> {
    // On Node 20 workers do not inherit tsx's loader hooks: each registers tsx, then imports the .ts entry.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./fair-worker.ts', import.meta.url).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true }));
    const pool = new WorkerPool(workers);
    await pool.run('compound', 2); // warm-up: module load and JIT on a tiny slice
    return pool;
  }

  async run(model: Model, scenarioCount: number): Promise<LossSummary> {
    const share = Math.ceil(scenarioCount / this.workers.length);
    const partials = await Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<Float64Array>((resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage({ model, from: Math.min(w * share, scenarioCount), to: Math.min((w + 1) * share, scenarioCount) });
          }),
      ),
    );
    const total = partials[0]!;
    for (const partial of partials.slice(1)) for (let i = 0; i < total.length; i++) total[i]! += partial[i]!;
    return summarize(total);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
