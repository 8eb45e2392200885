import { ImportFileError } from './import-types.ts';
import { decodeImportText } from './text-decoding.ts';

/**
 * The JSON value of an import file.
 * @throws ImportFileError for bad UTF-8 or bad JSON, naming the line where parsing stopped
 */
export function parseJsonText(content: string | Uint8Array, what: string): unknown {
  const text = decodeImportText(content);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message;
    const position = /position (\d+)/.exec(reason);
    const lineMatch = /line (\d+)/.exec(reason);
    const line = lineMatch ? Number(lineMatch[1]) : position ? text.slice(0, Number(position[1])).split('\n').length : null;
    const message = `the file is not valid JSON${line ? ` (line ${line})` : ''}, so not ${what}: ${reason}`;
    throw new ImportFileError(message, [{ line, path: 'content', message }]);
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
