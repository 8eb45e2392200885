import { Button, Divider, Group, NumberInput, Radio, Select, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isPathOf, toProblem } from '../../api/api-problem';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import { CalibrationGuidance } from './calibration-guidance';
import { CompoundInputs } from './compound-inputs';
import { ControlsEditor } from './controls-editor';
import type { ErrorAt } from './distribution-input';
import { draftFromAnalysis, pathsOf, toBody, type FairDraft, type NumberField } from './fair-draft';
import { COMPOUND_FACTORS, MODEL_LABELS, PRODUCT_FACTORS } from './fair-labels';
import type { FairAnalysis, FairModel, PertSampling, ScenarioFair, SharedDriver } from './fair-types';
import { ProductInputs } from './product-inputs';
import { useSaveScenarioFair } from './use-fair';

interface FairFormModalProps {
  orgSlug: string;
  scenarioId: string;
  refId: string;
  analysis: FairAnalysis | null;
  currency: string | null;
  drivers: SharedDriver[];
  opened: boolean;
  onClose: () => void;
  /** Loads the latest analysis after a version conflict. */
  onReload: () => Promise<ScenarioFair | undefined>;
}

/** Another model: controls keep their names and costs, effects on factors the model lacks move to its first factor. */
function withModel(draft: FairDraft, model: FairModel): FairDraft {
  const factors = model === 'product' ? PRODUCT_FACTORS : COMPOUND_FACTORS;
  const controls = draft.controls.map((control) => ({
    ...control,
    effects: control.effects.map((effect) => (factors.includes(effect.factor) ? effect : { ...effect, factor: factors[0]! })),
  }));
  return { ...draft, model, controls };
}

const PERT_SAMPLING_OPTIONS: { value: PertSampling; label: string }[] = [
  { value: 'exact', label: 'Exact (default)' },
  { value: 'table', label: 'Fast: inverse-CDF table' },
];

const asNumber = (value: number | string): NumberField => (typeof value === 'number' ? value : value === '' ? '' : Number(value));

/** Enters or changes a scenario's FAIR estimates, controls and run settings; the server checks every figure. */
export function FairFormModal({ orgSlug, scenarioId, refId, analysis, currency, drivers, opened, onClose, onReload }: FairFormModalProps) {
  const save = useSaveScenarioFair(orgSlug, scenarioId);
  const [draft, setDraft] = useState<FairDraft>(() => draftFromAnalysis(analysis));
  const change = (patch: Partial<FairDraft>): void => setDraft((current) => ({ ...current, ...patch }));
  const [version, setVersion] = useState(analysis?.version);
  const problem = save.error ? toProblem(save.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setDraft(draftFromAnalysis(latest.analysis));
    setVersion(latest.analysis?.version);
    save.reset();
  });
  const errorAt: ErrorAt = (path) => problem?.fieldProblems.find((field) => isPathOf(field.path, path))?.message;
  // Every path the form shows a problem at: the body's own paths, less the two containers that have no field.
  const fields = pathsOf(toBody(draft)).filter((path) => path !== 'inputs' && path !== 'controls');

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    save.mutate(toBody(draft, version), { onSuccess: onClose });
  };

  return (
    <EditModal
      title={`FAIR analysis of ${refId}`}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{
        what: 'analysis',
        error: save.error,
        isConflict,
        isEdit: analysis !== null,
        fields,
        reload,
        isReloading,
      }}
    >
      <Radio.Group
        label="Model"
        value={draft.model}
        onChange={(model) => setDraft((current) => withModel(current, model as FairModel))}
        error={errorAt('model')}
      >
        <Group mt={6} gap="xl" align="flex-start">
          {(['product', 'compound'] as const).map((model) => (
            <Radio key={model} value={model} label={MODEL_LABELS[model].label} description={MODEL_LABELS[model].description} maw={360} />
          ))}
        </Group>
      </Radio.Group>
      <CalibrationGuidance />
      {draft.model === 'product' ? (
        <ProductInputs draft={draft} change={change} errorAt={errorAt} currency={currency} drivers={drivers} />
      ) : (
        <CompoundInputs draft={draft} change={change} errorAt={errorAt} currency={currency} />
      )}
      <Divider label="Controls" labelPosition="left" />
      <ControlsEditor
        model={draft.model}
        controls={draft.controls}
        onChange={(controls) => change({ controls })}
        errorAt={errorAt}
        currency={currency}
      />
      <Divider label="Simulation" labelPosition="left" />
      <Group align="flex-start" gap="md">
        <NumberInput
          label="Iterations"
          description="Simulated years; more gives steadier tails"
          w={220}
          min={1}
          step={10_000}
          thousandSeparator=","
          value={draft.iterations}
          onChange={(value) => change({ iterations: asNumber(value) })}
          error={errorAt('iterations')}
        />
        <NumberInput
          label="Seed"
          description="The same seed gives the same result"
          w={220}
          min={0}
          allowDecimal={false}
          hideControls
          value={draft.seed}
          onChange={(value) => change({ seed: asNumber(value) })}
          error={errorAt('seed')}
        />
        <Select
          label="PERT sampling"
          description="Exact, or from a table per input: about three times faster on large portfolios, approximate"
          w={300}
          allowDeselect={false}
          data={PERT_SAMPLING_OPTIONS}
          value={draft.pertSampling}
          onChange={(value) => change({ pertSampling: (value ?? 'exact') as PertSampling })}
          error={errorAt('pertSampling')}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Saving keeps the estimates; run the simulation from the card afterwards.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending} disabled={isConflict}>
          Save analysis
        </Button>
      </Group>
    </EditModal>
  );
}
