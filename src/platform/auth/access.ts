import type { OrgAccess } from '../context.ts';
import type { Store } from '../db/store.ts';
import { AppError, notFound } from '../errors/catalogue.ts';
import type { Principal } from './principal.ts';
import { can, isRole, type Permission, type Role } from './roles.ts';

export function actorOf(principal: Principal): OrgAccess['actor'] {
  return principal.kind === 'token'
    ? { type: 'token', id: principal.tokenId, label: `${principal.tokenName} (token of ${principal.user.email})` }
    : { type: 'user', id: principal.user.id, label: principal.user.email };
}

/**
 * Resolves the caller's role in the organization named by `slug` and checks `permission`.
 * An organization the caller does not belong to is reported as not found (404), never forbidden,
 * so outsiders cannot even learn that it exists.
 */
export async function authorizeOrg(
  store: Store,
  principal: Principal,
  slug: string,
  permission: Permission,
  requestId: string | null,
): Promise<OrgAccess> {
  let access: OrgAccess;
  if (principal.kind === 'token') {
    if (principal.orgSlug !== slug) throw notFound('Organization');
    access = { orgId: principal.orgId, orgSlug: slug, role: principal.role, actor: actorOf(principal), userId: principal.user.id, requestId, tokenCheck: principal.pendingCheck };
  } else {
    const rows = await store.query<{ id: string; role: string | null }>(
      `select o.id, m.role from organizations o
         left join memberships m on m.org_id = o.id and m.user_id = $2
        where o.slug = $1`,
      [slug, principal.user.id],
      { name: 'bulwark_org_membership' },
    );
    const row = rows[0];
    let role: Role | undefined = row?.role && isRole(row.role) ? row.role : undefined;
    // Instance administrators administer every organization, member or not.
    if (row && !role && principal.user.isInstanceAdmin) role = 'admin';
    if (!row || !role) throw notFound('Organization');
    access = { orgId: row.id, orgSlug: slug, role, actor: actorOf(principal), userId: principal.user.id, requestId };
  }
  if (!can(access.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${access.role}) does not allow ${permission}`);
  }
  return access;
}
