import { Select } from '@mantine/core';
import { useState } from 'react';
import type { Member, Role } from '../../api/api-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { grantableRoleOptions, ROLE_LABELS } from '../../session/roles';
import { useChangeMemberRole } from './use-members';

interface MemberRoleSelectProps {
  orgSlug: string;
  member: Member;
  myRole: Role;
}

/** Changes a member's role after a confirmation, since it also revokes their API tokens here. */
export function MemberRoleSelect({ orgSlug, member, myRole }: MemberRoleSelectProps) {
  const changeRole = useChangeMemberRole(orgSlug);
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const options = grantableRoleOptions(myRole);
  // A role above ours cannot be granted, but it must still show as the current value.
  const data = options.some((option) => option.value === member.role) ? options : [{ value: member.role, label: ROLE_LABELS[member.role] }, ...options];

  const cancel = (): void => {
    changeRole.reset();
    setPendingRole(null);
  };
  const confirm = (): void => {
    if (pendingRole) changeRole.mutate({ userId: member.userId, role: pendingRole }, { onSuccess: () => setPendingRole(null) });
  };

  return (
    <>
      <Select
        aria-label={`Role of ${member.name}`}
        data={data}
        value={member.role}
        onChange={(value) => value && value !== member.role && setPendingRole(value as Role)}
        allowDeselect={false}
        size="xs"
        w={190}
      />
      <ConfirmDialog
        opened={pendingRole !== null}
        title="Change role"
        confirmLabel="Change role"
        onConfirm={confirm}
        onCancel={cancel}
        isPending={changeRole.isPending}
        error={changeRole.error}
      >
        Change the role of <strong>{member.name}</strong> from {ROLE_LABELS[member.role]} to {pendingRole ? ROLE_LABELS[pendingRole] : ''}? Their API
        tokens in this organization will be revoked.
      </ConfirmDialog>
    </>
  );
}
