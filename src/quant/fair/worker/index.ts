import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions, PortfolioEntry, PortfolioResult, ScenarioAnalysis, ScenarioResult } from '../analysis.ts';
import { FairCancelledError, FairParameterError } from '../errors.ts';
import type { ThreadMessage } from './thread.ts';

export type FairTask =
  | { kind: 'scenario'; analysis: ScenarioAnalysis; options: Omit<AnalysisOptions, 'onProgress' | 'isCancelled'> }
  | { kind: 'portfolio'; entries: PortfolioEntry[]; options: Omit<AnalysisOptions, 'onProgress' | 'isCancelled'> };

export interface WorkerHooks {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Called with the worker once it is started (tests use it to see the thread exit). */
  onWorker?: (worker: Worker) => void;
}

/**
 * tsx's ESM API, as a file URL. On Node 20 a worker does not inherit the parent's loader hooks (tsx's or
 * vitest's), so the worker registers tsx itself before importing the .ts entry (as bench/fair/parallel.ts).
 * `import.meta.resolve` is missing under some runners (vitest's module runner), hence the fallback.
 */
function tsxApiUrl(): string {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  } catch {
    // fall through
  }
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(packageJson), 'dist/esm/api/index.mjs')).href;
}

/**
 * Runs a task in a worker thread (bootstrapping tsx in the worker like bench/fair/parallel.ts does), reporting
 * progress (0..1, at most about ten times a second, and 1 at the end) and terminating the worker when `signal`
 * aborts (rejects with FairCancelledError once the thread is gone). Errors from the engine come back as
 * FairParameterError with the same .parameter. The result is the inline run's, bit for bit (same code, same
 * streams; structured clone keeps every double).
 */
export function runInWorker(task: FairTask, hooks: WorkerHooks = {}): Promise<ScenarioResult | PortfolioResult> {
  const { signal, onProgress } = hooks;
  if (signal?.aborted) return Promise.reject(new FairCancelledError());
  const entry = new URL('./thread.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: task });
    hooks.onWorker?.(worker);
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      action();
    };
    const onAbort = (): void => {
      if (settled) return;
      // Settle only once the thread has stopped, so the caller can rely on nothing running any more.
      void worker.terminate().finally(() => settle(() => reject(new FairCancelledError())));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') {
        if (!settled && !signal?.aborted) onProgress?.(message.fraction);
      } else if (message.type === 'result') {
        settle(() => resolve(message.result));
        void worker.terminate();
      } else {
        const error =
          message.parameter !== undefined
            ? new FairParameterError(message.parameter, message.message)
            : message.cancelled
              ? new FairCancelledError(message.message)
              : new Error(message.message);
        settle(() => reject(error));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      if (signal?.aborted) return; // onAbort settles
      settle(() => reject(new Error(`the FAIR worker stopped (exit code ${code}) before sending a result`)));
    });
  });
}
