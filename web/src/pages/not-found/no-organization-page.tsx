import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useSignOut } from '../../session/use-session';

/** A signed-in person who belongs to no organization yet (an administrator must add them). */
export function NoOrganizationPage({ email }: { email: string }) {
  const signOut = useSignOut();
  useEffect(() => {
    document.title = 'No organization · Bulwark';
  }, []);
  return (
    <Center mih="100vh" bg="gray.0" component="main" px="md">
      <Paper withBorder p="xl" radius="md" maw={480}>
        <Stack gap="sm">
          <Title order={1} size="h3">
            No organization yet
          </Title>
          <Text>
            You are signed in as {email}, but you are not a member of any organization. Ask an administrator of your
            organization to add you.
          </Text>
          <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending} w="fit-content">
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
