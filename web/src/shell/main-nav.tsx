import { NavLink, Stack } from '@mantine/core';
import type { Role } from '../api/api-types';
import { orgPath } from '../router/org-path';
import { linkProps } from '../router/router';
import { navigationEntries, type NavEntry } from './nav-registry';

interface MainNavProps {
  orgSlug: string;
  role: Role;
  activeEntry: NavEntry | null;
  onNavigate?: () => void;
}

/** The left navigation: the registry's entries this role may open. */
export function MainNav({ orgSlug, role, activeEntry, onNavigate }: MainNavProps) {
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {navigationEntries(role).map((entry) => {
        const isActive = entry === activeEntry;
        const { href, onClick } = linkProps(orgPath(orgSlug, entry.path));
        return (
          <li key={entry.path}>
            <NavLink
              component="a"
              href={href}
              onClick={(event) => {
                onClick(event);
                onNavigate?.();
              }}
              label={entry.label}
              leftSection={<entry.icon size={18} stroke={1.7} aria-hidden />}
              active={isActive}
              aria-current={isActive ? 'page' : undefined}
              variant="light"
              fw={isActive ? 600 : 500}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
