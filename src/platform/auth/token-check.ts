import type { OrgAccess } from '../context.ts';
import type { QueryOptions, Store } from '../db/store.ts';
import { AppError } from '../errors/catalogue.ts';
import type { TokenPrincipal } from './principal.ts';

/*
 * An API token's validity check, folded into the request's first query.
 *
 * What a token is bound to (its organization, role, owner, expiry) never changes after it is made, so a
 * process may remember it. Whether it still stands (not revoked, owner not disabled, row not deleted) can
 * change at any moment, so that is asked of the database on every request — but a read request need not ask
 * in a round trip of its own: list endpoints run their query with the check as one more column
 * (`checkedQuery`), and the response waits for the answer. Whatever a request does not settle that way is
 * settled by the `onSend` hook (http/app.ts) with the check on its own before a byte is sent, so a route that
 * never calls `checkedQuery` is as safe as before, only one round trip slower. Writes never defer: the guard
 * checks their token before the handler runs.
 */

/** The part of a token that cannot change, remembered per store (tokens are per store). */
export interface TokenFacts {
  principal: TokenPrincipal;
  /** Epoch ms, or null for a token that does not expire. */
  expiresAt: number | null;
  /** When this process last recorded the token's use (last_used_at is kept to the minute). */
  touchedAt: number;
}

/** A read request's token check, settled by `checkedQuery` or by the onSend hook. */
export interface PendingTokenCheck {
  tokenHash: string;
  settled: boolean;
}

const MAX_CACHED_TOKENS = 10_000;
const caches = new WeakMap<Store, Map<string, TokenFacts>>();

function cacheOf(store: Store): Map<string, TokenFacts> {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }
  return cache;
}

/** The remembered facts of a token that has not expired, or undefined. */
export function cachedToken(store: Store, tokenHash: string, now = Date.now()): TokenFacts | undefined {
  const cache = cacheOf(store);
  const facts = cache.get(tokenHash);
  if (facts && facts.expiresAt !== null && facts.expiresAt <= now) {
    cache.delete(tokenHash);
    return undefined;
  }
  return facts;
}

export function rememberToken(store: Store, tokenHash: string, facts: TokenFacts): void {
  const cache = cacheOf(store);
  cache.delete(tokenHash);
  cache.set(tokenHash, facts);
  // Maps iterate in insertion order, so the first key is the least recently remembered.
  if (cache.size > MAX_CACHED_TOKENS) cache.delete(cache.keys().next().value!);
}

export function forgetToken(store: Store, tokenHash: string): void {
  cacheOf(store).delete(tokenHash);
}

/** The condition a token must meet on every request, as a boolean SQL expression on parameter `$n`. */
export function tokenStandsSql(param: string): string {
  return `exists (select 1 from api_tokens t join users u on u.id = t.user_id
                   where t.token_hash = ${param} and t.revoked_at is null
                     and (t.expires_at is null or t.expires_at > now()) and u.disabled_at is null)`;
}

const STANDS_QUERY = `select ${tokenStandsSql('$1')} as ok`;

/** Settles a pending check with a query of its own; throws UNAUTHENTICATED when the token no longer stands. */
export async function settleTokenCheck(store: Store, check: PendingTokenCheck): Promise<void> {
  if (check.settled) return;
  const [row] = await store.query<{ ok: boolean }>(STANDS_QUERY, [check.tokenHash], { name: 'bulwark_token_stands' });
  concludeCheck(store, check, row?.ok === true);
}

function concludeCheck(store: Store, check: PendingTokenCheck, stands: boolean): void {
  // Settled either way: the 401 below is itself a response, and its own onSend must not ask again.
  check.settled = true;
  if (!stands) {
    forgetToken(store, check.tokenHash);
    throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked');
  }
}

/**
 * Runs a read query for `access`, settling its pending token check in the same round trip: the check rides
 * along as one more column (`__token_stands`, an uncorrelated sub-select PostgreSQL evaluates once). The
 * query's own order is kept (a subquery scan with no sort of its own). An empty result carries no answer,
 * so then the check runs on its own. Callers map rows field by field, so the extra column goes no further.
 */
export async function checkedQuery<Row>(store: Store, access: Pick<OrgAccess, 'tokenCheck'>, text: string, params: unknown[], options: QueryOptions = {}): Promise<Row[]> {
  const check = access.tokenCheck;
  if (!check || check.settled) return store.query<Row>(text, params, options);
  const wrapped = `select q.*, ${tokenStandsSql(`$${params.length + 1}`)} as __token_stands from (${text}) q`;
  const rows = await store.query<Row & { __token_stands: boolean }>(wrapped, [...params, check.tokenHash], options.name ? { name: `${options.name}_tc` } : {});
  if (rows.length === 0) await settleTokenCheck(store, check);
  else concludeCheck(store, check, rows[0]!.__token_stands);
  return rows;
}
