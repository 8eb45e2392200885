import { ImportFileError } from './import-types.ts';

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function newlinesBefore(bytes: Uint8Array, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/**
 * The text of an import file. Bytes must be UTF-8 (a leading byte-order mark is dropped); a string that
 * holds U+FFFD (what a UTF-8 decoder puts where the bytes were not UTF-8) is refused the same way, because
 * the file it came from was not UTF-8.
 * @throws ImportFileError naming the line of the first bad byte
 */
export function decodeImportText(content: string | Uint8Array): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const bad = firstInvalidUtf8(content);
    if (bad >= 0) throw badEncoding(newlinesBefore(content, bad) + 1, `byte ${bad + 1}`);
    text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) throw badEncoding(text.slice(0, replacement).split('\n').length, 'a U+FFFD replacement character');
  return text;
}

function badEncoding(line: number, where: string): ImportFileError {
  const message = `the file is not valid UTF-8 (line ${line}, ${where}); save it as UTF-8 and try again`;
  return new ImportFileError(message, [{ line, path: `content.line.${line}`, message }]);
}
