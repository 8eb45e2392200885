import type { ScenarioAnalysis } from './analysis.ts';
import { compile, MAGNITUDE_SAMPLE } from './engine.ts';
import type { Distribution } from './distributions.ts';
import { driverKeysOf, MAX_EFFECTS } from './parse-analysis.ts';
import { tracedIterations } from './scenario.ts';

/**
 * Up-front cost of a run, deliberately pessimistic: it decides whether a run is refused before it starts, and
 * refusing a run that would have fit is cheaper than a worker that exhausts memory or holds a core for an hour.
 *
 * Time constants (ns) come from analyzeScenario on this project's 2-core machine, measured with the machine
 * shared (load ≈ 3), then rounded up (Node 20, 2026-11-28):
 *   per leaf draw (exact PERT, the dearest sampler)      measured ≈ 160  → LEAF_NS 250
 *   per iteration besides draws (summaries, sorts)       measured ≈ 550  → ITERATION_NS 800
 *   per control effect per iteration (a reduction draw)  measured ≈ 130  → EFFECT_NS 250
 *   per control per iteration (its loss, its summary)    measured ≈ 300  → CONTROL_NS 600
 *   per traced leaf per tornado iteration (trace, sort)  measured ≈ 700  → TRACE_NS 1000
 *   per compound loss event (besides its forms' draws)   measured ≈ 150  → EVENT_NS 300
 * and the total is multiplied by MARGIN, plus a second for starting a worker thread. Measured: the W1 product
 * scenario 1.36 µs an iteration (estimate without `analyses`: 7.6 µs), the dearest product analysis (17 PERT
 * leaves) 3.0 µs.
 * Without `analyses`, each scenario is costed as the dearest product analysis: 17 leaves (TEF and vulnerability
 * derived, both losses split into six forms), every control with 10 effects. A compound scenario's cost grows
 * with its loss events a year, so pass `analyses` for compound scenarios with many events (λ ≫ 1).
 *
 * Memory: the run's Float64Arrays (scenario: annual loss, LEF, loss magnitude, and one per control plus all
 * controls; portfolio: the total and a scratch array), the tornado's trace, chunk scratch, plus a fixed 64 MiB
 * for the worker thread's own heap and code, times 1.25.
 */
const LEAF_NS = 250;
const ITERATION_NS = 800;
const EFFECT_NS = 250;
const CONTROL_NS = 600;
const TRACE_NS = 1000;
const EVENT_NS = 300;
const MARGIN = 1.5;
const FIXED_SECONDS = 1;
const WORST_LEAVES = 17;
const FIXED_BYTES = 64 * 1024 * 1024;
const MEMORY_MARGIN = 1.25;
const CHUNK_SCRATCH_BYTES = 16_384 * 8 * (8 + 5 * 21);

interface Shape {
  leaves: number;
  /** Loss events a year (compound), each drawing `forms` leaves. */
  events: number;
  forms: number;
  controls: number;
  effects: number;
}

function shapeOf(analysis: ScenarioAnalysis): Shape {
  // The shape only needs the leaf count: any stand-in for the drivers will do (a draw is costed as a PERT's).
  const drivers = Object.fromEntries(driverKeysOf(analysis).map((key): [string, Distribution] => [key, { kind: 'constant', value: 0 }]));
  const plan = compile(analysis, drivers);
  const controls = analysis.controls ?? [];
  const effects = controls.reduce((sum, c) => sum + c.effects.length, 0);
  if (plan.model === 'compound')
    return { leaves: 1, events: plan.lambda, forms: plan.magnitude.length, controls: controls.length, effects };
  return { leaves: plan.leaves.length, events: 0, forms: 0, controls: controls.length, effects };
}

/** ns for one iteration of one scenario, with or without its controls. */
function iterationNs(s: Shape, withControls: boolean): number {
  let ns = ITERATION_NS + s.leaves * LEAF_NS + s.events * (EVENT_NS + s.forms * LEAF_NS);
  if (withControls)
    ns += s.controls * CONTROL_NS + (s.events > 0 ? s.events : 1) * s.effects * EFFECT_NS + (s.controls > 0 ? CONTROL_NS : 0);
  return ns;
}

/**
 * Up-front cost estimate of a run, to refuse what exceeds the configured budget before starting.
 * `scenarios` = 1: a scenario run (with `controls` and `sensitivity`, default true); more: a portfolio (before
 * controls, no tornado). `analyses` (optional): the analyses themselves, for a closer (still pessimistic) figure.
 */
export function estimateRun(
  scenarios: number,
  iterations: number,
  options: { sensitivity?: boolean; controls?: number; analyses?: ScenarioAnalysis[] } = {},
): { bytes: number; seconds: number } {
  const portfolio = scenarios > 1;
  const controls = portfolio ? 0 : (options.controls ?? 0);
  const worst: Shape = { leaves: WORST_LEAVES, events: 0, forms: 0, controls, effects: controls * MAX_EFFECTS };
  const shapes = options.analyses?.length ? options.analyses.map(shapeOf) : Array.from({ length: scenarios }, () => worst);
  let ns = 0;
  for (const s of shapes) ns += iterations * iterationNs(s, !portfolio);
  const sensitivity = !portfolio && (options.sensitivity ?? true);
  const traced = tracedIterations(iterations, sensitivity);
  const maxLeaves = Math.max(...shapes.map((s) => s.leaves + s.forms));
  for (const s of shapes) if (traced > 0) ns += traced * (iterationNs(s, false) + (s.leaves + s.forms) * TRACE_NS);

  const maxControls = portfolio ? 0 : Math.max(controls, ...shapes.map((s) => s.controls));
  // Portfolio: total, scratch, LEF, no-event chance. Scenario: annual, LEF, no-event chance, magnitudes (+ one per control and all).
  const arrays = portfolio ? 4 : 4 + (maxControls > 0 ? maxControls + 1 : 0);
  const compound = shapes.some((s) => s.events > 0) ? MAGNITUDE_SAMPLE * 8 * 1.5 : 0;
  const trace = traced * (maxLeaves + 2) * 8;
  const bytes = FIXED_BYTES + MEMORY_MARGIN * (iterations * arrays * 8 + trace + compound + CHUNK_SCRATCH_BYTES);
  return { bytes: Math.ceil(bytes), seconds: FIXED_SECONDS + (MARGIN * ns) / 1e9 };
}
