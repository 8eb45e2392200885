import type { CurvePoint } from './analysis.ts';

/**
 * A limit curve's probability at `loss`: linear in log(loss) between its points, 1 below its first point (the
 * curve says nothing about smaller losses) and its last probability beyond its last point (no looser there).
 */
export function limitAt(limit: readonly CurvePoint[], loss: number): number {
  if (loss < limit[0]!.loss) return 1;
  const last = limit[limit.length - 1]!;
  if (loss >= last.loss) return last.probability;
  let i = 0;
  while (limit[i + 1]!.loss <= loss) i++;
  const a = limit[i]!;
  const b = limit[i + 1]!;
  const t = (Math.log(loss) - Math.log(a.loss)) / (Math.log(b.loss) - Math.log(a.loss));
  return a.probability + t * (b.probability - a.probability);
}

/**
 * The loss exceedance curve's probability at `loss`, between its (log-spaced) points linear in log(loss):
 * below its first point (the smallest loss) it is that point's probability (no loss lies between 0 and it),
 * beyond its last (the largest loss) 0.
 */
function exceedanceAt(curve: readonly CurvePoint[], loss: number): number {
  if (loss <= curve[0]!.loss) return curve[0]!.probability;
  const last = curve[curve.length - 1]!;
  if (loss > last.loss) return 0;
  return limitAt(curve, loss);
}

/**
 * Where the loss exceedance curve lies above a tolerance/appetite curve. Both are compared at every point of
 * either (so a limit point between two exceedance points counts). `worst` is the point where the exceedance
 * probability is the largest multiple of the limit's (probabilities span orders of magnitude, so a ratio says
 * more than a difference); null when the curve stays at or below the limit everywhere.
 */
export function compareToCurve(
  exceedance: CurvePoint[],
  limit: CurvePoint[],
): { exceeds: boolean; worst: { loss: number; probability: number; limit: number } | null } {
  const curve = exceedance.filter((p) => p.loss > 0).sort((a, b) => a.loss - b.loss);
  const bound = limit.filter((p) => p.loss > 0).sort((a, b) => a.loss - b.loss);
  if (curve.length === 0 || bound.length === 0) return { exceeds: false, worst: null };
  const candidates = [
    ...curve.map((p) => ({ loss: p.loss, probability: p.probability, limit: limitAt(bound, p.loss) })),
    ...bound.map((p) => ({ loss: p.loss, probability: exceedanceAt(curve, p.loss), limit: p.probability })),
  ];
  let worst: { loss: number; probability: number; limit: number } | null = null;
  let worstRatio = 1;
  for (const c of candidates) {
    if (!(c.probability > c.limit)) continue;
    const ratio = c.limit > 0 ? c.probability / c.limit : Infinity;
    if (worst === null || ratio > worstRatio) {
      worst = c;
      worstRatio = ratio;
    }
  }
  return { exceeds: worst !== null, worst };
}
