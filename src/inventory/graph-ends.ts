import type { EdgeArrays } from './graph/csr.ts';

/**
 * Reads a graph's edges from PostgreSQL's binary COPY format and numbers their ends on the client. Each row
 * is (source uuid, target uuid, type position as int4); the nodes are already numbered (their order in `ids`),
 * and a hash table over the ids' 128 bits maps each end to its number. Numbering in PostgreSQL meant two
 * sorts of 5 M rows to join the ends to a numbering (≈ 70 % of a 1 M-asset load); here an end costs a hash
 * probe. Rows arrive in chunks of any size (a stream, or one blob); a row may straddle two chunks.
 */

/** COPY BINARY: 11-byte signature, int32 flags, int32 header-extension length (0 here). */
const HEADER_BYTES = 19;
/** int16 field count (3), then int32 length + value for a uuid, a uuid and an int4. */
const ROW_BYTES = 2 + (4 + 16) + (4 + 16) + (4 + 4);
const TRAILER = 0xffff; // int16 −1 ends the data
const EMPTY = -1;
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]; // "PGCOPY\n\377\r\n\0"

/** Four bytes at `at`, little-endian: how uuid text is packed into words below (any fixed order would do). */
const wordAt = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);

/** The 16 bytes of a uuid's text form (the bytes uuid_send sends), as four words read by wordAt. */
function uuidWords(id: string, out: Int32Array, at: number): void {
  let bytes = 0;
  let byte = 0;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code === 45) continue; // '-'
    const digit = code <= 57 ? code - 48 : (code | 32) - 87; // 0-9, a-f, A-F
    if (digit < 0 || digit > 15 || bytes === 32) throw new Error(`not a uuid: ${id}`);
    byte = (byte << 4) | digit;
    if (++bytes % 2 === 0) {
      const index = (bytes >> 1) - 1;
      out[at + (index >> 2)]! |= byte << (8 * (index & 3));
      byte = 0;
    }
  }
  if (bytes !== 32) throw new Error(`not a uuid: ${id}`);
}

/** Mixes all four words: ids made together (uuid v7) share their first six bytes, a timestamp. */
function hashOf(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ (b >>> 15), 0x85ebca6b) ^ Math.imul(c ^ (c >>> 13), 0xc2b2ae35) ^ Math.imul(d ^ (d >>> 16), 0x27d4eb2f) ^ b;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Open addressing from a node id's four words to its number. */
class NodeNumbers {
  private readonly words: Int32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    this.words = new Int32Array(ids.length * 4);
    let size = 1024;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    const w = this.words;
    for (let u = 0; u < ids.length; u++) {
      uuidWords(ids[u]!, w, u * 4);
      let slot = hashOf(w[u * 4]!, w[u * 4 + 1]!, w[u * 4 + 2]!, w[u * 4 + 3]!) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = u;
    }
  }

  /** The number of the node whose 16 bytes start at `at`, or −1. */
  find(b: Uint8Array, at: number): number {
    const a0 = wordAt(b, at);
    const a1 = wordAt(b, at + 4);
    const a2 = wordAt(b, at + 8);
    const a3 = wordAt(b, at + 12);
    const { words, slots, mask } = this;
    let slot = hashOf(a0, a1, a2, a3) & mask;
    for (;;) {
      const u = slots[slot]!;
      if (u === EMPTY) return -1;
      const k = u * 4;
      if (words[k] === a0 && words[k + 1] === a1 && words[k + 2] === a2 && words[k + 3] === a3) return u;
      slot = (slot + 1) & mask;
    }
  }
}

const inconsistent = (why: string): Error => new Error(`inventory snapshot: ${why}`);

/** Takes COPY BINARY chunks of (source uuid, target uuid, int4 type position) rows; `finish` gives the edges. */
export class EdgeRowReader {
  private readonly numbers: NodeNumbers;
  private src: Uint32Array;
  private dst: Uint32Array;
  private type: Uint8Array;
  private m = 0;
  private carry = new Uint8Array(0);
  private headerRead = false;
  private ended = false;

  constructor(
    ids: readonly string[],
    /** Edge-type code of each type position. */
    private readonly typeCodes: ArrayLike<number>,
  ) {
    this.numbers = new NodeNumbers(ids);
    // Inventories have at least about as many edges as nodes; the arrays double from there as rows come.
    const capacity = Math.max(1024, ids.length);
    this.src = new Uint32Array(capacity);
    this.dst = new Uint32Array(capacity);
    this.type = new Uint8Array(capacity);
  }

  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.carry.length > 0) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
    }
    let at = 0;
    if (!this.headerRead) {
      if (bytes.length < HEADER_BYTES) return void (this.carry = bytes.slice());
      if (SIGNATURE.some((byte, i) => bytes[i] !== byte)) throw inconsistent('not COPY BINARY data');
      at = HEADER_BYTES + ((bytes[15]! << 24) | (bytes[16]! << 16) | (bytes[17]! << 8) | bytes[18]!);
      this.headerRead = true;
    }
    while (!this.ended && bytes.length - at >= 2) {
      if (((bytes[at]! << 8) | bytes[at + 1]!) === TRAILER) {
        this.ended = true;
        at += 2;
        break;
      }
      if (bytes.length - at < ROW_BYTES) break;
      this.row(bytes, at);
      at += ROW_BYTES;
    }
    this.carry = at < bytes.length ? bytes.slice(at) : new Uint8Array(0);
  }

  private row(b: Uint8Array, at: number): void {
    // Field count 3 and lengths 16, 16, 4 (a NULL would be length −1): anything else is not our query's row.
    if (b[at + 1] !== 3 || b[at + 5] !== 16 || b[at + 25] !== 16 || b[at + 45] !== 4 || b[at + 44] !== 0)
      throw inconsistent('unexpected row');
    const s = this.numbers.find(b, at + 6);
    const t = this.numbers.find(b, at + 26);
    if (s < 0 || t < 0) throw inconsistent(`edge ${this.m} names a node that is not in it`);
    if (this.m === this.src.length) this.grow();
    this.src[this.m] = s;
    this.dst[this.m] = t;
    // The type position is a big-endian int4 smaller than 256: its last byte.
    this.type[this.m++] = this.typeCodes[b[at + 49]!]!;
  }

  private grow(): void {
    const size = this.src.length * 2;
    const src = new Uint32Array(size);
    const dst = new Uint32Array(size);
    const type = new Uint8Array(size);
    src.set(this.src);
    dst.set(this.dst);
    type.set(this.type);
    this.src = src;
    this.dst = dst;
    this.type = type;
  }

  /** The edges read: the first `m` entries of the arrays. @throws when the data ended early or went on after its end */
  finish(): { edges: EdgeArrays; m: number } {
    if (!this.ended || this.carry.length > 0) throw inconsistent('the COPY data is cut short or runs on');
    return { edges: { src: this.src, dst: this.dst, type: this.type }, m: this.m };
  }
}
