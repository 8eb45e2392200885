import type { Random } from './random.ts';

/**
 * Standard normal draws by the ziggurat method (Marsaglia & Tsang, 2000) with 128 layers of equal area.
 * About 98.8% of draws cost one 32-bit output, one table lookup and one multiply; only the wedges and the
 * tail beyond R need exp/log. This is what makes Gamma (hence PERT) and lognormal sampling cheap.
 */

const LAYERS = 128;
/** Start of the tail and the common area of every layer, for 128 layers (from the paper). */
const R = 3.442619855899;
const LAYER_AREA = 9.91256303526217e-3;
const TWO_POW_31 = 2147483648;

const density = (x: number): number => Math.exp(-0.5 * x * x);

/** edge[i]: right edge of layer i (edge[0] is the base layer's pseudo-width, area / f(R)); edge[128] = 0. */
const edge = new Float64Array(LAYERS + 1);
/** height[i] = f(edge[i]). */
const height = new Float64Array(LAYERS + 1);
/** inner[i] = edge[i + 1]: |x| below this is inside the rectangle wholly under the curve, accepted at once. */
const inner = new Float64Array(LAYERS);
/** scale[i] maps a signed int32 to a point uniform in (−edge[i], edge[i]). */
const scale = new Float64Array(LAYERS);

edge[0] = LAYER_AREA / density(R);
edge[1] = R;
for (let i = 1; i < LAYERS - 1; i++) edge[i + 1] = Math.sqrt(-2 * Math.log(density(edge[i]!) + LAYER_AREA / edge[i]!));
edge[LAYERS] = 0; // computed, it would be ~1e-12 or NaN from rounding; the top of the curve is x = 0
for (let i = 0; i <= LAYERS; i++) height[i] = density(edge[i]!);
for (let i = 0; i < LAYERS; i++) {
  inner[i] = edge[i + 1]!;
  scale[i] = edge[i]! / TWO_POW_31;
}

/**
 * One standard normal draw. The common case is kept tiny so TurboFan inlines it into the callers' loops
 * (Gamma, lognormal); wedges and the tail live in a separate function.
 */
export function normal(rng: Random): number {
  const j = rng.nextInt32();
  // The layer index reuses the low 7 bits of j; they move x by < 2^-24 of its size, far below any effect.
  const i = j & (LAYERS - 1);
  const x = j * scale[i]!;
  // Compared as doubles: Math.abs of an int32 overflows at −2^31, which would make V8 leave integer code.
  return x < inner[i]! && x > -inner[i]! ? x : outsideInner(rng, j, i, x);
}

/** The draw (j, layer i, point x) fell outside the inner rectangle: wedge test, tail, or a fresh draw. */
function outsideInner(rng: Random, j: number, i: number, x: number): number {
  for (;;) {
    if (i === 0) return tail(rng, j < 0);
    // A wedge: accept if a uniform height between this layer's bottom and top falls under the curve.
    const y = height[i]! + rng.nextOpen() * (height[i + 1]! - height[i]!);
    if (y < density(x)) return x;
    j = rng.nextInt32();
    i = j & (LAYERS - 1);
    x = j * scale[i]!;
    if (x < inner[i]! && x > -inner[i]!) return x;
  }
}

/** Beyond R: Marsaglia's exponential rejection for the normal tail. */
function tail(rng: Random, negative: boolean): number {
  for (;;) {
    const x = -Math.log(rng.nextOpen()) / R;
    const y = -Math.log(rng.nextOpen());
    if (y + y >= x * x) return negative ? -(R + x) : R + x;
  }
}
