import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

// canonicalize is CommonJS whose typings claim an ES default export; require() sidesteps the mismatch.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

export const sha256Hex = (input: string): string => createHash('sha256').update(input).digest('hex');

/** RFC 8785 canonical JSON, so a digest does not depend on key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export const digestOf = (value: unknown): string => sha256Hex(canonicalJson(value));

/** A URL-safe random secret with `bytes` bytes of entropy. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
