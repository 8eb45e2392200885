import { ActionIcon, Button, Checkbox, Stack, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useDeleteAsset } from './use-inventory';

interface DeleteAssetButtonProps {
  orgSlug: string;
  asset: { id: string; name: string };
  /** An icon in a table row, or a labelled button on the asset's page. */
  variant: 'icon' | 'button';
  onDeleted?: () => void;
}

/**
 * Deletes an asset after confirmation. The API refuses while dependencies touch it (409, with the count)
 * unless the person also asks to delete those dependencies.
 */
export function DeleteAssetButton({ orgSlug, asset, variant, onDeleted }: DeleteAssetButtonProps) {
  const remove = useDeleteAsset(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const [cascade, setCascade] = useState(false);
  const cancel = (): void => {
    remove.reset();
    setCascade(false);
    setConfirming(false);
  };
  const label = `Delete ${asset.name}`;
  return (
    <>
      {variant === 'icon' ? (
        <Tooltip label="Delete" withArrow>
          <ActionIcon variant="subtle" color="gray" onClick={() => setConfirming(true)} aria-label={label}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming(true)}>
          Delete
        </Button>
      )}
      <ConfirmDialog
        opened={isConfirming}
        title="Delete asset"
        confirmLabel="Delete asset"
        isDestructive
        onConfirm={() =>
          remove.mutate(
            { id: asset.id, cascade },
            {
              onSuccess: () => {
                setConfirming(false);
                onDeleted?.();
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
            Delete <strong>{asset.name}</strong> from the inventory? Its history stays in the audit trail.
          </Text>
          <Checkbox
            label="Also delete the dependencies from and to it"
            description="Without this, an asset that others rely on (or that relies on anything) is not deleted."
            checked={cascade}
            onChange={(event) => setCascade(event.currentTarget.checked)}
          />
        </Stack>
      </ConfirmDialog>
    </>
  );
}
