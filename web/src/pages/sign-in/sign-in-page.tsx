import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { toProblem, type ApiProblem } from '../../api/api-problem';
import { useSignIn } from '../../session/use-session';

function explain(problem: ApiProblem): string {
  if (problem.code === 'INVALID_CREDENTIALS') return 'The email or password is not right. Check them and try again.';
  if (problem.status === 429) return 'Too many attempts. Wait a minute before you try again.';
  if (problem.code === 'VALIDATION_FAILED') return 'Check the highlighted fields.';
  return problem.detail;
}

/** Email and password sign-in; on success the session query holds the user and the shell appears. */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const problem = signIn.error ? toProblem(signIn.error) : null;

  useEffect(() => {
    document.title = 'Sign in · Bulwark';
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Center mih="100vh" bg="gray.0" px="md" component="main">
      <Box w="100%" maw={400}>
        <Group gap="xs" justify="center" mb="lg">
          <IconShieldLock size={32} stroke={1.8} color="var(--mantine-color-indigo-7)" aria-hidden />
          <Text fz={24} fw={800} c="indigo.9">
            Bulwark
          </Text>
        </Group>
        <Paper withBorder shadow="sm" radius="md" p="xl">
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3" id="sign-in-title">
                  Sign in
                </Title>
                <Text size="sm" c="dimmed">
                  Cybersecurity management for your organization
                </Text>
              </div>
              {problem && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" title={problem.status === 429 ? 'Too many attempts' : 'Could not sign in'}>
                  {explain(problem)}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={problem?.fieldMessage('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={problem?.fieldMessage('password')}
              />
              <Button type="submit" fullWidth loading={signIn.isPending}>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
