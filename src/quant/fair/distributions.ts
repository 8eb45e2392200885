import { FairParameterError } from './errors.ts';

/**
 * The input distributions a FAIR estimate can use. Calibrated estimates arrive as min / most likely / max
 * (PERT, triangular), as a 90% interval (lognormal), or as observed values (empirical).
 */
export type Distribution =
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** shape (λ) defaults to 4, the classic PERT weight on the mode. */
  | { kind: 'pert'; min: number; mode: number; max: number; shape?: number }
  /** lo and hi are the 5th and 95th percentiles. */
  | { kind: 'lognormal'; lo: number; hi: number }
  | { kind: 'poisson'; lambda: number }
  | { kind: 'empirical'; values: readonly number[] | Float64Array };

export const DEFAULT_PERT_SHAPE = 4;
/** Φ⁻¹(0.95): a 90% interval spans ±Z95 standard deviations. */
export const Z95 = 1.6448536269514722;

function finite(path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FairParameterError(path, 'must be a finite number');
  return value;
}

function orderedRange(path: string, min: number, max: number): void {
  if (!(min < max)) throw new FairParameterError(`${path}.max`, 'must be greater than min (use a constant for a fixed value)');
}

/** Throws FairParameterError naming the first invalid field (`path` prefixes the field names). */
export function validateDistribution(dist: Distribution, path: string): void {
  if (dist === null || typeof dist !== 'object') throw new FairParameterError(path, 'must be a distribution');
  switch (dist.kind) {
    case 'constant':
      finite(`${path}.value`, dist.value);
      return;
    case 'uniform':
      orderedRange(path, finite(`${path}.min`, dist.min), finite(`${path}.max`, dist.max));
      return;
    case 'triangular':
    case 'pert': {
      const min = finite(`${path}.min`, dist.min);
      const mode = finite(`${path}.mode`, dist.mode);
      const max = finite(`${path}.max`, dist.max);
      orderedRange(path, min, max);
      if (mode < min || mode > max) throw new FairParameterError(`${path}.mode`, 'must lie between min and max');
      if (dist.kind === 'pert' && dist.shape !== undefined && !(finite(`${path}.shape`, dist.shape) > 0)) {
        throw new FairParameterError(`${path}.shape`, 'must be greater than 0');
      }
      return;
    }
    case 'lognormal': {
      const lo = finite(`${path}.lo`, dist.lo);
      const hi = finite(`${path}.hi`, dist.hi);
      if (!(lo > 0)) throw new FairParameterError(`${path}.lo`, 'must be greater than 0');
      if (!(lo < hi)) throw new FairParameterError(`${path}.hi`, 'must be greater than lo');
      return;
    }
    case 'poisson':
      if (!(finite(`${path}.lambda`, dist.lambda) >= 0)) throw new FairParameterError(`${path}.lambda`, 'must be ≥ 0');
      if (dist.lambda > 1e9) throw new FairParameterError(`${path}.lambda`, 'must be at most 1e9');
      return;
    case 'empirical': {
      const values = dist.values;
      if (!values || values.length === 0) throw new FairParameterError(`${path}.values`, 'must hold at least one value');
      for (let i = 0; i < values.length; i++) finite(`${path}.values.${i}`, values[i]);
      return;
    }
    default:
      throw new FairParameterError(`${path}.kind`, `unknown distribution kind ${JSON.stringify((dist as { kind: unknown }).kind)}`);
  }
}

/** Smallest and largest value a distribution can produce (for checks such as "a probability is in [0, 1]"). */
export function supportOf(dist: Distribution): [number, number] {
  switch (dist.kind) {
    case 'constant':
      return [dist.value, dist.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [dist.min, dist.max];
    case 'lognormal':
    case 'poisson':
      return [0, Infinity];
    case 'empirical': {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of dist.values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return [lo, hi];
    }
  }
}

/** Validates and also requires every possible draw to be a probability, in [0, 1]. */
export function validateProbability(dist: Distribution, path: string): void {
  validateDistribution(dist, path);
  const [lo, hi] = supportOf(dist);
  if (lo < 0 || hi > 1) throw new FairParameterError(path, 'must be a probability: every possible value in [0, 1]');
}

/** Validates and requires draws ≥ 0 (frequencies and loss amounts). */
export function validateNonNegative(dist: Distribution, path: string): void {
  validateDistribution(dist, path);
  if (supportOf(dist)[0] < 0) throw new FairParameterError(path, 'must not produce negative values');
}
