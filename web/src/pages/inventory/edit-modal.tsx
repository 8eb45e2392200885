import { Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { SaveError } from './save-error';

/** Scrolls a freshly shown error into view: a long form's error would otherwise sit above the fold. */
const revealOnMount = (node: HTMLDivElement | null): void => node?.scrollIntoView({ block: 'start' });

interface EditModalProps {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The last save's outcome: `error` null while there is nothing to say. */
  failure: SaveFailure;
  children: ReactNode;
}

export interface SaveFailure {
  /** What is being saved, as the alert names it: "asset", "scenario". */
  what: string;
  error: unknown;
  /** A 409 VERSION_CONFLICT: someone saved first. */
  isConflict: boolean;
  isEdit: boolean;
  fields: readonly string[];
  /** Loads the latest version after a conflict (useReloadLatest); undefined when the form cannot. */
  reload: (() => Promise<void>) | undefined;
  isReloading: boolean;
}

/** The frame of an add/edit form in a dialog: title, the save error on top (scrolled to), then the fields. */
export function EditModal({ title, opened, onClose, onSubmit, failure, children }: EditModalProps) {
  const { reload, error, ...rest } = failure;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={700}>{title}</Text>}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {error !== null && error !== undefined ? (
            <div ref={revealOnMount}>
              <SaveError {...rest} error={error} onReload={reload ? () => void reload() : undefined} />
            </div>
          ) : null}
          {children}
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * After a version conflict: loads the latest version of the record and hands it to `apply` (which refills
 * the form). `reload` is undefined when the form has no way to load it.
 */
export function useReloadLatest<T>(onReload: (() => Promise<T | undefined>) | undefined, apply: (latest: T) => void) {
  const [isReloading, setReloading] = useState(false);
  const reload = onReload
    ? async (): Promise<void> => {
        setReloading(true);
        try {
          const latest = await onReload();
          if (latest) apply(latest);
        } finally {
          setReloading(false);
        }
      }
    : undefined;
  return { reload, isReloading };
}
