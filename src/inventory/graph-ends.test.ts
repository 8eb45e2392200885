import { describe, expect, it } from 'vitest';
import { EdgeRowReader } from './graph-ends.ts';

const ids = ['0192f0a4-0000-7000-8000-000000000001', '0192f0a4-0000-7000-8000-000000000002', '0192F0A4-0000-7000-8000-0000000000FF'];
const TYPE_CODES = [10, 11, 12];

const uuidBytes = (id: string): number[] =>
  id
    .replaceAll('-', '')
    .match(/../g)!
    .map((h) => parseInt(h, 16));
const int16 = (v: number): number[] => [(v >> 8) & 255, v & 255];
const int32 = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];

/** PostgreSQL's COPY BINARY bytes for (source uuid, target uuid, int4) rows. */
function copyBinary(rows: [string, string, number][]): Uint8Array {
  const bytes = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, ...int32(0), ...int32(0)];
  for (const [s, t, c] of rows)
    bytes.push(...int16(3), ...int32(16), ...uuidBytes(s), ...int32(16), ...uuidBytes(t), ...int32(4), ...int32(c));
  bytes.push(...int16(-1));
  return Uint8Array.from(bytes);
}

const rows: [string, string, number][] = [
  [ids[0]!, ids[1]!, 0],
  [ids[1]!, ids[2]!, 2],
  [ids[2]!, ids[0]!, 1],
];

function read(chunks: Uint8Array[]) {
  const reader = new EdgeRowReader(ids, TYPE_CODES);
  for (const chunk of chunks) reader.push(chunk);
  const { edges, m } = reader.finish();
  return { m, src: [...edges.src.subarray(0, m)], dst: [...edges.dst.subarray(0, m)], type: [...edges.type.subarray(0, m)] };
}

describe('EdgeRowReader', () => {
  it('numbers both ends by the nodes’ order (any case of hex) and maps the type positions to codes', () => {
    expect(read([copyBinary(rows)])).toEqual({ m: 3, src: [0, 1, 2], dst: [1, 2, 0], type: [10, 12, 11] });
  });

  it('reads the same whatever the chunks: rows and the header may straddle them', () => {
    const whole = copyBinary(rows);
    const expected = read([whole]);
    for (const size of [1, 2, 7, 19, 49, 50, 51, 97]) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < whole.length; at += size) chunks.push(whole.subarray(at, at + size));
      expect(read(chunks), `chunks of ${size}`).toEqual(expected);
    }
  });

  it('grows past its first capacity', () => {
    const many: [string, string, number][] = Array.from({ length: 2500 }, (_, i) => [ids[i % 3]!, ids[(i + 1) % 3]!, i % 3]);
    const result = read([copyBinary(many)]);
    expect(result.m).toBe(2500);
    expect(result.src.slice(2496)).toEqual([0, 1, 2, 0]);
  });

  it('refuses an edge to a node that is not in the snapshot, data that is not COPY BINARY, and data cut short', () => {
    expect(() => read([copyBinary([[ids[0]!, '0192f0a4-0000-7000-8000-0000000000aa', 0]])])).toThrow(/names a node that is not in it/);
    const bad = copyBinary(rows);
    bad[0] = 0;
    expect(() => read([bad])).toThrow(/not COPY BINARY/);
    const whole = copyBinary(rows);
    expect(() => read([whole.subarray(0, whole.length - 30)])).toThrow(/cut short/);
  });
});
