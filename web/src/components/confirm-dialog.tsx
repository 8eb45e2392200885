import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  isPending?: boolean;
  error?: unknown;
  /** Red for destructive actions (revoke, remove). */
  isDestructive?: boolean;
}

/** Asks before an action that cannot be undone; Cancel has the focus so Enter never destroys by accident. */
export function ConfirmDialog({ opened, title, children, confirmLabel, onConfirm, onCancel, isPending, error, isDestructive }: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={<Text fw={700}>{title}</Text>} centered>
      <Stack gap="md">
        <Text size="sm" component="div">
          {children}
        </Text>
        <ProblemAlert error={error} title="That did not work" />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Cancel
          </Button>
          <Button color={isDestructive ? 'red' : undefined} onClick={onConfirm} loading={isPending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
