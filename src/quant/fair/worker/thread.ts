import { parentPort, workerData } from 'node:worker_threads';
import { analyzePortfolio, analyzeScenario, type PortfolioResult, type ScenarioResult } from '../analysis.ts';
import { FairCancelledError, FairParameterError, parameterDetail } from '../errors.ts';
import type { FairTask } from './index.ts';

/** Worker side of runInWorker: runs the task given as workerData, posts throttled progress, then the result or the error. */

export type ThreadMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: ScenarioResult | PortfolioResult }
  | { type: 'error'; message: string; parameter?: string; cancelled?: boolean };

/** At most this often a progress message (plus the last one). */
const PROGRESS_INTERVAL_MS = 100;

const port = parentPort!;
const task = workerData as FairTask;
let last = -Infinity;
let lastFraction = -1;
const onProgress = (done: number, total: number): void => {
  const now = performance.now();
  const fraction = total > 0 ? done / total : 1;
  if ((done < total && now - last < PROGRESS_INTERVAL_MS) || fraction === lastFraction) return;
  last = now;
  lastFraction = fraction;
  port.postMessage({ type: 'progress', fraction } satisfies ThreadMessage);
};

try {
  const result =
    task.kind === 'scenario'
      ? analyzeScenario(task.analysis, { ...task.options, onProgress })
      : analyzePortfolio(task.entries, { ...task.options, onProgress });
  port.postMessage({ type: 'result', result } satisfies ThreadMessage);
} catch (error) {
  const message: ThreadMessage =
    error instanceof FairParameterError
      ? { type: 'error', message: parameterDetail(error), parameter: error.parameter }
      : { type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: error instanceof FairCancelledError };
  port.postMessage(message);
}
