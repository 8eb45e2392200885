import { describe, expect, it } from 'vitest';
import { decodeImportText, firstInvalidUtf8 } from './text-decoding.ts';
import { ImportFileError } from './import-types.ts';

describe('import text decoding', () => {
  it('finds the first byte that is not UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('héllo €𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe9, 0x43]))).toBe(2); // Latin-1 é
  });

  it('refuses bad bytes naming their line, and text carrying U+FFFD likewise', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nc,d\ne'), Buffer.from([0xe9]), Buffer.from(',f\n')]);
    expect(() => decodeImportText(bytes)).toThrow(ImportFileError);
    expect(() => decodeImportText(bytes)).toThrow(/not valid UTF-8 \(line 3, byte 10\)/);
    expect(() => decodeImportText('a\nb\uFFFD')).toThrow(/line 2/);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeImportText(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeImportText('\uFEFFa')).toBe('a');
  });
});
