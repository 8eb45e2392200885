import { Button } from '@mantine/core';
import { useState } from 'react';
import type { Member } from '../../api/api-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRemoveMember } from './use-members';

/** Removes a member after confirmation. */
export function RemoveMemberButton({ orgSlug, member }: { orgSlug: string; member: Member }) {
  const removeMember = useRemoveMember(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const cancel = (): void => {
    removeMember.reset();
    setConfirming(false);
  };
  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming(true)} aria-label={`Remove ${member.name}`}>
        Remove
      </Button>
      <ConfirmDialog
        opened={isConfirming}
        title="Remove member"
        confirmLabel="Remove member"
        isDestructive
        onConfirm={() => removeMember.mutate(member.userId, { onSuccess: () => setConfirming(false) })}
        onCancel={cancel}
        isPending={removeMember.isPending}
        error={removeMember.error}
      >
        Remove <strong>{member.name}</strong> ({member.email}) from this organization? They lose access at once and their API tokens here are
        revoked. Their account itself remains.
      </ConfirmDialog>
    </>
  );
}
