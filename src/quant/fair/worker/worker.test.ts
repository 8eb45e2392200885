import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { analyzePortfolio, analyzeScenario, FairCancelledError, type ScenarioAnalysis } from '../analysis.ts';
import type { Distribution } from '../distributions.ts';
import { FairParameterError } from '../errors.ts';
import { runInWorker } from './index.ts';

const pert = (min: number, mode: number, max: number): Distribution => ({ kind: 'pert', min, mode, max });
const analysis: ScenarioAnalysis = {
  model: 'product',
  inputs: {
    threatEventFrequency: { driver: 'campaign' },
    vulnerability: pert(0.19, 0.38, 0.61),
    primaryLoss: { forms: { response: pert(10_000, 50_000, 400_000), productivity: pert(5_000, 20_000, 90_000) } },
    secondaryLossEventFrequency: pert(0.05, 0.2, 0.6),
    secondaryLossMagnitude: pert(236_000, 1_180_000, 23_600_000),
  },
  controls: [{ name: 'EDR', yearlyCost: 20_000, effects: [{ factor: 'vulnerability', reduction: pert(0.2, 0.4, 0.7) }] }],
};
const drivers = { campaign: pert(2, 10, 40) };

describe('runInWorker (tsx bootstrapped in a worker thread, also under vitest)', () => {
  it('gives the inline result bit for bit, with progress reaching 1', async () => {
    const options = { iterations: 30_000, seed: 17, drivers };
    const fractions: number[] = [];
    const result = await runInWorker({ kind: 'scenario', analysis, options }, { onProgress: (f) => fractions.push(f) });
    expect(result).toEqual(analyzeScenario(analysis, options));
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);

    const entries = [
      { id: 'a', analysis },
      { id: 'b', analysis: { ...analysis, controls: [] } },
    ];
    expect(await runInWorker({ kind: 'portfolio', entries, options }, {})).toEqual(analyzePortfolio(entries, options));
  });

  it('cancelling terminates the worker and rejects with FairCancelledError', async () => {
    const abort = new AbortController();
    let worker: Worker | undefined;
    let exited = false;
    const run = runInWorker(
      { kind: 'scenario', analysis, options: { iterations: 10_000_000, seed: 1, drivers } },
      {
        signal: abort.signal,
        onWorker: (w) => {
          worker = w;
          w.once('exit', () => (exited = true));
        },
        // Cancel once the run is under way (a progress report means the engine is running).
        onProgress: () => abort.abort(),
      },
    );
    await expect(run).rejects.toBeInstanceOf(FairCancelledError);
    expect(worker).toBeDefined();
    expect(exited).toBe(true);
    // An already-aborted signal never starts a worker.
    await expect(
      runInWorker({ kind: 'scenario', analysis, options: { iterations: 10, seed: 1, drivers } }, { signal: abort.signal }),
    ).rejects.toBeInstanceOf(FairCancelledError);
  });

  it('maps engine errors back to FairParameterError with the same parameter', async () => {
    const bad = { ...analysis, controls: [{ name: 'x', effects: [{ factor: 'vulnerability' as const, reduction: pert(0, 0.5, 2) }] }] };
    const error = await runInWorker({ kind: 'scenario', analysis: bad, options: { iterations: 10, seed: 1, drivers } }, {}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FairParameterError);
    expect((error as FairParameterError).parameter).toBe('controls.0.effects.0.reduction');
    const missing = await runInWorker({ kind: 'scenario', analysis, options: { iterations: 10, seed: 1 } }, {}).catch((e: unknown) => e);
    expect((missing as FairParameterError).parameter).toBe('inputs.threatEventFrequency.driver');
  });
});
