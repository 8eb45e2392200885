import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Organization, SessionView } from '../api/api-types';
import { orgPath } from '../router/org-path';
import { linkProps } from '../router/router';
import { MainNav } from './main-nav';
import type { NavEntry } from './nav-registry';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

interface AppLayoutProps {
  session: SessionView;
  org: Organization;
  activeEntry: NavEntry | null;
  children: ReactNode;
}

function focusMain(): void {
  document.getElementById('main')?.focus();
}

/** The signed-in frame: header (product, organization, account), navigation on the left, the page in main. */
export function AppLayout({ session, org, activeEntry, children }: AppLayoutProps) {
  const [isNavOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 236, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }} padding="lg">
      <a href="#main" className="skip-link" onClick={(event) => (event.preventDefault(), focusMain())}>
        Skip to main content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'} />
            <Anchor {...linkProps(orgPath(org.slug))} underline="never" aria-label="Bulwark home" className="brand-link">
              <Group gap={6} wrap="nowrap">
                <IconShieldLock size={26} stroke={1.8} color="var(--mantine-color-indigo-7)" aria-hidden />
                <Text fz={20} fw={800} c="indigo.9" visibleFrom="xs" component="span">
                  Bulwark
                </Text>
              </Group>
            </Anchor>
            <OrgSwitcher organizations={session.organizations} current={org} activeEntry={activeEntry} />
          </Group>
          <UserMenu user={session.user} role={org.role} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <MainNav orgSlug={org.slug} role={org.role} activeEntry={activeEntry} onNavigate={closeNav} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
        <div className="page-container">{children}</div>
      </AppShell.Main>
    </AppShell>
  );
}
