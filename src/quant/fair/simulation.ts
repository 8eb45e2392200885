import { FairParameterError } from './errors.ts';
import { simulateCompoundModel, simulateProductModel, type CompoundModelInput, type ProductModelInput } from './model.ts';
import { summarize, type LossSummary } from './outputs.ts';

/** The engine's version, stored with every result so a figure can be traced to the code that made it. */
export const ENGINE_VERSION = 'bulwark-fair 0.3';

/**
 * One analysis as a user writes it: a model with its inputs, and optionally the same model once a control is
 * in place (`after`) and that control's yearly cost, to say what the control is worth.
 */
export type SimulationSpec =
  | { model: 'product'; iterations: number; seed: number; inputs: ProductModelInput; after?: ProductModelInput; controlYearlyCost?: number }
  | {
      model: 'compound';
      iterations: number;
      seed: number;
      inputs: CompoundModelInput;
      after?: CompoundModelInput;
      controlYearlyCost?: number;
    };

export interface SimulationResult {
  engine: string;
  model: SimulationSpec['model'];
  iterations: number;
  seed: number;
  before: LossSummary;
  after?: LossSummary;
  /** What the control removes from the annualized loss (mean) and from the 1-in-20 year (p95). */
  reduction?: { mean: number; p95: number };
  /** Mean reduction divided by the control's yearly cost: above 1, it pays for itself. */
  returnOnControl?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** @throws FairParameterError naming the field (`inputs.primaryLoss.mode`, `iterations`, …) */
export function runSimulation(spec: unknown): SimulationResult {
  if (!isObject(spec)) throw new FairParameterError('(file)', 'must be an object with model, iterations, seed and inputs');
  if (spec.model !== 'product' && spec.model !== 'compound') throw new FairParameterError('model', 'must be "product" or "compound"');
  if (!isObject(spec.inputs)) throw new FairParameterError('inputs', 'must be an object');
  if (spec.after !== undefined && !isObject(spec.after)) throw new FairParameterError('after', 'must be an object');
  const cost = spec.controlYearlyCost;
  if (cost !== undefined && (typeof cost !== 'number' || !Number.isFinite(cost) || cost <= 0))
    throw new FairParameterError('controlYearlyCost', 'must be a positive number');
  const { iterations, seed } = spec as { iterations: number; seed: number };
  const run = (inputs: Record<string, unknown>, prefix: string): Float64Array => {
    try {
      return spec.model === 'product'
        ? simulateProductModel(inputs as unknown as ProductModelInput, { iterations, seed })
        : simulateCompoundModel(inputs as unknown as CompoundModelInput, { iterations, seed });
    } catch (error) {
      // The models name fields inside their input; say which input.
      if (error instanceof FairParameterError && !['iterations', 'seed'].includes(error.parameter))
        throw new FairParameterError(`${prefix}.${error.parameter}`, error.message.slice(error.parameter.length + 2));
      throw error;
    }
  };
  const before = summarize(run(spec.inputs, 'inputs'));
  const result: SimulationResult = { engine: ENGINE_VERSION, model: spec.model, iterations, seed, before };
  if (isObject(spec.after)) {
    // The same seed draws the same years, so the difference is the control's, not the dice's.
    const after = summarize(run(spec.after, 'after'));
    result.after = after;
    result.reduction = { mean: before.mean - after.mean, p95: before.p95 - after.p95 };
    if (cost !== undefined) result.returnOnControl = result.reduction.mean / cost;
  }
  return result;
}
