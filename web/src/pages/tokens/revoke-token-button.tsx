import { Button } from '@mantine/core';
import { useState } from 'react';
import type { ApiToken } from '../../api/api-types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useRevokeToken } from './use-tokens';

/** Revokes a token after confirmation; anything using it is refused from then on. */
export function RevokeTokenButton({ orgSlug, token }: { orgSlug: string; token: ApiToken }) {
  const revoke = useRevokeToken(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const cancel = (): void => {
    revoke.reset();
    setConfirming(false);
  };
  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming(true)} aria-label={`Revoke token ${token.name}`}>
        Revoke
      </Button>
      <ConfirmDialog
        opened={isConfirming}
        title="Revoke API token"
        confirmLabel="Revoke token"
        isDestructive
        onConfirm={() => revoke.mutate(token.id, { onSuccess: () => setConfirming(false) })}
        onCancel={cancel}
        isPending={revoke.isPending}
        error={revoke.error}
      >
        Revoke <strong>{token.name}</strong> ({token.prefix}…, owned by {token.userEmail})? Every integration using it will be refused at once. This
        cannot be undone.
      </ConfirmDialog>
    </>
  );
}
