import type { Actor } from '../platform/context.ts';
import type { Distribution } from './fair/distributions.ts';
import type { PortfolioEntry, ScenarioAnalysis } from './fair/analysis.ts';
import type { CurvePointRow } from './fair.table.ts';

export const FAIR_JOB_KIND = 'fair.simulate';

/*
 * A 'fair.simulate' job carries everything the run needs, as it stood when it was asked for: a later edit of the
 * analysis or the settings does not change a queued run, and the stored run records exactly what ran.
 */
export interface ScenarioJobInput {
  kind: 'scenario';
  scenarioId: string;
  analysis: ScenarioAnalysis;
  drivers: Record<string, Distribution>;
  iterations: number;
  seed: number;
  sensitivity: boolean;
  actor: Actor;
}

export interface PortfolioJobInput {
  kind: 'portfolio';
  entries: PortfolioEntry[];
  /** Reference and title of each entry's scenario, by id, for the stored result. */
  names: Record<string, { refId: string; title: string }>;
  drivers: Record<string, Distribution>;
  appetite: CurvePointRow[];
  tolerance: CurvePointRow[];
  iterations: number;
  seed: number;
  actor: Actor;
}

export type FairJobInput = ScenarioJobInput | PortfolioJobInput;
