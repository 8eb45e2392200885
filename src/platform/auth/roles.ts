/**
 * Roles and what each may do, declared in one place. Every route names the permission it needs;
 * nothing else in the code compares role names.
 */
export const ROLES = [
  'owner',
  'admin',
  'risk-manager',
  'compliance-manager',
  'incident-responder',
  'sharing-liaison',
  'auditor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org:read',
  'org:update',
  'members:read',
  'members:manage',
  'tokens:read',
  'tokens:manage-own',
  'tokens:manage-all',
  'audit:read',
  'inventory:read',
  'inventory:write',
  'risk:read',
  'risk:criteria',
  'risk:write',
  'controls:read',
  'controls:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_EVERYTHING: Permission[] = ['org:read', 'members:read', 'tokens:read', 'audit:read', 'inventory:read', 'risk:read', 'controls:read'];
const EVERYTHING: Permission[] = [...PERMISSIONS];
// Domain roles get their domain's write permissions as those domains arrive; today they read the org
// and manage their own tokens; all of them read the inventory, the risks and the applied controls.
const DOMAIN_ROLE: Permission[] = ['org:read', 'members:read', 'tokens:manage-own', 'inventory:read', 'risk:read', 'controls:read'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(EVERYTHING),
  admin: new Set(EVERYTHING),
  'risk-manager': new Set([...DOMAIN_ROLE, 'inventory:write', 'risk:criteria', 'risk:write', 'controls:write']),
  'compliance-manager': new Set([...DOMAIN_ROLE, 'inventory:write', 'controls:write']),
  'incident-responder': new Set(DOMAIN_ROLE),
  'sharing-liaison': new Set(DOMAIN_ROLE),
  auditor: new Set([...READ_EVERYTHING, 'tokens:manage-own']),
  viewer: new Set(['org:read', 'tokens:manage-own', 'inventory:read', 'risk:read', 'controls:read']),
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/**
 * Order of authority, used to stop privilege escalation: nobody grants a role (to a member or a token)
 * above their own. Owner > admin > the rest; the domain roles are peers.
 */
const RANK: Record<Role, number> = {
  owner: 3,
  admin: 2,
  'risk-manager': 1,
  'compliance-manager': 1,
  'incident-responder': 1,
  'sharing-liaison': 1,
  auditor: 1,
  viewer: 0,
};

export function canGrant(granter: Role, granted: Role): boolean {
  if (granter === 'owner') return true;
  if (granter === 'admin') return granted !== 'owner';
  // Non-admins only ever mint tokens for themselves, at their own role or viewer.
  return granted === granter || RANK[granted] < RANK[granter];
}
