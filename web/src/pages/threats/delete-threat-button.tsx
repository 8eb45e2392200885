import { Button, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { NamedByScenariosAlert, NamedByScenariosProblem } from './named-by-scenarios';
import type { Threat } from './threat-types';
import { useDeleteThreat } from './use-threats';

/** Deletes a threat of your own after confirmation; the API refuses while risk scenarios name it, and says which. */
export function DeleteThreatButton({ orgSlug, threat, onDeleted }: { orgSlug: string; threat: Threat; onDeleted: () => void }) {
  const remove = useDeleteThreat(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const inUse = remove.error instanceof NamedByScenariosProblem ? remove.error : null;
  const cancel = (): void => {
    remove.reset();
    setConfirming(false);
  };
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDialog
        opened={isConfirming}
        title="Delete threat"
        confirmLabel="Delete"
        isDestructive
        onConfirm={() =>
          remove.mutate(threat.id, {
            onSuccess: () => {
              setConfirming(false);
              onDeleted();
            },
          })
        }
        onCancel={cancel}
        isPending={remove.isPending}
        error={inUse ? null : remove.error}
      >
        <Stack gap="sm">
          <Text size="sm">
            Delete <strong>{threat.name}</strong>? Its history stays in the audit trail.
          </Text>
          {inUse && <NamedByScenariosAlert orgSlug={orgSlug} problem={inUse} what="threat" />}
        </Stack>
      </ConfirmDialog>
    </>
  );
}
