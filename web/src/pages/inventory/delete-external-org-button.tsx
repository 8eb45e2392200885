import { Button, Checkbox, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import type { ExternalOrganization } from './inventory-types';
import { useDeleteExternalOrganization } from './use-inventory';

/** Deletes an outside organization; refused while assets or dependencies reference it, unless asked to detach them. */
export function DeleteExternalOrgButton({
  orgSlug,
  organization,
  onDeleted,
}: {
  orgSlug: string;
  organization: ExternalOrganization;
  onDeleted: () => void;
}) {
  const remove = useDeleteExternalOrganization(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const [cascade, setCascade] = useState(false);
  const isReferenced = organization.operatedAssets > 0 || organization.directDependents > 0;
  const cancel = (): void => {
    remove.reset();
    setCascade(false);
    setConfirming(false);
  };
  return (
    <>
      <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDialog
        opened={isConfirming}
        title="Delete outside organization"
        confirmLabel="Delete organization"
        isDestructive
        onConfirm={() =>
          remove.mutate(
            { id: organization.id, cascade },
            {
              onSuccess: () => {
                setConfirming(false);
                onDeleted();
              },
            },
          )
        }
        onCancel={cancel}
        isPending={remove.isPending}
        error={remove.error}
      >
        <Stack gap="sm">
          <Text size="sm">
            Delete <strong>{organization.name}</strong>?
            {isReferenced &&
              ` It operates ${organization.operatedAssets} ${organization.operatedAssets === 1 ? 'asset' : 'assets'} and ${organization.directDependents} ${organization.directDependents === 1 ? 'dependency points' : 'dependencies point'} at it.`}
          </Text>
          {isReferenced && (
            <Checkbox
              label="Also delete the dependencies on it and make the assets it operates your own"
              description="Without this, an organization that anything references is not deleted."
              checked={cascade}
              onChange={(event) => setCascade(event.currentTarget.checked)}
            />
          )}
        </Stack>
      </ConfirmDialog>
    </>
  );
}
