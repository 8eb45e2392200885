import { Button, Group, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import { dayAfter, DEFAULT_ACCEPTANCE_DAYS } from './acceptance-authority';
import type { Scenario } from './scenario-types';
import { useAcceptRisk } from './use-scenarios';

interface AcceptRiskModalProps {
  orgSlug: string;
  scenario: Scenario;
  /** The longest an acceptance at the residual level may run (null: no limit; the server's default applies). */
  maxDays: number | null;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<Scenario | undefined>;
}

const FIELDS = ['justification', 'conditions', 'expiresOn'];

/** Accepts the residual risk at its level: why, on what conditions, until when (the longest allowed by default). */
export function AcceptRiskModal({ orgSlug, scenario, maxDays, opened, onClose, onReload }: AcceptRiskModalProps) {
  const accept = useAcceptRisk(orgSlug, scenario.id);
  const latest = dayAfter(maxDays ?? DEFAULT_ACCEPTANCE_DAYS);
  const [justification, setJustification] = useState('');
  const [conditions, setConditions] = useState('');
  const [expiresOn, setExpiresOn] = useState(latest);
  const [version, setVersion] = useState(scenario.version);
  const problem = accept.error ? toProblem(accept.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const { reload, isReloading } = useReloadLatest(onReload, (fresh) => {
    setVersion(fresh.version);
    accept.reset();
  });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    accept.mutate(
      { justification: justification.trim(), conditions: conditions.trim() || null, expiresOn: expiresOn || undefined, version },
      { onSuccess: onClose },
    );
  };

  return (
    <EditModal
      title={`Accept the risk of ${scenario.refId}`}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'scenario', error: accept.error, isConflict: isConflict, isEdit: true, fields: FIELDS, reload, isReloading }}
    >
      <Text size="sm">
        You accept the residual risk at level <strong>{scenario.residual?.levelName}</strong> ({scenario.residual?.likelihoodName} ×{' '}
        {scenario.residual?.consequenceName}) until the date below; then it must be accepted again or treated further.
      </Text>
      <Textarea
        label="Justification"
        required
        data-autofocus
        autosize
        minRows={2}
        maxRows={6}
        maxLength={5000}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        error={problem?.fieldMessage('justification')}
      />
      <Textarea
        label="Conditions"
        description="What must stay true for the acceptance to hold"
        autosize
        minRows={1}
        maxRows={4}
        maxLength={5000}
        value={conditions}
        onChange={(e) => setConditions(e.currentTarget.value)}
        error={problem?.fieldMessage('conditions')}
      />
      <TextInput
        label="Valid through"
        description={
          maxDays
            ? `At most ${maxDays} days at this level: ${latest} at the latest`
            : `${DEFAULT_ACCEPTANCE_DAYS} days unless you choose otherwise`
        }
        type="date"
        min={dayAfter(0)}
        max={maxDays ? latest : undefined}
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.currentTarget.value)}
        error={problem?.fieldMessage('expiresOn')}
        w={260}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={accept.isPending} disabled={justification.trim() === '' || isConflict}>
          Accept risk
        </Button>
      </Group>
    </EditModal>
  );
}
