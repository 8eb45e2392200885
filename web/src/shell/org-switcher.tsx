import { Select } from '@mantine/core';
import type { Organization } from '../api/api-types';
import { orgPath } from '../router/org-path';
import { navigate } from '../router/router';
import { isEntryAllowed, type NavEntry } from './nav-registry';

interface OrgSwitcherProps {
  organizations: readonly Organization[];
  current: Organization;
  activeEntry: NavEntry | null;
}

/** Switches organization, staying on the same page when the role there allows it. */
export function OrgSwitcher({ organizations, current, activeEntry }: OrgSwitcherProps) {
  const switchTo = (slug: string | null): void => {
    const target = organizations.find((org) => org.slug === slug);
    if (!target || target.slug === current.slug) return;
    const keepPage = activeEntry && isEntryAllowed(activeEntry, target.role);
    navigate(orgPath(target.slug, keepPage ? activeEntry.path : ''));
  };

  return (
    <Select
      aria-label="Organization"
      data={organizations.map((org) => ({ value: org.slug, label: org.name }))}
      value={current.slug}
      onChange={switchTo}
      allowDeselect={false}
      searchable={organizations.length > 8}
      w={{ base: 150, sm: 240 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
