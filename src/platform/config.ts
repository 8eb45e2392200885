import path from 'node:path';

/** Runtime configuration. Read once at start from the environment, then overridden by CLI flags. */
export interface Config {
  port: number;
  host: string;
  /** Directory of the embedded store (PGlite) and its lock file. Ignored when databaseUrl is set. */
  dataDir: string;
  /** PostgreSQL connection string; when set, the embedded store is not used. */
  databaseUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Connections in the PostgreSQL pool of one process. */
  poolSize: number;
  /** Create the demo organization on an empty store. */
  seedDemo: boolean;
  /** Session cookies get the Secure flag (turn off only for plain-HTTP local use). */
  secureCookies: boolean;
  sessionTtlHours: number;
  /** Sign-in attempts allowed per client address and minute. */
  signInPerMinute: number;
  /** Directory with the built web UI; served at / when it exists. */
  webDir: string;
  /** FAIR runs whose up-front estimate exceeds this much memory (MiB) or time (seconds) are refused. */
  fairMaxMemoryMb: number;
  fairMaxSeconds: number;
  /**
   * A running job whose heartbeat is older than this (seconds) is taken up again by any process: how long work
   * waits after the process that ran it died. Heartbeats come every third of it, so keep it well above a few
   * seconds on a busy store.
   */
  jobStaleSeconds: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function readBool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

export function parseLogLevel(raw: string): Config['logLevel'] {
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: readInt(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.BULWARK_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: parseLogLevel(env.LOG_LEVEL ?? 'info'),
    bodyLimit: readInt(env, 'BULWARK_BODY_LIMIT', 1024 * 1024),
    poolSize: readInt(env, 'BULWARK_POOL_SIZE', 20),
    seedDemo: readBool(env, 'BULWARK_DEMO', true),
    secureCookies: readBool(env, 'BULWARK_SECURE_COOKIES', env.NODE_ENV === 'production'),
    sessionTtlHours: readInt(env, 'BULWARK_SESSION_TTL_HOURS', 12),
    signInPerMinute: readInt(env, 'BULWARK_SIGNIN_PER_MINUTE', 10),
    webDir: path.resolve(env.BULWARK_WEB_DIR ?? path.join(import.meta.dirname, '../../web/dist')),
    fairMaxMemoryMb: readInt(env, 'BULWARK_FAIR_MAX_MEMORY_MB', 1024),
    fairMaxSeconds: readInt(env, 'BULWARK_FAIR_MAX_SECONDS', 300),
    jobStaleSeconds: readInt(env, 'BULWARK_JOB_STALE_SECONDS', 30),
  };
}
