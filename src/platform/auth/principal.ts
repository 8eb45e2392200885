import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors/catalogue.ts';
import { isRole, type Role } from './roles.ts';
import { sha256Hex } from '../util/digest.ts';
import { cachedToken, rememberToken, type PendingTokenCheck, type TokenFacts } from './token-check.ts';

export const SESSION_COOKIE = 'bulwark_session';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_PREFIX = 'bwk_';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
}

/** Who sent the request: a signed-in person (cookie) or an API token bound to one organization. */
export interface SessionPrincipal {
  kind: 'session';
  user: SessionUser;
  sessionHash: string;
  csrfToken: string;
}
export interface TokenPrincipal {
  kind: 'token';
  user: SessionUser;
  tokenId: string;
  tokenName: string;
  orgId: string;
  orgSlug: string;
  role: Role;
  /** Set on read requests that answer from remembered token facts: the validity check still to settle. */
  pendingCheck?: PendingTokenCheck;
}
export type Principal = SessionPrincipal | TokenPrincipal;

interface TokenRow {
  id: string;
  org_id: string;
  org_slug: string;
  name: string;
  role: string;
  user_id: string;
  email: string;
  user_name: string;
  is_instance_admin: boolean;
  expires_at: Date | null;
  needs_touch: boolean;
}

/** Records a token's use at most once a minute per process, off the request's path. */
function touchIfStale(store: Store, facts: TokenFacts, now: number): void {
  if (now - facts.touchedAt < 60_000) return;
  facts.touchedAt = now;
  const { orgId, tokenId } = facts.principal;
  store.query('update api_tokens set last_used_at = now() where org_id = $1 and id = $2', [orgId, tokenId]).catch(() => undefined);
}

/**
 * Resolves an API token. A read request (`defer`) whose token this process has seen answers from memory and
 * carries a pending validity check, settled in its first query or before its response (see token-check.ts).
 * Otherwise one query: the token's binding, its owner, and whether last_used_at is stale (use is recorded at
 * most once a minute, so reads do not turn into writes). Either way revocation takes effect on the next
 * request.
 */
export async function resolveToken(store: Store, secret: string, options: { defer: boolean } = { defer: false }): Promise<TokenPrincipal> {
  const tokenHash = sha256Hex(secret);
  const now = Date.now();
  if (options.defer) {
    const facts = cachedToken(store, tokenHash, now);
    if (facts) {
      touchIfStale(store, facts, now);
      return { ...facts.principal, pendingCheck: { tokenHash, settled: false } };
    }
  }
  const rows = await store.query<TokenRow>(
    `select t.id, t.org_id, o.slug as org_slug, t.name, t.role, u.id as user_id, u.email, u.name as user_name, u.is_instance_admin,
            t.expires_at, (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as needs_touch
       from api_tokens t join users u on u.id = t.user_id join organizations o on o.id = t.org_id
      where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
        and u.disabled_at is null`,
    [tokenHash],
    { name: 'bulwark_resolve_token_v2' },
  );
  const row = rows[0];
  if (!row || !isRole(row.role)) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked');
  if (row.needs_touch) {
    await store.query('update api_tokens set last_used_at = now() where org_id = $1 and id = $2', [row.org_id, row.id]);
  }
  const principal: TokenPrincipal = {
    kind: 'token',
    tokenId: row.id,
    tokenName: row.name,
    orgId: row.org_id,
    orgSlug: row.org_slug,
    role: row.role,
    user: { id: row.user_id, email: row.email, name: row.user_name, isInstanceAdmin: false },
  };
  rememberToken(store, tokenHash, { principal, expiresAt: row.expires_at ? new Date(row.expires_at).getTime() : null, touchedAt: now });
  return principal;
}

interface SessionRow {
  user_id: string;
  email: string;
  name: string;
  is_instance_admin: boolean;
  csrf_token: string;
}

export async function resolveSession(store: Store, secret: string): Promise<SessionPrincipal> {
  const sessionHash = sha256Hex(secret);
  const rows = await store.query<SessionRow>(
    `select u.id as user_id, u.email, u.name, u.is_instance_admin, s.csrf_token
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.disabled_at is null`,
    [sessionHash],
    { name: 'bulwark_resolve_session' },
  );
  const row = rows[0];
  if (!row) throw new AppError('UNAUTHENTICATED', 'Your session has expired; sign in again');
  return {
    kind: 'session',
    sessionHash,
    csrfToken: row.csrf_token,
    user: { id: row.user_id, email: row.email, name: row.name, isInstanceAdmin: row.is_instance_admin },
  };
}

export function csrfMatches(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
