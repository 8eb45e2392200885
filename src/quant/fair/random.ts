/**
 * Seeded pseudo-random generator: xoshiro128** (Blackman & Vigna) on four 32-bit words with Math.imul,
 * so every step stays in int32 arithmetic that V8 compiles to plain machine instructions.
 *
 * Reproducibility contract: the same (seed, stream) pair always yields the same sequence, on every
 * platform. Streams are derived by hashing (seed, stream) into the state, so scenario k of a portfolio can
 * use stream k and never overlaps scenario j in practice (2^128 − 1 period, decorrelated starting points).
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/** A 32-bit finaliser (murmur3 fmix32): spreads every input bit over the whole word. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

export class Random {
  /**
   * The state lives in an Int32Array, not in four number fields: V8's small integers are 31-bit under
   * pointer compression, so 32-bit words in fields would be boxed as heap numbers on every step.
   */
  private readonly s = new Int32Array(4);

  /** `seed`: a safe integer ≥ 0; `stream`: an integer ≥ 0 naming an independent sub-sequence. */
  constructor(seed: number, stream = 0) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('seed must be a safe integer ≥ 0');
    if (!Number.isSafeInteger(stream) || stream < 0) throw new RangeError('stream must be a safe integer ≥ 0');
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / TWO_POW_32) >>> 0;
    const streamLo = stream >>> 0;
    const streamHi = Math.floor(stream / TWO_POW_32) >>> 0;
    // A Weyl sequence through the finaliser, keyed by all four input words, fills the state (splitmix style).
    let w = mix32(seedLo ^ mix32(seedHi + 0x68e31da4)) ^ mix32(streamLo + 0x3c6ef372 + mix32(streamHi ^ 0x1b873593));
    const next = (): number => {
      w = (w + 0x9e3779b9) | 0;
      return mix32(w ^ mix32(w + streamLo));
    };
    const s = this.s;
    for (let i = 0; i < 4; i++) s[i] = next();
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // the one forbidden state
    // Discard a few outputs so nearby seeds have fully diverged before the first draw.
    for (let i = 0; i < 8; i++) this.nextInt32();
  }

  /** Next output as a signed 32-bit integer (all 32 bits random). */
  nextInt32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits (two outputs). */
  nextDouble(): number {
    const hi = this.nextInt32() >>> 5; // 27 bits
    const lo = this.nextInt32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_MINUS_53;
  }

  /**
   * Uniform in the open interval (0, 1) with 32 random bits (one output): the half-step offset keeps it
   * away from 0 and 1, so log(u) and log(1 − u) are always finite. Used in the hot sampling loops.
   */
  nextOpen(): number {
    return ((this.nextInt32() >>> 0) + 0.5) * TWO_POW_MINUS_32;
  }
}

/** The generator for stream `stream` of `seed` (scenario k of a portfolio uses stream k). */
export function createRandom(seed: number, stream = 0): Random {
  return new Random(seed, stream);
}
