import { normal } from './normal.ts';
import type { Random } from './random.ts';

/** Constants of Marsaglia & Tsang's Gamma(shape, 1) method, computed once per distribution, not per draw. */
export interface GammaPlan {
  /** shape − 1/3, for the boosted shape when shape < 1. */
  d: number;
  c: number;
  /** 1/shape when shape < 1 (boosting: Gamma(a) = Gamma(a+1)·U^(1/a)), else 0. */
  boostPower: number;
}

export function gammaPlan(shape: number): GammaPlan {
  const boosted = shape < 1;
  const a = boosted ? shape + 1 : shape;
  const d = a - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d), boostPower: boosted ? 1 / shape : 0 };
}

/** One Gamma(shape, 1) draw (Marsaglia & Tsang, 2000): a squeeze accepts ~98% without a logarithm. */
export function gamma(rng: Random, plan: GammaPlan): number {
  const value = gammaAtLeastOne(rng, plan.d, plan.c);
  return plan.boostPower === 0 ? value : value * Math.pow(rng.nextOpen(), plan.boostPower);
}

/**
 * The core for shape ≥ 1, on scalars (d, c) rather than a plan object so hot loops such as PERT's can call
 * it with constants held in registers.
 */
export function gammaAtLeastOne(rng: Random, d: number, c: number): number {
  for (;;) {
    const x = normal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextOpen();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
