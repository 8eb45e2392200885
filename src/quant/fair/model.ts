import { validateDistribution, validateNonNegative, validateProbability, type Distribution } from './distributions.ts';
import { FairParameterError } from './errors.ts';
import { normal } from './normal.ts';
import { poisson, poissonPlan } from './poisson.ts';
import { Random } from './random.ts';
import { fillValidated, lognormalParameters, type PertSampling } from './samplers.ts';

/**
 * The two Open FAIR Monte Carlo models. Each returns one annual loss per iteration in a Float64Array.
 * Work proceeds in chunks of CHUNK iterations so scratch memory stays bounded whatever the iteration count:
 * apart from the result itself, a run holds a few CHUNK-sized typed arrays.
 */

export const MIN_ITERATIONS = 1;
export const MAX_ITERATIONS = 10_000_000;
const CHUNK = 16_384;

export interface RunOptions {
  iterations: number;
  /** Same seed, stream, inputs and iterations → identical output. */
  seed: number;
  /** Independent sub-sequence; give each scenario of a portfolio its own (its index). Default 0. */
  stream?: number;
  /**
   * Add each iteration's loss into this array (a portfolio total, length = iterations) instead of
   * allocating a new one: a portfolio of many scenarios then needs one array, not one per scenario.
   */
  addTo?: Float64Array;
  /** PERT inputs drawn exactly (default) or from an inverse-CDF table (faster, approximate; pert-table.ts). */
  pertSampling?: PertSampling;
}

/** Threat Event Frequency: given directly, or as Contact Frequency × Probability of Action. */
export type TefInput = Distribution | { contactFrequency: Distribution; probabilityOfAction: Distribution };
/** Vulnerability: given directly (a probability), or as P(Threat Capability > Resistance Strength) per iteration. */
export type VulnerabilityInput = Distribution | { threatCapability: Distribution; resistanceStrength: Distribution };

/** The product model as pyfair computes it: risk = TEF × V × (PL + SLEF × SLM) per iteration. */
export interface ProductModelInput {
  threatEventFrequency: TefInput;
  vulnerability: VulnerabilityInput;
  primaryLoss: Distribution;
  secondaryLossEventFrequency: Distribution;
  secondaryLossMagnitude: Distribution;
}

/** The compound model: N ~ Poisson(lossEventFrequency) loss events a year, each of magnitude ~ `magnitude`. */
export interface CompoundModelInput {
  lossEventFrequency: number;
  magnitude: Distribution;
}

function checkIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new FairParameterError('iterations', `must be an integer from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
}

function generator(options: RunOptions): Random {
  checkIterations(options.iterations);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new FairParameterError('seed', 'must be an integer ≥ 0');
  const stream = options.stream ?? 0;
  if (!Number.isSafeInteger(stream) || stream < 0) throw new FairParameterError('stream', 'must be an integer ≥ 0');
  return new Random(options.seed, stream);
}

function resultArray(options: RunOptions): Float64Array {
  if (options.addTo === undefined) return new Float64Array(options.iterations);
  if (options.addTo.length !== options.iterations) throw new FairParameterError('addTo', 'must have one element per iteration');
  return options.addTo;
}

const isDistribution = (x: object): x is Distribution => 'kind' in x;

/** Throws FairParameterError naming the first invalid field of a product model input. */
export function validateProductModel(input: ProductModelInput): void {
  const tef = input.threatEventFrequency;
  if (tef && isDistribution(tef)) validateNonNegative(tef, 'threatEventFrequency');
  else if (tef) {
    validateNonNegative(tef.contactFrequency, 'threatEventFrequency.contactFrequency');
    validateProbability(tef.probabilityOfAction, 'threatEventFrequency.probabilityOfAction');
  } else throw new FairParameterError('threatEventFrequency', 'is required');
  const v = input.vulnerability;
  if (v && isDistribution(v)) validateProbability(v, 'vulnerability');
  else if (v) {
    validateDistribution(v.threatCapability, 'vulnerability.threatCapability');
    validateDistribution(v.resistanceStrength, 'vulnerability.resistanceStrength');
  } else throw new FairParameterError('vulnerability', 'is required');
  validateNonNegative(input.primaryLoss, 'primaryLoss');
  validateNonNegative(input.secondaryLossEventFrequency, 'secondaryLossEventFrequency');
  validateNonNegative(input.secondaryLossMagnitude, 'secondaryLossMagnitude');
}

/**
 * Product model. Every factor is drawn independently per iteration, in a fixed order per chunk
 * (TEF, V, PL, SLEF, SLM), which is what makes runs reproducible.
 */
export function simulateProductModel(input: ProductModelInput, options: RunOptions): Float64Array {
  validateProductModel(input);
  const rng = generator(options);
  const n = options.iterations;
  const out = resultArray(options);
  const size = Math.min(CHUNK, n);
  const a = new Float64Array(size);
  const b = new Float64Array(size);
  const c = new Float64Array(size);
  const lef = new Float64Array(size);
  const pert = options.pertSampling ?? 'exact';
  if (pert !== 'exact' && pert !== 'table') throw new FairParameterError('pertSampling', "must be 'exact' or 'table'");
  for (let start = 0; start < n; start += size) {
    const count = Math.min(size, n - start);
    drawTef(input.threatEventFrequency, rng, a, b, count, pert);
    drawVulnerability(input.vulnerability, rng, b, c, count, pert);
    for (let i = 0; i < count; i++) lef[i] = a[i]! * b[i]!;
    fillValidated(input.primaryLoss, rng, a, count, pert);
    fillValidated(input.secondaryLossEventFrequency, rng, b, count, pert);
    fillValidated(input.secondaryLossMagnitude, rng, c, count, pert);
    // += : a fresh result array is all zeros, and a portfolio total accumulates.
    for (let i = 0; i < count; i++) out[start + i]! += lef[i]! * (a[i]! + b[i]! * c[i]!);
  }
  return out;
}

/** TEF into `out`; `scratch` holds Probability of Action when TEF is derived. */
function drawTef(tef: TefInput, rng: Random, out: Float64Array, scratch: Float64Array, count: number, pert: PertSampling): void {
  if (isDistribution(tef)) return fillValidated(tef, rng, out, count, pert);
  fillValidated(tef.contactFrequency, rng, out, count, pert);
  fillValidated(tef.probabilityOfAction, rng, scratch, count, pert);
  for (let i = 0; i < count; i++) out[i]! *= scratch[i]!;
}

/**
 * Vulnerability into `out`. When derived, each iteration draws a Threat Capability and a Resistance Strength
 * and V is 1 if the threat wins, else 0: averaged over iterations this is P(TCap > RS).
 */
function drawVulnerability(
  v: VulnerabilityInput,
  rng: Random,
  out: Float64Array,
  scratch: Float64Array,
  count: number,
  pert: PertSampling,
): void {
  if (isDistribution(v)) return fillValidated(v, rng, out, count, pert);
  fillValidated(v.threatCapability, rng, out, count, pert);
  fillValidated(v.resistanceStrength, rng, scratch, count, pert);
  for (let i = 0; i < count; i++) out[i] = out[i]! > scratch[i]! ? 1 : 0;
}

export function validateCompoundModel(input: CompoundModelInput): void {
  const f = input.lossEventFrequency;
  if (typeof f !== 'number' || !Number.isFinite(f) || f < 0 || f > 1e6) {
    throw new FairParameterError('lossEventFrequency', 'must be a finite number from 0 to 1e6 events a year');
  }
  validateNonNegative(input.magnitude, 'magnitude');
}

/**
 * Compound model: per simulated year N ~ Poisson(f), annual loss = sum of N magnitude draws. The lognormal
 * magnitude (the reference case) is drawn inline; any other distribution is drawn in CHUNK-sized batches
 * from which the years take what they need.
 */
export function simulateCompoundModel(input: CompoundModelInput, options: RunOptions): Float64Array {
  validateCompoundModel(input);
  const rng = generator(options);
  const n = options.iterations;
  const out = resultArray(options);
  const plan = poissonPlan(input.lossEventFrequency);
  const magnitude = input.magnitude;
  if (magnitude.kind === 'lognormal') {
    const { mu, sigma } = lognormalParameters(magnitude.lo, magnitude.hi);
    for (let j = 0; j < n; j++) {
      let events = poisson(rng, plan);
      let sum = 0;
      while (events-- > 0) sum += Math.exp(mu + sigma * normal(rng));
      out[j]! += sum;
    }
    return out;
  }
  const batch = new Float64Array(CHUNK);
  let used = CHUNK;
  for (let j = 0; j < n; j++) {
    let events = poisson(rng, plan);
    let sum = 0;
    while (events-- > 0) {
      if (used === CHUNK) {
        fillValidated(magnitude, rng, batch, CHUNK);
        used = 0;
      }
      sum += batch[used++]!;
    }
    out[j]! += sum;
  }
  return out;
}
