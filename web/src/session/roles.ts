import type { Role } from '../api/api-types';
import { can, canGrant, ROLES, type Permission } from '../../../src/platform/auth/roles.ts';

// The policy table is the server's own (src/platform/auth/roles.ts, pure and import-free), so the UI never
// disagrees with the API about who may do what. The server still decides; the UI only hides what would fail.
export { can, canGrant, ROLES, type Permission };

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  'risk-manager': 'Risk manager',
  'compliance-manager': 'Compliance manager',
  'incident-responder': 'Incident responder',
  'sharing-liaison': 'Sharing liaison',
  auditor: 'Auditor',
  viewer: 'Viewer',
};

/** The roles that hold a permission, for declarations such as the navigation registry. */
export function rolesWith(permission: Permission): readonly Role[] {
  return ROLES.filter((role) => can(role, permission));
}

/** Role choices for a Select: those `granter` may hand out, most powerful first. */
export function grantableRoleOptions(granter: Role): { value: Role; label: string }[] {
  return ROLES.filter((role) => canGrant(granter, role)).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
