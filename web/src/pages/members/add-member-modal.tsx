import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import type { AddMemberResult, Role } from '../../api/api-types';
import { OneTimeSecret } from '../../components/one-time-secret';
import { ProblemAlert } from '../../components/problem-alert';
import { grantableRoleOptions, ROLE_LABELS } from '../../session/roles';
import { useAddMember } from './use-members';

interface AddMemberModalProps {
  orgSlug: string;
  myRole: Role;
  opened: boolean;
  onClose: () => void;
}

/** Adds a person by email; a new account's one-time password is shown here once. */
export function AddMemberModal({ orgSlug, myRole, opened, onClose }: AddMemberModalProps) {
  const addMember = useAddMember(orgSlug);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const problem = addMember.error ? toProblem(addMember.error) : null;

  // Cleared once the dialog has faded out, so it never flashes back to the empty form while closing.
  const clear = (): void => {
    addMember.reset();
    setEmail('');
    setName('');
    setRole('viewer');
  };
  const close = onClose;
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    addMember.mutate({ email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) });
  };

  return (
    <Modal opened={opened} onClose={close} onExitTransitionEnd={clear} title={<Text fw={700}>{addMember.data ? 'Member added' : 'Add a member'}</Text>} size="lg" centered>
      {addMember.data ? (
        <AddedMember result={addMember.data} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ProblemAlert error={addMember.error} title="Could not add the member" fields={['email', 'name', 'role']} />
            <TextInput label="Email" type="email" required data-autofocus value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={problem?.fieldMessage('email')} />
            <TextInput
              label="Name"
              description="Needed when the person has no Bulwark account yet"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={problem?.fieldMessage('name')}
            />
            <Select
              label="Role"
              required
              data={grantableRoleOptions(myRole)}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              allowDeselect={false}
              error={problem?.fieldMessage('role')}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={addMember.isPending}>
                Add member
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function AddedMember({ result, onDone }: { result: AddMemberResult; onDone: () => void }) {
  const { member, initialPassword } = result;
  return (
    <Stack gap="md">
      <Text size="sm">
        {member.name} ({member.email}) is now a member with the role {ROLE_LABELS[member.role]}.
      </Text>
      {initialPassword ? (
        <OneTimeSecret
          label="Initial password"
          secret={initialPassword}
          warning={`A new account was created. Hand this password to ${member.name} through a trusted channel; Bulwark does not store it in readable form and will not show it again.`}
        />
      ) : (
        <Text size="sm" c="dimmed">
          They already had an account, so they sign in with their existing password.
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onDone} data-autofocus>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
