import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import type { CreatedToken, Role } from '../../api/api-types';
import { OneTimeSecret } from '../../components/one-time-secret';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../lib/format';
import { grantableRoleOptions, ROLE_LABELS } from '../../session/roles';
import { useCreateToken } from './use-tokens';

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (not recommended)' },
];

function expiryFrom(choice: string, now: Date = new Date()): string | undefined {
  const days = Number(choice);
  return Number.isFinite(days) ? new Date(now.getTime() + days * 24 * 3600 * 1000).toISOString() : undefined;
}

interface CreateTokenModalProps {
  orgSlug: string;
  myRole: Role;
  opened: boolean;
  onClose: () => void;
}

/** Creates a token for the signed-in user; its secret is shown here once, then never again. */
export function CreateTokenModal({ orgSlug, myRole, opened, onClose }: CreateTokenModalProps) {
  const createToken = useCreateToken(orgSlug);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState('90');
  const problem = createToken.error ? toProblem(createToken.error) : null;

  // Cleared once the dialog has faded out (this also drops the secret from memory), so it never flashes back
  // to the empty form while closing.
  const clear = (): void => {
    createToken.reset();
    setName('');
    setRole('viewer');
    setExpiry('90');
  };
  const close = onClose;
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const expiresAt = expiryFrom(expiry);
    createToken.mutate({ name: name.trim(), role, ...(expiresAt ? { expiresAt } : {}) });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={clear}
      title={<Text fw={700}>{createToken.data ? 'API token created' : 'Create an API token'}</Text>}
      size="lg"
      centered
      // The secret exists only in this dialog: an accidental click outside must not lose it.
      closeOnClickOutside={!createToken.data}
    >
      {createToken.data ? (
        <CreatedTokenView created={createToken.data} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              The token acts as you, limited to the role you choose, in this organization only.
            </Text>
            <ProblemAlert error={createToken.error} title="Could not create the token" fields={['name', 'role', 'expiresAt']} />
            <TextInput
              label="Name"
              description="Say what uses it, e.g. “SIEM export”"
              required
              maxLength={100}
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problem?.fieldMessage('name')}
            />
            <Group grow align="flex-start">
              <Select
                label="Role"
                description="At most your own role"
                required
                data={grantableRoleOptions(myRole)}
                value={role}
                onChange={(value) => value && setRole(value as Role)}
                allowDeselect={false}
                error={problem?.fieldMessage('role')}
              />
              <Select
                label="Expires after"
                description="Shorter is safer"
                data={EXPIRY_OPTIONS}
                value={expiry}
                onChange={(value) => value && setExpiry(value)}
                allowDeselect={false}
                error={problem?.fieldMessage('expiresAt')}
              />
            </Group>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={createToken.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function CreatedTokenView({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { token, secret } = created;
  return (
    <Stack gap="md">
      <Text size="sm">
        <strong>{token.name}</strong> has the role {ROLE_LABELS[token.role]} and {token.expiresAt ? `expires on ${formatDate(token.expiresAt)}` : 'never expires'}.
        Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.
      </Text>
      <OneTimeSecret
        label="Token secret"
        secret={secret}
        warning="Store the secret in your integration's secret store now. Bulwark keeps only a hash of it; if it is lost, revoke this token and create a new one."
      />
      <Group justify="flex-end">
        <Button onClick={onDone}>I have stored it</Button>
      </Group>
    </Stack>
  );
}
