import { parentPort } from 'node:worker_threads';
import { iterationsOf, loadScenarios, simulateRange, type Model } from './workloads.ts';

/**
 * Worker side of the parallel W2 run. `range` adds scenarios [from, to) into this worker's partial portfolio
 * and answers 'done' (the main thread then hands out the next range); `flush` sends the partial back and
 * starts a new one.
 */
type Message = { type: 'range'; model: Model; from: number; to: number } | { type: 'flush' };

const scenarios = loadScenarios();
let partial = new Float64Array(iterationsOf('W2'));
parentPort!.on('message', (message: Message) => {
  if (message.type === 'range') {
    simulateRange(scenarios, message.model, 'W2', message.from, message.to, partial);
    parentPort!.postMessage('done');
  } else {
    parentPort!.postMessage(partial, [partial.buffer as ArrayBuffer]);
    partial = new Float64Array(iterationsOf('W2'));
  }
});
