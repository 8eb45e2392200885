import { StringDecoder } from 'node:string_decoder';
import { AppError, unprocessable } from '../errors/catalogue.ts';

/** Longer than any row Bulwark writes; a file without newlines must not be buffered whole. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/**
 * Splits a byte stream into lines ('\n' removed), counting from 1. A read error (a truncated gzip member,
 * an unreadable file) becomes a clear error instead of a stack trace. Written by hand rather than with
 * readline: readline also splits on a lone '\r' and does not pass its input's errors on.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxLineChars = MAX_LINE_CHARS): AsyncGenerator<{ line: string; lineNo: number }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  try {
    for await (const chunk of input) {
      pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let start = 0;
      for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
        lineNo += 1;
        yield { line: pending.slice(start, newline), lineNo };
        start = newline + 1;
      }
      pending = pending.slice(start);
      if (pending.length > maxLineChars) throw unprocessable(`line ${lineNo + 1} of the export file is longer than ${maxLineChars} characters; it is not a Bulwark export`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unprocessable(`the export file could not be read (${error instanceof Error ? error.message : String(error)}); it is truncated or not a Bulwark export`);
  }
  pending += decoder.end();
  if (pending.length > 0) yield { line: pending, lineNo: lineNo + 1 };
}
