import { readFileSync } from 'node:fs';
import type { Distribution } from '../../src/quant/fair/distributions.ts';
import {
  simulateCompoundModel,
  simulateProductModel,
  type CompoundModelInput,
  type ProductModelInput,
} from '../../src/quant/fair/model.ts';
import { summarize, type LossSummary } from '../../src/quant/fair/outputs.ts';

/** The reference scenarios, read at run time from the shared folder (never copied into the repo). */
export const REFERENCE_DIR = process.env.BULWARK_FAIR_REFERENCE ?? '/work/shared/reference/fair';
export const SEED = 42;

/** pert-table: the product model with PERT drawn from inverse-CDF tables (`pertSampling: 'table'`). */
export type Model = 'pert' | 'pert-table' | 'compound';
export type Workload = 'W1' | 'W2';

interface ReferenceFile {
  scenarios: { fair: [number, number, number][]; compound: [number, number, number] }[];
  w1_compound: [number, number, number];
}

export interface Scenarios {
  product: ProductModelInput[];
  compound: CompoundModelInput[];
  /** W1's compound scenario (the reference uses its own, `w1_compound`). */
  w1Compound: CompoundModelInput;
}

const pert = ([min, mode, max]: [number, number, number]): Distribution => ({ kind: 'pert', min, mode, max });
const compound = ([f, lo, hi]: [number, number, number]): CompoundModelInput => ({
  lossEventFrequency: f,
  magnitude: { kind: 'lognormal', lo, hi },
});

export function loadScenarios(): Scenarios {
  const file = JSON.parse(readFileSync(`${REFERENCE_DIR}/scenarios.json`, 'utf8')) as ReferenceFile;
  return {
    product: file.scenarios.map(({ fair }) => ({
      threatEventFrequency: pert(fair[0]!),
      vulnerability: pert(fair[1]!),
      primaryLoss: pert(fair[2]!),
      secondaryLossEventFrequency: pert(fair[3]!),
      secondaryLossMagnitude: pert(fair[4]!),
    })),
    compound: file.scenarios.map((s) => compound(s.compound)),
    w1Compound: compound(file.w1_compound),
  };
}

const pertSamplingOf = (model: Model): 'exact' | 'table' => (model === 'pert-table' ? 'table' : 'exact');

export const iterationsOf = (workload: Workload): number => (workload === 'W1' ? 1_000_000 : 10_000);

/**
 * Portfolio loss of scenarios [from, to): each scenario on its own stream (its index), summed per iteration
 * into `into` (W2) when given.
 */
export function simulateRange(
  scenarios: Scenarios,
  model: Model,
  workload: Workload,
  from: number,
  to: number,
  into?: Float64Array,
): Float64Array {
  const iterations = iterationsOf(workload);
  if (workload === 'W1') {
    return model === 'compound'
      ? simulateCompoundModel(scenarios.w1Compound, { iterations, seed: SEED })
      : simulateProductModel(scenarios.product[0]!, { iterations, seed: SEED, pertSampling: pertSamplingOf(model) });
  }
  const total = into ?? new Float64Array(iterations);
  for (let s = from; s < to; s++) {
    const options = { iterations, seed: SEED, stream: s, addTo: total };
    if (model === 'compound') simulateCompoundModel(scenarios.compound[s]!, options);
    else simulateProductModel(scenarios.product[s]!, { ...options, pertSampling: pertSamplingOf(model) });
  }
  return total;
}

/** One full run as the reference kernels time it: simulate, then the summary (mean, percentiles, LEC). */
export function runOnce(scenarios: Scenarios, model: Model, workload: Workload): LossSummary {
  const count = workload === 'W1' ? 1 : scenarios.product.length;
  return summarize(simulateRange(scenarios, model, workload, 0, count));
}
