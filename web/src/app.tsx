import { Button, Center, Loader, Paper, Stack, Text } from '@mantine/core';
import type { SessionView } from './api/api-types';
import { ProblemAlert } from './components/problem-alert';
import { NoOrganizationPage } from './pages/not-found/no-organization-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { SignInPage } from './pages/sign-in/sign-in-page';
import { orgPath } from './router/org-path';
import { Redirect } from './router/redirect';
import { useLocation } from './router/router';
import { CurrentOrgProvider } from './session/current-org';
import { useSession } from './session/use-session';
import { AppLayout } from './shell/app-layout';
import { isEntryAllowed, resolveOrgRoute } from './shell/nav-registry';

/** Signed out → sign-in; signed in → the organization page the URL names. */
export function App() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center mih="100vh" component="main" aria-busy>
        <Loader aria-label="Loading Bulwark" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center mih="100vh" component="main" px="md">
        <Paper withBorder p="xl" maw={480}>
          <Stack>
            <Text component="h1" fw={700} size="lg">
              Bulwark is not reachable
            </Text>
            <ProblemAlert error={session.error} title="Could not load your session" />
            <Button onClick={() => void session.refetch()} w="fit-content">
              Try again
            </Button>
          </Stack>
        </Paper>
      </Center>
    );
  }
  if (!session.data) return <SignInPage />;
  return <SignedInApp session={session.data} />;
}

function SignedInApp({ session }: { session: SessionView }) {
  const { pathname } = useLocation();
  const firstOrg = session.organizations[0];
  if (!firstOrg) return <NoOrganizationPage email={session.user.email} />;

  const route = resolveOrgRoute(pathname);
  if (!route) return <Redirect to={orgPath(firstOrg.slug)} />;
  const org = session.organizations.find((candidate) => candidate.slug === route.orgSlug);
  if (!org) {
    return (
      <CurrentOrgProvider org={firstOrg} user={session.user}>
        <AppLayout session={session} org={firstOrg} activeEntry={null}>
          <NotFoundPage homePath={orgPath(firstOrg.slug)} title="Organization not found" message={`There is no organization “${route.orgSlug}” that you belong to.`} />
        </AppLayout>
      </CurrentOrgProvider>
    );
  }

  const { entry } = route;
  const isAllowed = entry !== null && isEntryAllowed(entry, org.role);
  return (
    <CurrentOrgProvider org={org} user={session.user}>
      <AppLayout session={session} org={org} activeEntry={isAllowed ? entry : null}>
        {isAllowed ? <entry.page key={`${org.slug}/${entry.path}`} /> : <NotFoundPage homePath={orgPath(org.slug)} />}
      </AppLayout>
    </CurrentOrgProvider>
  );
}
