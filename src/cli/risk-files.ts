import fs from 'node:fs';
import type { OrgAccess } from '../platform/context.ts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import { CliError } from './cli-kit.ts';

/** The most a catalogue file may hold (ATT&CK Enterprise is about 45 MB). */
const MAX_FILE_BYTES = 128 * 1024 * 1024;

/** A file's text, or a CliError saying why it cannot be read. */
export function readTextFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError(`${file} has ${size} bytes; at most ${MAX_FILE_BYTES} are read`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** A JSON file's content, or a CliError naming the file when it is not JSON. */
export function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new CliError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The CLI acts as the system actor with owner rights, like the other administrative commands. */
export const cliAccess = (org: { id: string; slug: string }): OrgAccess => ({
  orgId: org.id,
  orgSlug: org.slug,
  role: 'owner',
  actor: SYSTEM_ACTOR,
  userId: null,
  requestId: null,
});
