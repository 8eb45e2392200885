import { Worker } from 'node:worker_threads';
import { summarize, type LossSummary } from '../../src/quant/fair/outputs.ts';
import type { Model } from './workloads.ts';

/** Scenarios handed to a worker at a time: small enough to even out a core that another process slows down. */
const RANGE = 25;

/**
 * W2 split across worker threads by scenario. Ranges of RANGE scenarios go to whichever worker is free (a
 * shared machine rarely gives two cores the same speed, so halves would wait on the slower one); each worker
 * sums its ranges per iteration and the main thread adds the workers' partials. Results equal the
 * single-threaded run up to floating-point summation order, because every scenario draws from its own stream
 * whichever thread runs it.
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
    let next = 0;
    const drain = (worker: Worker): Promise<Float64Array> =>
      new Promise((resolve, reject) => {
        const onMessage = (message: 'done' | Float64Array): void => {
          if (message instanceof Float64Array) {
            worker.off('message', onMessage).off('error', reject);
            resolve(message);
          } else if (next < scenarioCount) {
            const from = next;
            next = Math.min(next + RANGE, scenarioCount);
            worker.postMessage({ type: 'range', model, from, to: next });
          } else worker.postMessage({ type: 'flush' });
        };
        worker.on('message', onMessage).once('error', reject);
        onMessage('done');
      });
    const partials = await Promise.all(this.workers.map(drain));
    const total = partials[0]!;
    for (const partial of partials.slice(1)) for (let i = 0; i < total.length; i++) total[i]! += partial[i]!;
    return summarize(total);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
