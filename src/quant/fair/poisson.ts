import type { Random } from './random.ts';
import { logFactorial } from './special-functions.ts';

/**
 * Exact Poisson(λ) draws. Below λ = 10, inversion by sequential search (one uniform, ~λ+1 steps); from 10
 * up, Hörmann's transformed rejection with squeeze (PTRS, 1993): O(1) per draw, exact, no normal
 * approximation.
 */

const INVERSION_LIMIT = 10;

export interface PoissonPlan {
  lambda: number;
  /** e^(−λ), the mass at 0 (inversion). */
  p0: number;
  // PTRS constants (unused below the limit).
  logLambda: number;
  a: number;
  b: number;
  logInvAlpha: number;
  vr: number;
}

export function poissonPlan(lambda: number): PoissonPlan {
  const s = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * s;
  return {
    lambda,
    p0: Math.exp(-lambda),
    logLambda: Math.log(lambda),
    a: -0.059 + 0.02483 * b,
    b,
    logInvAlpha: Math.log(1.1239 + 1.1328 / (b - 3.4)),
    vr: 0.9277 - 3.6224 / (b - 2),
  };
}

export function poisson(rng: Random, plan: PoissonPlan): number {
  const lambda = plan.lambda;
  if (lambda < INVERSION_LIMIT) {
    if (lambda <= 0) return 0;
    // 32 bits are plenty to pick k: the pmf of any k that matters is far above 2^-32.
    const u = rng.nextOpen();
    let k = 0;
    let p = plan.p0;
    let cdf = p;
    // The cap only matters if rounding leaves the summed pmf a hair under u near 1; the tail there is < 1e-30.
    while (u > cdf && k < 200) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  return transformedRejection(rng, plan);
}

function transformedRejection(rng: Random, plan: PoissonPlan): number {
  const { lambda, a, b, vr } = plan;
  for (;;) {
    const u = rng.nextOpen() - 0.5;
    const v = rng.nextOpen();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k; // the squeeze: inside the box the hat equals the density
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + plan.logInvAlpha - Math.log(a / (us * us) + b) <= -lambda + k * plan.logLambda - logFactorial(k)) return k;
  }
}
