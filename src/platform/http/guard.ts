import type { FastifyRequest } from 'fastify';
import { authorizeOrg } from '../auth/access.ts';
import { csrfMatches, CSRF_HEADER, resolveSession, resolveToken, SESSION_COOKIE, TOKEN_PREFIX, type Principal } from '../auth/principal.ts';
import type { Permission } from '../auth/roles.ts';
import type { OrgAccess } from '../context.ts';
import { AppError } from '../errors/catalogue.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Identifies the caller: `Authorization: Bearer <token>` first, else the session cookie. A cookie-borne
 * request that changes state must echo the session's CSRF token in the X-CSRF-Token header. A read request's
 * token may be checked later in the request (auth/token-check.ts); a write's is checked here.
 */
export async function authenticate(request: FastifyRequest): Promise<Principal> {
  if (request.principal) return request.principal;
  const store = request.server.store;
  const header = request.headers.authorization;
  let principal: Principal;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <API token>"');
    principal = await resolveToken(store, match[1], { defer: SAFE_METHODS.has(request.method) });
  } else {
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) throw new AppError('UNAUTHENTICATED');
    const session = await resolveSession(store, secret);
    principal = session;
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (!csrfMatches(session.csrfToken, typeof presented === 'string' ? presented : undefined)) throw new AppError('CSRF_TOKEN_INVALID');
    }
  }
  request.principal = principal;
  return principal;
}

/** Authenticates, then resolves the caller's role in the organization of the `:org` path parameter. */
export async function authorize(request: FastifyRequest & { params: { org: string } }, permission: Permission): Promise<OrgAccess> {
  const principal = await authenticate(request);
  return authorizeOrg(request.server.store, principal, request.params.org, permission, request.id);
}
