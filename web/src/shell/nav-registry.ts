import type { Icon } from '@tabler/icons-react';
import { IconBug, IconFileImport, IconGraph, IconHome, IconKey, IconListSearch, IconSpy, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { IconAlertTriangle, IconBuildingSkyscraper, IconChartLine, IconShieldCheck, IconStack2, IconTable } from '@tabler/icons-react';
import type { Role } from '../api/api-types';
import { AuditPage } from '../pages/audit/audit-page';
import { ControlsPage } from '../pages/controls/controls-page';
import { GraphPage } from '../pages/graph/graph-page';
import { HomePage } from '../pages/home/home-page';
import { ImportPage } from '../pages/import/import-page';
import { AssetPage } from '../pages/inventory/asset-page';
import { ExternalOrgPage } from '../pages/inventory/external-org-page';
import { ExternalOrgsPage } from '../pages/inventory/external-orgs-page';
import { InventoryPage } from '../pages/inventory/inventory-page';
import { MembersPage } from '../pages/members/members-page';
import { RiskCriteriaPage } from '../pages/risk-criteria/risk-criteria-page';
import { PortfolioPage } from '../pages/risk-fair/portfolio-page';
import { RiskRegisterPage } from '../pages/risk-scenarios/risk-register-page';
import { ScenarioPage } from '../pages/risk-scenarios/scenario-page';
import { ThreatsPage } from '../pages/threats/threats-page';
import { TokensPage } from '../pages/tokens/tokens-page';
import { VulnerabilitiesPage } from '../pages/vulnerabilities/vulnerabilities-page';
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
  { label: 'Inventory', path: 'assets', icon: IconStack2, roles: rolesWith('inventory:read'), page: InventoryPage },
  { label: 'Asset', path: 'assets/:assetId', icon: IconStack2, roles: rolesWith('inventory:read'), page: AssetPage, hidden: true },
  {
    label: 'Outside organizations',
    path: 'external-organizations',
    icon: IconBuildingSkyscraper,
    roles: rolesWith('inventory:read'),
    page: ExternalOrgsPage,
  },
  {
    label: 'Outside organization',
    path: 'external-organizations/:orgId',
    icon: IconBuildingSkyscraper,
    roles: rolesWith('inventory:read'),
    page: ExternalOrgPage,
    hidden: true,
  },
  { label: 'Import', path: 'inventory/import', icon: IconFileImport, roles: rolesWith('inventory:write'), page: ImportPage },
  { label: 'Risk criteria', path: 'risk/criteria', icon: IconTable, roles: rolesWith('risk:read'), page: RiskCriteriaPage },
  { label: 'Risk register', path: 'risk/scenarios', icon: IconAlertTriangle, roles: rolesWith('risk:read'), page: RiskRegisterPage },
  { label: 'Risk portfolio', path: 'risk/portfolio', icon: IconChartLine, roles: rolesWith('risk:read'), page: PortfolioPage },
  {
    label: 'Risk scenario',
    path: 'risk/scenarios/:scenarioId',
    icon: IconAlertTriangle,
    roles: rolesWith('risk:read'),
    page: ScenarioPage,
    hidden: true,
  },
  { label: 'Threats', path: 'risk/threats', icon: IconSpy, roles: rolesWith('risk:read'), page: ThreatsPage },
  { label: 'Vulnerabilities', path: 'risk/vulnerabilities', icon: IconBug, roles: rolesWith('risk:read'), page: VulnerabilitiesPage },
  { label: 'Applied controls', path: 'controls', icon: IconShieldCheck, roles: rolesWith('controls:read'), page: ControlsPage },
  { label: 'Audit trail', path: 'audit', icon: IconListSearch, roles: rolesWith('audit:read'), page: AuditPage },
  { label: 'Members', path: 'members', icon: IconUsers, roles: rolesWith('members:read'), page: MembersPage },
  // Everyone manages their own tokens; administrators and auditors see all of them.
  { label: 'API tokens', path: 'tokens', icon: IconKey, roles: ROLES, page: TokensPage },
  {
    label: 'Dependency graph',
    path: 'assets/:assetId/graph',
    icon: IconGraph,
    roles: rolesWith('inventory:read'),
    page: GraphPage,
    hidden: true,
  },
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
