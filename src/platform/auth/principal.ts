import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors/catalogue.ts';
import { isRole, type Role } from './roles.ts';
import { sha256Hex } from '../util/digest.ts';

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
  needs_touch: boolean;
}

/**
 * One query per request for a token: its organization binding, its owner, and whether last_used_at is stale
 * (we record use at most once a minute, so reads do not turn into writes). It is a named prepared statement,
 * planned once per connection, and still runs on every request: revocation takes effect on the next one.
 */
export async function resolveToken(store: Store, secret: string): Promise<TokenPrincipal> {
  const rows = await store.query<TokenRow>(
    `select t.id, t.org_id, o.slug as org_slug, t.name, t.role, u.id as user_id, u.email, u.name as user_name, u.is_instance_admin,
            (t.last_used_at is null or t.last_used_at < now() - interval '1 minute') as needs_touch
       from api_tokens t join users u on u.id = t.user_id join organizations o on o.id = t.org_id
      where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now())
        and u.disabled_at is null`,
    [sha256Hex(secret)],
    { name: 'bulwark_resolve_token' },
  );
  const row = rows[0];
  if (!row || !isRole(row.role)) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, expired or revoked');
  if (row.needs_touch) {
    await store.query('update api_tokens set last_used_at = now() where org_id = $1 and id = $2', [row.org_id, row.id]);
  }
  return {
    kind: 'token',
    tokenId: row.id,
    tokenName: row.name,
    orgId: row.org_id,
    orgSlug: row.org_slug,
    role: row.role,
    user: { id: row.user_id, email: row.email, name: row.user_name, isInstanceAdmin: false },
  };
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
