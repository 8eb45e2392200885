import { describe, expect, it } from 'vitest';
import { buildCsr } from './csr.ts';

describe('buildCsr', () => {
  const edges = {
    src: Uint32Array.from([0, 2, 0, 1, 2]),
    dst: Uint32Array.from([1, 0, 2, 2, 1]),
    type: Uint8Array.from([0, 1, 2, 3, 4]),
  };

  it('lays out both directions with neighbours in input order', () => {
    const csr = buildCsr(3, edges);
    expect(Array.from(csr.outOffsets)).toEqual([0, 2, 3, 5]);
    expect(Array.from(csr.outTargets)).toEqual([1, 2, 2, 0, 1]);
    expect(Array.from(csr.outTypes)).toEqual([0, 2, 3, 1, 4]);
    expect(Array.from(csr.inOffsets)).toEqual([0, 1, 3, 5]);
    expect(Array.from(csr.inSources)).toEqual([2, 0, 2, 0, 1]);
    expect(Array.from(csr.inTypes)).toEqual([1, 0, 4, 2, 3]);
  });

  it('uses only the first m edges when asked', () => {
    const csr = buildCsr(3, edges, 2);
    expect(csr.m).toBe(2);
    expect(Array.from(csr.outOffsets)).toEqual([0, 1, 1, 2]);
  });

  it('handles nodes without edges and an empty edge list', () => {
    const csr = buildCsr(2, { src: new Uint32Array(0), dst: new Uint32Array(0), type: new Uint8Array(0) });
    expect(Array.from(csr.outOffsets)).toEqual([0, 0, 0]);
    expect(Array.from(csr.inOffsets)).toEqual([0, 0, 0]);
  });

  it('rejects endpoints and types out of range', () => {
    expect(() => buildCsr(2, edges)).toThrow(RangeError);
    expect(() => buildCsr(3, { ...edges, type: Uint8Array.from([0, 1, 2, 3, 9]) })).toThrow(/unknown type/);
  });
});
