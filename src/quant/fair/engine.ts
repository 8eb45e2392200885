import type { FairControl, LossInput, ScenarioAnalysis } from './analysis.ts';
import { COMPOUND_FACTORS, LOSS_FORMS, PRODUCT_FACTORS } from './factors.ts';
import { validateNonNegative, type Distribution } from './distributions.ts';
import { FairParameterError } from './errors.ts';
import { normal } from './normal.ts';
import { poisson, poissonPlan } from './poisson.ts';
import type { Progress } from './progress.ts';
import type { Random } from './random.ts';
import { fillValidated, lognormalParameters, type PertSampling } from './samplers.ts';

/**
 * The simulation behind analysis.ts: one scenario, with loss forms, a shared driver, controls and an optional
 * trace of every leaf input's draws (for the tornado). Draws come from the main stream in the same order and
 * chunks as model.ts, so an analysis without forms or drivers gives exactly simulateProductModel's /
 * simulateCompoundModel's annual losses for the same seed and stream (model.test.ts's checks carry over).
 * Control reductions come from streams of their own: the baseline draws never depend on the controls, so
 * "before" and "after" see the same years and their difference is the control's, not the dice's.
 */

/** As model.ts: the same chunking keeps the stream order (and the results) identical to it. */
export const CHUNK = 16_384;
/** The compound model keeps the first this-many event magnitudes for the median and p90 per event. */
export const MAGNITUDE_SAMPLE = 1_000_000;

/** A leaf input: drawn once per iteration (per loss event in the compound model), named as in the tornado. */
export interface Leaf {
  name: string;
  dist: Distribution;
  index: number;
}

export type ProductPlan = {
  model: 'product';
  /** `driver`: drawn from the driver's stream when the run has one (a portfolio), else from the main stream. */
  tef: { leaf: Leaf; driver: string | null } | { cf: Leaf; poa: Leaf };
  v: { leaf: Leaf } | { tc: Leaf; rs: Leaf };
  pl: Leaf[];
  slef: Leaf;
  slm: Leaf[];
  leaves: Leaf[];
  /** How the inputs' PERT leaves are drawn (control reductions are always drawn exactly). */
  pertSampling: PertSampling;
};
/** Compound: leaf 0 is the yearly count of loss events (traced), then the magnitude's leaves (per event). */
export type CompoundPlan = { model: 'compound'; lambda: number; magnitude: Leaf[]; leaves: Leaf[]; pertSampling: PertSampling };
export type Plan = ProductPlan | CompoundPlan;

/** A control's effects by factor index (PRODUCT_FACTORS or COMPOUND_FACTORS). */
export interface CompiledControl {
  effects: { factor: number; dist: Distribution }[];
}

/** Where a run writes. `annual` is added to (a portfolio total); the others are written. */
export interface Sink {
  annual: Float64Array;
  /** Per iteration: TEF × V (product) or the number of loss events (compound). */
  lef?: Float64Array;
  /** Loss magnitude per event: product, LM of each iteration with LEF > 0; compound, the first events' magnitudes. */
  magnitudes?: Collected;
  /** Annual loss with each control alone, then with all of them (controls.length + 1 arrays). */
  controls?: Float64Array[];
  /** Per leaf (plan.leaves order), per iteration: its draw (compound magnitude: the mean over that year's events, NaN without one). */
  trace?: Float64Array[];
}

export interface Streams {
  main: Random;
  /** The shared driver's stream (portfolio); absent: the driver is drawn from `main`, as any TEF. */
  driver?: Random;
  /** One per control. */
  reductions?: Random[];
}

/**
 * Multiplies `noEvent[i]` by the chance that iteration i's scenario had no loss event: e^−LEF for the product
 * model (LEF read as a Poisson rate), 0 or 1 for the compound model (its Poisson count). A portfolio multiplies
 * its scenarios' factors (independent given the iteration's draws); 1 − mean(noEvent) is P(at least one event).
 */
export function accumulateNoEvent(model: Plan['model'], lef: Float64Array, noEvent: Float64Array): void {
  if (model === 'product') for (let i = 0; i < lef.length; i++) noEvent[i]! *= Math.exp(-lef[i]!);
  else for (let i = 0; i < lef.length; i++) if (lef[i]! > 0) noEvent[i] = 0;
}

export function probabilityOfAnyEvent(noEvent: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < noEvent.length; i++) sum += noEvent[i]!;
  return 1 - sum / noEvent.length;
}

