import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { estimateRun, type ScenarioAnalysis } from './fair/analysis.ts';

/** What an instance lets one FAIR run use (config BULWARK_FAIR_MAX_MEMORY_MB, BULWARK_FAIR_MAX_SECONDS). */
export interface FairBudget {
  maxMemoryMb: number;
  maxSeconds: number;
}

/** The instance's budget, from its configuration. */
export const budgetOf = (config: Config): FairBudget => ({ maxMemoryMb: config.fairMaxMemoryMb, maxSeconds: config.fairMaxSeconds });

const MB = 1024 * 1024;

/**
 * Refuses, before anything is stored or queued, a run whose up-front estimate exceeds the budget: a run that
 * would exhaust the process's memory or hold a worker for an hour is better refused than started.
 * @throws AppError FAIR_BUDGET_EXCEEDED with the estimate and the limit
 */
export function assertWithinBudget(
  budget: FairBudget,
  scenarios: number,
  iterations: number,
  /** `analyses`: the estimate then costs each scenario's own inputs (a compound model's events a year, its forms). */
  options: { sensitivity?: boolean; controls?: number; analyses?: ScenarioAnalysis[] },
  path: string,
): void {
  const estimate = estimateRun(scenarios, iterations, options);
  const memoryMb = estimate.bytes / MB;
  const over: string[] = [];
  if (memoryMb > budget.maxMemoryMb) over.push(`about ${Math.ceil(memoryMb)} MiB of memory where the limit is ${budget.maxMemoryMb} MiB`);
  if (estimate.seconds > budget.maxSeconds) over.push(`about ${Math.ceil(estimate.seconds)} s where the limit is ${budget.maxSeconds} s`);
  if (over.length === 0) return;
  throw new AppError(
    'FAIR_BUDGET_EXCEEDED',
    `This run (${scenarios} scenario${scenarios === 1 ? '' : 's'}, ${iterations.toLocaleString('en')} iterations${options.controls ? `, ${options.controls} control${options.controls === 1 ? '' : 's'}` : ''}) would need ${over.join(' and ')}; lower the iterations or the controls`,
    {
      errors: [{ path, message: 'too many iterations for the instance’s FAIR budget' }],
      extra: {
        estimate: { memoryMb: Math.ceil(memoryMb), seconds: Math.ceil(estimate.seconds) },
        limit: { memoryMb: budget.maxMemoryMb, seconds: budget.maxSeconds },
      },
    },
  );
}
