import { parentPort } from 'node:worker_threads';
import { loadScenarios, simulateRange, type Model } from './workloads.ts';

/** Worker side of the parallel W2 run: simulates a slice of the scenarios and sends back its partial sum. */
const scenarios = loadScenarios();
parentPort!.on('message', ({ model, from, to }: { model: Model; from: number; to: number }) => {
  const partial = simulateRange(scenarios, model, 'W2', from, to);
  parentPort!.postMessage(partial, [partial.buffer as ArrayBuffer]);
});
