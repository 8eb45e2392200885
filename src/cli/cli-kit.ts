import type { Command } from 'commander';
import { loadConfig, parseLogLevel, type Config } from '../platform/config.ts';
import { openConfiguredStore } from '../platform/db/open.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError } from '../platform/errors/catalogue.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';

/** Store options every command accepts; flags win over the environment. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded store directory (env BULWARK_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'use this PostgreSQL database instead of the embedded store (env DATABASE_URL)');
}

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
  port?: string;
  logLevel?: string;
}

export function configFrom(flags: StoreFlags): Config {
  const config = loadConfig();
  if (flags.dataDir) {
    config.dataDir = flags.dataDir;
    config.databaseUrl = undefined;
  }
  if (flags.databaseUrl) config.databaseUrl = flags.databaseUrl;
  if (flags.port) config.port = Number(flags.port);
  if (flags.logLevel) config.logLevel = parseLogLevel(flags.logLevel);
  return config;
}

/** Opens the store, runs `work`, and always closes the store (releasing the data-dir lock). */
export async function withStore<T>(flags: StoreFlags, work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = configFrom(flags);
  const store = await openConfiguredStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

/** A failure the user caused or can fix: its message is printed without a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Prints an error the way a command-line user wants it and returns the exit code. */
export function reportCliError(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`bulwark: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`bulwark: ${error.message}\n`);
    return 1;
  }
  if (error instanceof AppError) {
    const fields = error.errors?.map((e) => `\n  ${e.path}: ${e.message}`).join('') ?? '';
    process.stderr.write(`bulwark: ${error.message}${fields}\n`);
    return 2;
  }
  process.stderr.write(`bulwark: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

/** Parses flags with an endpoint's zod schema, naming the flag on failure. */
export function parseFlags<T>(
  schema: {
    safeParse(
      input: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: Record<string, unknown>,
): T {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
  if (!parsed.success)
    throw new CliError(
      parsed.error.issues.map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('; '),
    );
  return parsed.data;
}
