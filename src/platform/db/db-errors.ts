import { AppError } from '../errors/catalogue.ts';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  detail?: string;
  cause?: unknown;
}

/** Drizzle wraps driver errors; the PostgreSQL error (with its SQLSTATE) is somewhere down the cause chain. */
function pgErrorOf(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** True when the database could not be reached or dropped the connection: a 503, not a 500. */
export function isStoreUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgErrorLike & { message?: string };
    const code = candidate.code ?? '';
    // SQLSTATE class 08 = connection exception; 57P01..03 = admin shutdown, crash shutdown, cannot connect now.
    if (CONNECTION_ERRNOS.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    const message = candidate.message ?? '';
    if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(message)) return true;
    current = candidate.cause;
  }
  return false;
}

/**
 * The store's constraint errors that are the client's fault, as a last resort when a service did not
 * check first (services check duplicates themselves to give a better message).
 */
export function translateDbError(error: unknown): AppError | undefined {
  const pgError = pgErrorOf(error);
  if (!pgError) return undefined;
  if (pgError.code === '23505') return new AppError('CONFLICT', 'A resource with the same unique value already exists');
  if (pgError.code === '40001' || pgError.code === '40P01') return new AppError('VERSION_CONFLICT', 'A concurrent change got there first; retry');
  return undefined;
}
