import { Button, Group, Radio, SimpleGrid, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import { ControlsPicker, controlOption } from './link-pickers';
import { TREATMENT_LABELS } from './scenario-labels';
import type { Scenario, TreatmentOption } from './scenario-types';
import { useTreatScenario } from './use-scenarios';

interface FormValues {
  option: TreatmentOption | null;
  justification: string;
  plannedControls: string[];
}

const valuesOf = (scenario: Scenario): FormValues => ({
  option: scenario.treatment?.option ?? null,
  justification: scenario.treatment?.justification ?? '',
  plannedControls: scenario.treatment?.plannedControls.map((control) => control.id) ?? [],
});

const FIELDS = ['option', 'justification', 'plannedControls'];

interface TreatmentFormModalProps {
  orgSlug: string;
  scenario: Scenario;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<Scenario | undefined>;
}

/** Decides the treatment: avoid, modify, share or retain, why, and the applied controls of the plan. */
export function TreatmentFormModal({ orgSlug, scenario, opened, onClose, onReload }: TreatmentFormModalProps) {
  const treat = useTreatScenario(orgSlug, scenario.id);
  const [values, setValues] = useState<FormValues>(() => valuesOf(scenario));
  const [version, setVersion] = useState(scenario.version);
  const problem = treat.error ? toProblem(treat.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    treat.reset();
  });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!values.option) return;
    treat.mutate(
      { option: values.option, justification: values.justification.trim(), plannedControls: values.plannedControls, version },
      { onSuccess: onClose },
    );
  };

  return (
    <EditModal
      title={`Treatment of ${scenario.refId}`}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'scenario', error: treat.error, isConflict: isConflict, isEdit: true, fields: FIELDS, reload, isReloading }}
    >
      <Radio.Group
        label="Option"
        withAsterisk
        value={values.option}
        onChange={(option) => setValues((current) => ({ ...current, option: option as TreatmentOption }))}
        error={problem?.fieldMessage('option')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
          {(Object.keys(TREATMENT_LABELS) as TreatmentOption[]).map((option) => (
            <Radio.Card key={option} value={option} radius="md" p="sm" withBorder>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <strong>{TREATMENT_LABELS[option].label}</strong>
                  <div style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>
                    {TREATMENT_LABELS[option].description}
                  </div>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Textarea
        label="Justification"
        required
        autosize
        minRows={2}
        maxRows={6}
        maxLength={5000}
        value={values.justification}
        onChange={(e) => {
          const justification = e.currentTarget.value;
          setValues((current) => ({ ...current, justification }));
        }}
        error={problem?.fieldMessage('justification')}
      />
      <ControlsPicker
        orgSlug={orgSlug}
        label="Planned controls"
        description="Applied controls of the plan; as they are implemented the residual risk moves towards the target"
        value={values.plannedControls}
        onChange={(ids) => setValues((current) => ({ ...current, plannedControls: ids }))}
        known={scenario.treatment?.plannedControls.map(controlOption)}
        error={problem?.fieldMessage('plannedControls')}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={treat.isPending} disabled={!values.option || values.justification.trim() === '' || isConflict}>
          Save treatment
        </Button>
      </Group>
    </EditModal>
  );
}
