import { Button, Group, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import type { Scenario } from './scenario-types';
import { useReviewScenario } from './use-scenarios';

interface ReviewModalProps {
  orgSlug: string;
  scenario: Scenario;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<Scenario | undefined>;
}

/** Records a review of the scenario, with what was looked at; the next one falls a period on. */
export function ReviewModal({ orgSlug, scenario, opened, onClose, onReload }: ReviewModalProps) {
  const review = useReviewScenario(orgSlug, scenario.id);
  const [note, setNote] = useState('');
  const [version, setVersion] = useState(scenario.version);
  const problem = review.error ? toProblem(review.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setVersion(latest.version);
    review.reset();
  });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    review.mutate({ ...(note.trim() ? { note: note.trim() } : {}), version }, { onSuccess: onClose });
  };

  return (
    <EditModal
      title={`Review ${scenario.refId}`}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'scenario', error: review.error, isConflict, isEdit: true, fields: ['note'], reload, isReloading }}
    >
      <Text size="sm">Confirm that the scenario, its ratings and its treatment still hold. The next review is set a period on.</Text>
      <Textarea
        label="Note"
        description="What you checked, what changed"
        data-autofocus
        autosize
        minRows={2}
        maxRows={6}
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={problem?.fieldMessage('note')}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={review.isPending} disabled={isConflict}>
          Mark reviewed
        </Button>
      </Group>
    </EditModal>
  );
}
