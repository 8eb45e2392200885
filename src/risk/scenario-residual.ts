import { rate, type RiskRating, type TCriteriaDefinition } from './criteria.definition.ts';
import type { ScenarioStatus } from './scenarios.vocabulary.ts';

/*
 * Residual risk and where a scenario stands, from its ratings, its treatment plan and its acceptance. Pure:
 * the callers load the plan's controls and the acceptance in force.
 */

/** What the treatment plan's progress needs of a planned control. */
export interface PlannedControlState {
  status: string;
  /** 0–100 %, null when not assessed (then it weighs as a fully effective control). */
  effectiveness: number | null;
}

export interface TreatmentProgress {
  planned: number;
  inPlace: number;
  /** Share of the plan in place, weighted by effectiveness, 0–1; null when the plan has no controls. */
  fraction: number | null;
  /** The fraction in whole percent (0 when there is no plan). */
  percent: number;
}

export const isInPlace = (status: string): boolean => status === 'implemented' || status === 'verified';

/**
 * How far the plan is: the in-place controls' share of the plan, each control weighing its effectiveness
 * (a control that removes 80 % of the risk counts four times one that removes 20 %; unknown counts as
 * 100 %). A plan whose controls all weigh nothing is counted by number instead.
 */
export function treatmentProgress(controls: readonly PlannedControlState[]): TreatmentProgress {
  const planned = controls.length;
  const inPlace = controls.filter((control) => isInPlace(control.status)).length;
  if (planned === 0) return { planned, inPlace, fraction: null, percent: 0 };
  const weight = (control: PlannedControlState): number => (control.effectiveness === null ? 1 : control.effectiveness / 100);
  const total = controls.reduce((sum, control) => sum + weight(control), 0);
  const done = controls.reduce((sum, control) => sum + (isInPlace(control.status) ? weight(control) : 0), 0);
  const fraction = total > 0 ? done / total : inPlace / planned;
  return { planned, inPlace, fraction, percent: Math.round(fraction * 100) };
}

/**
 * The residual rating: the current rating moved towards the target as the plan is put in place, on each
 * scale separately (round(current − fraction × (current − target)), halves rounded up), the level from
 * the matrix. Without a target or a plan nothing moves it: residual = current. Not assessed: null.
 */
export function residualRating(
  definition: TCriteriaDefinition,
  current: RiskRating | null,
  target: RiskRating | null,
  fraction: number | null,
): RiskRating | null {
  if (current === null) return null;
  if (target === null || fraction === null) return rate(definition, current.likelihood, current.consequence);
  const move = (from: number, to: number): number => Math.round(from - fraction * (from - to));
  return rate(definition, move(current.likelihood, target.likelihood), move(current.consequence, target.consequence));
}

export interface StatusInput {
  /** The scenario was closed (no longer relevant); only reopening it changes that. */
  closed: boolean;
  /** It has a current rating. */
  assessed: boolean;
  /** A treatment option is chosen; with `progress` the plan's state. */
  treated: boolean;
  progress: TreatmentProgress;
  /** An acceptance is in force and has not expired. */
  accepted: boolean;
}

/**
 * Where a scenario stands: closed stays closed; an acceptance in force makes it accepted; a plan with
 * controls is in treatment until every one is in place, then treated; otherwise assessed once rated,
 * identified before. A treatment without controls (retain, say) leaves it assessed, awaiting acceptance.
 */
export function deriveStatus(input: StatusInput): ScenarioStatus {
  if (input.closed) return 'closed';
  if (input.accepted) return 'accepted';
  if (!input.assessed) return 'identified';
  // Treated means every planned control is in place (a 0 %-effective one still counts as a task to do).
  if (input.treated && input.progress.planned > 0) return input.progress.inPlace === input.progress.planned ? 'treated' : 'in-treatment';
  return 'assessed';
}
