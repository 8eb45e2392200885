import { createRequire } from 'node:module';

/** The part of autocannon's options and result this bench uses (the package ships no typings). */
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  /** Seconds before a request counts as timed out (and as an error). */
  timeout?: number;
  headers?: Record<string, string>;
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { total: number; average: number };
}

// Called without a callback, autocannon returns a thenable tracker.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => PromiseLike<AutocannonResult>;

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /** Socket errors and timeouts (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
}

/** Generous: a slow answer must show in p99, not vanish as a timeout that resets the connection. */
const REQUEST_TIMEOUT_S = 60;

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
}

/** Drives `target` with `connections` keep-alive connections for `duration` seconds. */
export async function runLoad(target: LoadTarget, connections: number, duration: number): Promise<LoadResult> {
  const result = await autocannon({ url: target.url, headers: target.headers, connections, duration, timeout: REQUEST_TIMEOUT_S });
  return {
    rps: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Throws unless every response of the run was a 2xx: a fast error page must never count as throughput. */
export function assertAllOk(label: string, result: LoadResult): void {
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx responses, ${result.errors} errors (${result.timeouts} timeouts) out of ${result.requests} requests`,
    );
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A command-line flag that must be a positive integer. @throws Error naming the flag */
export function positiveInt(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return value;
}