/** A growing sample, up to `max` values. */
export class Collected {
  values: Float64Array;
  count = 0;
  constructor(
    private readonly max: number,
    initial = 4096,
  ) {
    this.values = new Float64Array(Math.max(1, Math.min(max, initial)));
  }
  push(x: number): void {
    if (this.count === this.values.length) {
      if (this.count >= this.max) return;
      const grown = new Float64Array(Math.min(this.max, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = x;
  }
}

/** The run's driver distribution for `key`. @throws FairParameterError at `path` when missing */
export function driverDistribution(drivers: Record<string, Distribution> | undefined, key: string, path: string): Distribution {
  if (!drivers || !Object.hasOwn(drivers, key))
    throw new FairParameterError(path, `no distribution was given for the shared driver ${JSON.stringify(key)}`);
  const dist = drivers[key]!;
  validateNonNegative(dist, `drivers.${key}`);
  return dist;
}

/** The leaves of an analysis in draw order, with the driver's distribution looked up. */
export function compile(analysis: ScenarioAnalysis, drivers: Record<string, Distribution> | undefined, pathPrefix = ''): Plan {
  const leaves: Leaf[] = [];
  const leaf = (name: string, dist: Distribution): Leaf => {
    const l = { name, dist, index: leaves.length };
    leaves.push(l);
    return l;
  };
  const loss = (input: LossInput, name: string): Leaf[] =>
    'kind' in input
      ? [leaf(name, input)]
      : LOSS_FORMS.filter((f) => input.forms[f]).map((f) => leaf(`${name}.forms.${f}`, input.forms[f]!));
  if (analysis.model === 'compound') {
    leaf('lossEventFrequency', { kind: 'poisson', lambda: analysis.inputs.lossEventFrequency });
    return {
      model: 'compound',
      lambda: analysis.inputs.lossEventFrequency,
      magnitude: loss(analysis.inputs.magnitude, 'magnitude'),
      leaves,
      pertSampling: analysis.pertSampling ?? 'exact',
    };
  }
  const inputs = analysis.inputs;
  const t = inputs.threatEventFrequency;
  const tef: ProductPlan['tef'] =
    'driver' in t
      ? {
          leaf: leaf('threatEventFrequency', driverDistribution(drivers, t.driver, `${pathPrefix}inputs.threatEventFrequency.driver`)),
          driver: t.driver,
        }
      : 'kind' in t
        ? { leaf: leaf('threatEventFrequency', t), driver: null }
        : {
            cf: leaf('threatEventFrequency.contactFrequency', t.contactFrequency),
            poa: leaf('threatEventFrequency.probabilityOfAction', t.probabilityOfAction),
          };
  const vi = inputs.vulnerability;
  const v: ProductPlan['v'] =
    'kind' in vi
      ? { leaf: leaf('vulnerability', vi) }
      : {
          tc: leaf('vulnerability.threatCapability', vi.threatCapability),
          rs: leaf('vulnerability.resistanceStrength', vi.resistanceStrength),
        };
  const pl = loss(inputs.primaryLoss, 'primaryLoss');
  const slef = leaf('secondaryLossEventFrequency', inputs.secondaryLossEventFrequency);
  const slm = loss(inputs.secondaryLossMagnitude, 'secondaryLossMagnitude');
  return { model: 'product', tef, v, pl, slef, slm, leaves, pertSampling: analysis.pertSampling ?? 'exact' };
}

export function compileControls(model: 'product' | 'compound', controls: readonly FairControl[] | undefined): CompiledControl[] {
  const factors: readonly string[] = model === 'product' ? PRODUCT_FACTORS : COMPOUND_FACTORS;
  return (controls ?? []).map((c) => ({ effects: c.effects.map((e) => ({ factor: factors.indexOf(e.factor), dist: e.reduction })) }));
}

export function run(plan: Plan, controls: CompiledControl[], iterations: number, streams: Streams, sink: Sink, progress: Progress): void {
  if (plan.model === 'product') runProduct(plan, controls, iterations, streams, sink, progress);
  else runCompound(plan, controls, iterations, streams, sink, progress);
}

function runProduct(plan: ProductPlan, controls: CompiledControl[], n: number, streams: Streams, sink: Sink, progress: Progress): void {
  const size = Math.min(CHUNK, n);
  const [tef, v, pl, slef, slm, scratch] = Array.from({ length: 6 }, () => new Float64Array(size)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const main = streams.main;
  const trace = sink.trace;
  let start = 0;
  let count = 0;
  const draw = (leaf: Leaf, rng: Random, out: Float64Array): void => {
    fillValidated(leaf.dist, rng, out, count, plan.pertSampling);
    if (trace) trace[leaf.index]!.set(out.subarray(0, count), start);
  };
  /** A loss given by forms is their sum, drawn form by form in canonical order. */
  const drawSum = (leaves: Leaf[], out: Float64Array): void => {
    draw(leaves[0]!, main, out);
    for (let l = 1; l < leaves.length; l++) {
      draw(leaves[l]!, main, scratch);
      for (let i = 0; i < count; i++) out[i]! += scratch[i]!;
    }
  };
  const annual = sink.annual;
  const lefOut = sink.lef;
  const magnitudes = sink.magnitudes;
  const withControls = controls.length > 0 ? productControls(controls, size, streams.reductions!, [tef, v, pl, slef, slm], scratch) : null;
  for (start = 0; start < n; start += size) {
    count = Math.min(size, n - start);
    // Draw order as model.ts: TEF, V, PL, SLEF, SLM, each a whole chunk.
    const t = plan.tef;
    if ('leaf' in t) draw(t.leaf, t.driver !== null && streams.driver ? streams.driver : main, tef);
    else {
      draw(t.cf, main, tef);
      draw(t.poa, main, scratch);
      for (let i = 0; i < count; i++) tef[i]! *= scratch[i]!;
    }
    const vp = plan.v;
    if ('leaf' in vp) draw(vp.leaf, main, v);
    else {
      // V is 1 in the iterations where the threat's capability beats the resistance, else 0 (as model.ts).
      draw(vp.tc, main, v);
      draw(vp.rs, main, scratch);
      for (let i = 0; i < count; i++) v[i] = v[i]! > scratch[i]! ? 1 : 0;
    }
    drawSum(plan.pl, pl);
    draw(plan.slef, main, slef);
    drawSum(plan.slm, slm);
    if (lefOut) {
      for (let i = 0; i < count; i++) {
        const lef = tef[i]! * v[i]!;
        const lm = pl[i]! + slef[i]! * slm[i]!;
        annual[start + i]! += lef * lm;
        lefOut[start + i] = lef;
        if (lef > 0 && magnitudes) magnitudes.push(lm);
      }
    } else {
      for (let i = 0; i < count; i++) annual[start + i]! += tef[i]! * v[i]! * (pl[i]! + slef[i]! * slm[i]!);
    }
    withControls?.(start, count, sink.controls!);
    progress.step(count);
  }
}

/**
 * Per chunk: each control's multiplier per factor, ∏(1 − reduction) over its effects on that factor, and the
 * product of all controls' multipliers; then the annual loss with those factors scaled.
 */
function productControls(
  controls: CompiledControl[],
  size: number,
  reductions: Random[],
  factors: Float64Array[],
  scratch: Float64Array,
): (start: number, count: number, out: Float64Array[]) => void {
  const ones = new Float64Array(size).fill(1);
  const multipliers = controls.map((c) =>
    PRODUCT_FACTORS.map((_, f) => (c.effects.some((e) => e.factor === f) ? new Float64Array(size) : null)),
  );
  const all = PRODUCT_FACTORS.map((_, f) => (multipliers.some((m) => m[f]) ? new Float64Array(size) : null));
  const [tef, v, pl, slef, slm] = factors as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const lossWith = (m: (Float64Array | null)[], out: Float64Array, start: number, count: number): void => {
    const [mt, mv, mpl, mslef, mslm] = m.map((x) => x ?? ones) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < count; i++) {
      out[start + i] = tef[i]! * mt[i]! * (v[i]! * mv[i]!) * (pl[i]! * mpl[i]! + slef[i]! * mslef[i]! * (slm[i]! * mslm[i]!));
    }
  };
  return (start, count, out) => {
    controls.forEach((control, c) => {
      const m = multipliers[c]!;
      for (const x of m) x?.fill(1, 0, count);
      for (const effect of control.effects) {
        fillValidated(effect.dist, reductions[c]!, scratch, count);
        const target = m[effect.factor]!;
        for (let i = 0; i < count; i++) target[i]! *= 1 - scratch[i]!;
      }
    });
    all.forEach((target, f) => {
      if (!target) return;
      target.fill(1, 0, count);
      for (const m of multipliers) {
        const source = m[f];
        if (source) for (let i = 0; i < count; i++) target[i]! *= source[i]!;
      }
    });
    multipliers.forEach((m, c) => lossWith(m, out[c]!, start, count));
    lossWith(all, out[controls.length]!, start, count);
  };
}

const LEF = COMPOUND_FACTORS.indexOf('lossEventFrequency');
const MAGNITUDE = COMPOUND_FACTORS.indexOf('magnitude');

/**
 * Compound model: per year N ~ Poisson(λ) loss events, each of magnitude the sum of the magnitude's forms. A
 * control's lossEventFrequency reduction r is drawn once per year and scales that year's λ by (1 − r): each of
 * the year's events survives the control with that probability (thinning a Poisson process gives exactly
 * Poisson(λ(1 − r)) given r, and the surviving events are the baseline's own). A magnitude reduction is drawn
 * per event and scales that event's magnitude.
 */
function runCompound(plan: CompoundPlan, controls: CompiledControl[], n: number, streams: Streams, sink: Sink, progress: Progress): void {
  const main = streams.main;
  const poissonP = poissonPlan(plan.lambda);
  const leaves = plan.magnitude;
  const forms = leaves.length;
  // One lognormal magnitude is drawn inline, anything else from CHUNK-sized batches (both as model.ts).
  const inline = forms === 1 && leaves[0]!.dist.kind === 'lognormal' ? lognormalParameters(leaves[0]!.dist.lo, leaves[0]!.dist.hi) : null;
  const mu = inline?.mu ?? 0;
  const sigma = inline?.sigma ?? 0;
  const batches = leaves.map(() => new Float64Array(inline ? 0 : CHUNK));
  const used = new Int32Array(forms).fill(CHUNK);
  const annual = sink.annual;
  const lefOut = sink.lef;
  const magnitudes = sink.magnitudes;
  const trace = sink.trace;
  const formSums = new Float64Array(forms);
  const C = controls.length;
  // Per control, its frequency effects' reductions for the chunk's years (drawn at the chunk's start).
  const lefEffects = controls.map((c) =>
    c.effects.filter((e) => e.factor === LEF).map((e) => ({ dist: e.dist, batch: new Float64Array(CHUNK) })),
  );
  const keep = new Float64Array(C);
  const magEffects = controls.map((c) =>
    c.effects.filter((e) => e.factor === MAGNITUDE).map((e) => ({ dist: e.dist, batch: new Float64Array(CHUNK), used: CHUNK })),
  );
  const reductions = streams.reductions ?? [];
  const withControls = sink.controls;
  const controlSums = new Float64Array(C + 1);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    lefEffects.forEach((effects, c) => {
      for (const effect of effects) fillValidated(effect.dist, reductions[c]!, effect.batch, end - start);
    });
    for (let j = start; j < end; j++) {
      const events = poisson(main, poissonP);
      let sum = 0;
      if (trace) formSums.fill(0);
      if (C > 0) {
        controlSums.fill(0);
        for (let c = 0; c < C; c++) {
          let p = 1;
          for (const effect of lefEffects[c]!) p *= 1 - effect.batch[j - start]!;
          keep[c] = p;
        }
      }
      for (let k = 0; k < events; k++) {
        let m: number;
        if (inline) {
          m = Math.exp(mu + sigma * normal(main));
          if (trace) formSums[0]! += m;
        } else {
          m = 0;
          for (let l = 0; l < forms; l++) {
            if (used[l] === CHUNK) {
              fillValidated(leaves[l]!.dist, main, batches[l]!, CHUNK, plan.pertSampling);
              used[l] = 0;
            }
            const x = batches[l]![used[l]!++]!;
            m += x;
            if (trace) formSums[l]! += x;
          }
        }
        sum += m;
        magnitudes?.push(m);
        if (C > 0) {
          let survivesAll = true;
          let multiplierAll = 1;
          for (let c = 0; c < C; c++) {
            const p = keep[c]!;
            const rng = reductions[c]!;
            const survives = p >= 1 || rng.nextDouble() < p;
            let multiplier = 1;
            for (const effect of magEffects[c]!) {
              if (effect.used === CHUNK) {
                fillValidated(effect.dist, rng, effect.batch, CHUNK);
                effect.used = 0;
              }
              multiplier *= 1 - effect.batch[effect.used++]!;
            }
            if (survives) controlSums[c]! += m * multiplier;
            survivesAll &&= survives;
            multiplierAll *= multiplier;
          }
          if (survivesAll) controlSums[C]! += m * multiplierAll;
        }
      }
      annual[j]! += sum;
      if (lefOut) lefOut[j] = events;
      if (trace) {
        trace[0]![j] = events;
        for (let l = 0; l < forms; l++) trace[leaves[l]!.index]![j] = events > 0 ? formSums[l]! / events : NaN;
      }
      if (withControls) for (let c = 0; c <= C; c++) withControls[c]![j] = controlSums[c]!;
    }
    progress.step(end - start);
  }
}
