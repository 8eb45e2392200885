import type { Icon } from '@tabler/icons-react';
import { IconHome, IconKey, IconListSearch, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../api/api-types';
import { AuditPage } from '../pages/audit/audit-page';
import { HomePage } from '../pages/home/home-page';
import { MembersPage } from '../pages/members/members-page';
import { TokensPage } from '../pages/tokens/tokens-page';
import { matchPath } from '../router/router';
import { ROLES, rolesWith } from '../session/roles';

/**
 * One page of an organization: its navigation entry and its route at once. A new capability adds one entry
 * here; the left navigation, the URL `/o/:org/<path>` and the role check all follow from it.
 */
export interface NavEntry {
  label: string;
  /** Relative to the organization: '' is its home (`/o/:org`), 'audit' is `/o/:org/audit`. */
  path: string;
  icon: Icon;
  /** Roles that see the entry and may open the page (the API enforces the same rules). */
  roles: readonly Role[];
  page: ComponentType;
  /** Detail pages (`assets/:assetId`) have a route and a role check but no link in the navigation. */
  hidden?: boolean;
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { label: 'Home', path: '', icon: IconHome, roles: ROLES, page: HomePage },
  { label: 'Audit trail', path: 'audit', icon: IconListSearch, roles: rolesWith('audit:read'), page: AuditPage },
  { label: 'Members', path: 'members', icon: IconUsers, roles: rolesWith('members:read'), page: MembersPage },
  // Everyone manages their own tokens; administrators and auditors see all of them.
  { label: 'API tokens', path: 'tokens', icon: IconKey, roles: ROLES, page: TokensPage },
];

/** Entries shown in the left navigation, in order. */
export const navigationEntries = (role: Role): NavEntry[] => NAV_ENTRIES.filter((entry) => !entry.hidden && isEntryAllowed(entry, role));

export const isEntryAllowed = (entry: NavEntry, role: Role): boolean => entry.roles.includes(role);

export interface OrgRoute {
  orgSlug: string;
  /** Null when the path names no page of the organization. */
  entry: NavEntry | null;
}

/** Reads `/o/:org/<path>`; null for URLs outside any organization. */
export function resolveOrgRoute(pathname: string): OrgRoute | null {
  const [first, orgSlug] = pathname.split('/').filter(Boolean);
  if (first !== 'o' || !orgSlug) return null;
  const entry = NAV_ENTRIES.find((candidate) => matchPath(`/o/:org/${candidate.path}`, pathname) !== null);
  return { orgSlug: decodeURIComponent(orgSlug), entry: entry ?? null };
}
