import { Button, Checkbox, Divider, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { Fragment, useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import { LevelNameBadge } from './risk-level-badge';
import { KNOWLEDGE_LABELS, options, RATING_DESCRIPTIONS, RATING_LABELS } from './scenario-labels';
import type { Scenario, StrengthOfKnowledge } from './scenario-types';
import { useAssessScenario } from './use-scenarios';

const EDITABLE = ['inherent', 'current', 'target'] as const;
type Editable = (typeof EDITABLE)[number];

interface RatingValues {
  likelihood: string | null;
  consequence: string | null;
  rationale: string;
}
type FormValues = Record<Editable, RatingValues> & { strengthOfKnowledge: StrengthOfKnowledge | null; useLatestCriteria: boolean };

function valuesOf(scenario: Scenario): FormValues {
  const rating = (name: Editable): RatingValues => ({
    likelihood: scenario[name] ? String(scenario[name].likelihood) : null,
    consequence: scenario[name] ? String(scenario[name].consequence) : null,
    rationale: scenario.rationale[name] ?? '',
  });
  return {
    inherent: rating('inherent'),
    current: rating('current'),
    target: rating('target'),
    strengthOfKnowledge: scenario.strengthOfKnowledge,
    useLatestCriteria: false,
  };
}

const FIELDS = ['inherent', 'current', 'target', 'likelihood', 'consequence', 'rationale', 'strengthOfKnowledge'];

interface AssessmentFormModalProps {
  orgSlug: string;
  scenario: Scenario;
  /** The scales of the scenario's criteria version. */
  definition: CriteriaDefinition;
  opened: boolean;
  onClose: () => void;
  onReload: () => Promise<Scenario | undefined>;
}

/** Rates the scenario: likelihood and consequence by their scale names, with the level they give, and why. */
export function AssessmentFormModal({ orgSlug, scenario, definition, opened, onClose, onReload }: AssessmentFormModalProps) {
  const assess = useAssessScenario(orgSlug, scenario.id);
  const [values, setValues] = useState<FormValues>(() => valuesOf(scenario));
  const [version, setVersion] = useState(scenario.version);
  const problem = assess.error ? toProblem(assess.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    assess.reset();
  });
  const setRating = (name: Editable, change: Partial<RatingValues>): void =>
    setValues((current) => ({ ...current, [name]: { ...current[name], ...change } }));
  const likelihoodOptions = definition.likelihood.map((level, index) => ({ value: String(index), label: level.name }));
  const consequenceOptions = definition.consequence.map((level, index) => ({ value: String(index), label: level.name }));
  const isHalfRated = (name: Editable): boolean => (values[name].likelihood === null) !== (values[name].consequence === null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (EDITABLE.some(isHalfRated)) return;
    const rating = (name: Editable) =>
      values[name].likelihood === null || values[name].consequence === null
        ? null
        : { likelihood: Number(values[name].likelihood), consequence: Number(values[name].consequence) };
    const text = (value: string): string | null => (value.trim() ? value.trim() : null);
    assess.mutate(
      {
        inherent: rating('inherent'),
        current: rating('current'),
        target: rating('target'),
        rationale: {
          inherent: text(values.inherent.rationale),
          current: text(values.current.rationale),
          target: text(values.target.rationale),
        },
        strengthOfKnowledge: values.strengthOfKnowledge,
        useLatestCriteria: values.useLatestCriteria,
        version,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <EditModal
      title={`Assess ${scenario.refId}`}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'scenario', error: assess.error, isConflict: isConflict, isEdit: true, fields: FIELDS, reload, isReloading }}
    >
      {EDITABLE.map((name, index) => {
        const { likelihood, consequence } = values[name];
        const levelIndex =
          likelihood !== null && consequence !== null ? definition.matrix[Number(likelihood)]?.[Number(consequence)] : undefined;
        const level = levelIndex !== undefined ? definition.levels[levelIndex] : undefined;
        const label = RATING_LABELS[name];
        return (
          <Fragment key={name}>
            {index > 0 && <Divider />}
            <Stack gap="xs" role="group" aria-label={`${label} rating`}>
              <Group justify="space-between" align="baseline" gap="xs">
                <Text fw={700}>
                  {label}{' '}
                  <Text span size="sm" c="dimmed" fw={400}>
                    {RATING_DESCRIPTIONS[name]}
                  </Text>
                </Text>
                {level ? (
                  <Group gap={6}>
                    <Text size="sm" c="dimmed">
                      Level:
                    </Text>
                    <LevelNameBadge name={level.name} colour={level.colour} />
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not rated
                  </Text>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Select
                  label={`${label} likelihood`}
                  placeholder="Not rated"
                  data={likelihoodOptions}
                  value={likelihood}
                  onChange={(value) => setRating(name, { likelihood: value })}
                  clearable
                  error={isHalfRated(name) && likelihood === null ? 'Pick a likelihood too, or clear both' : undefined}
                />
                <Select
                  label={`${label} consequence`}
                  placeholder="Not rated"
                  data={consequenceOptions}
                  value={consequence}
                  onChange={(value) => setRating(name, { consequence: value })}
                  clearable
                  error={isHalfRated(name) && consequence === null ? 'Pick a consequence too, or clear both' : undefined}
                />
              </SimpleGrid>
              <Textarea
                label={`Why this ${name} rating`}
                autosize
                minRows={1}
                maxRows={5}
                maxLength={5000}
                value={values[name].rationale}
                onChange={(e) => setRating(name, { rationale: e.currentTarget.value })}
              />
            </Stack>
          </Fragment>
        );
      })}
      <Divider />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Strength of knowledge"
          description="How well the ratings rest on data and understanding"
          placeholder="Not stated"
          data={options(KNOWLEDGE_LABELS)}
          value={values.strengthOfKnowledge}
          onChange={(value) => setValues((current) => ({ ...current, strengthOfKnowledge: value as StrengthOfKnowledge | null }))}
          clearable
          error={problem?.fieldMessage('strengthOfKnowledge')}
        />
        {scenario.criteria.latestVersion > scenario.criteria.version && (
          <Checkbox
            mt="lg"
            label={`Re-base on version ${scenario.criteria.latestVersion} of ${scenario.criteria.name}`}
            description="The ratings kept are re-rated with its matrix"
            checked={values.useLatestCriteria}
            onChange={(e) => {
              const useLatestCriteria = e.currentTarget.checked;
              setValues((current) => ({ ...current, useLatestCriteria }));
            }}
          />
        )}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        The residual rating is not entered: it is computed from current and target as the treatment plan’s controls are put in place.
      </Text>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={assess.isPending} disabled={isConflict || EDITABLE.some(isHalfRated)}>
          Save assessment
        </Button>
      </Group>
    </EditModal>
  );
}
