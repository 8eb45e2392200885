import { Button, Divider, Group, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { toProblem } from '../../api/api-problem';
import { useCurrentOrg } from '../../session/current-org';
import { useCriteriaList } from '../risk-criteria/use-risk-criteria';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import {
  AssetsPicker,
  assetOption,
  ControlsPicker,
  controlOption,
  threatOption,
  ThreatsPicker,
  VulnerabilitiesPicker,
  vulnerabilityOption,
} from './link-pickers';
import { PathEditor, type PathStep } from './path-editor';
import type { PickOption } from '../../components/remote-multi-select';
import { criteriaOptions, defaultCriteriaId } from './criteria-options';
import { APPROACH_LABELS, options } from './scenario-labels';
import type { Approach, CreateScenarioInput, Scenario } from './scenario-types';
import { useMemberList } from './use-member-list';
import { useCreateScenario, useRiskSources, useUpdateScenario } from './use-scenarios';

interface FormValues {
  title: string;
  refId: string;
  description: string;
  approach: Approach;
  ownerId: string | null;
  riskSourceId: string | null;
  desiredEndState: string;
  path: PathStep[];
  assets: string[];
  threats: string[];
  vulnerabilities: string[];
  existingControls: string[];
  tags: string[];
}

function valuesOf(scenario: Scenario): FormValues {
  return {
    title: scenario.title,
    refId: scenario.refId,
    description: scenario.description ?? '',
    approach: scenario.approach,
    ownerId: scenario.owner?.id ?? null,
    riskSourceId: scenario.riskSource?.id ?? null,
    desiredEndState: scenario.desiredEndState ?? '',
    path: scenario.path.map((step) => ({ type: step.type, id: step.id, name: step.name })),
    assets: scenario.assets.map((asset) => asset.id),
    threats: scenario.threats.map((threat) => threat.id),
    vulnerabilities: scenario.vulnerabilities.map((vulnerability) => vulnerability.id),
    existingControls: scenario.existingControls.map((control) => control.id),
    tags: scenario.tags,
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The body both create and update take; an asset-based scenario has no source, objective or path. */
function toBody(values: FormValues): Omit<CreateScenarioInput, 'refId'> {
  const isEventBased = values.approach === 'event-based';
  return {
    title: values.title.trim(),
    description: text(values.description),
    approach: values.approach,
    ownerId: values.ownerId,
    riskSourceId: isEventBased ? values.riskSourceId : null,
    desiredEndState: isEventBased ? text(values.desiredEndState) : null,
    path: isEventBased ? values.path.map((step) => ({ type: step.type, id: step.id })) : [],
    assets: values.assets,
    threats: values.threats,
    vulnerabilities: values.vulnerabilities,
    existingControls: values.existingControls,
    tags: values.tags,
  };
}

const FIELDS = [
  'criteriaId',
  'title',
  'refId',
  'description',
  'approach',
  'ownerId',
  'riskSourceId',
  'desiredEndState',
  'path',
  'assets',
  'threats',
  'vulnerabilities',
  'existingControls',
  'tags',
];

interface ScenarioFormModalProps {
  orgSlug: string;
  opened: boolean;
  onClose: () => void;
  /** Given: edit it (its version guards against overwriting someone else's change). Absent: create. */
  scenario?: Scenario;
  onReload?: () => Promise<Scenario | undefined>;
  /** New scenario: assets to start with (from the asset page). */
  initialAssets?: readonly PickOption[];
  /** New scenario: the criteria set to start on (null or absent: the organization's default). */
  initialCriteriaId?: string | null;
  /** Shown above the fields (the asset's risk suggestion, on the scale of the set chosen; null: the default). */
  intro?: (criteriaId: string | null) => ReactNode;
  onCreated?: (created: Scenario) => void;
}

/** Identifies a risk scenario: what could happen, to what, by whom and through what; or edits that. */
export function ScenarioFormModal({
  orgSlug,
  opened,
  onClose,
  scenario,
  onReload,
  initialAssets = [],
  initialCriteriaId = null,
  intro,
  onCreated,
}: ScenarioFormModalProps) {
  const { user, org } = useCurrentOrg();
  const isEdit = scenario !== undefined;
  const create = useCreateScenario(orgSlug);
  const update = useUpdateScenario(orgSlug, scenario?.id ?? '');
  const mutation = isEdit ? update : create;
  const members = useMemberList(orgSlug, org.role);
  const sources = useRiskSources(orgSlug);
  const criteriaSets = useCriteriaList(orgSlug).data?.items ?? [];
  // Chosen once, at creation: the scenario keeps its set (a re-base only moves it to the set's newer version).
  const [criteriaId, setCriteriaId] = useState<string | null>(initialCriteriaId);
  const [values, setValues] = useState<FormValues>(() =>
    scenario
      ? valuesOf(scenario)
      : {
          title: '',
          refId: '',
          description: '',
          approach: 'event-based',
          ownerId: user.id,
          riskSourceId: null,
          desiredEndState: '',
          path: [],
          assets: initialAssets.map((asset) => asset.value),
          threats: [],
          vulnerabilities: [],
          existingControls: [],
          tags: [],
        },
  );
  const [version, setVersion] = useState(scenario?.version);
  const approachLabelId = useId();
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]): void =>
    setValues((current) => ({ ...current, [field]: value }));
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    update.reset();
  });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const body = { ...toBody(values), ...(text(values.refId) ? { refId: text(values.refId)! } : {}) };
    if (isEdit) update.mutate({ ...body, version: version! }, { onSuccess: onClose });
    else
      create.mutate(criteriaId ? { ...body, criteriaId } : body, {
        onSuccess: (created) => {
          onClose();
          onCreated?.(created);
        },
      });
  };

  const ownerOptions = (members.items ?? []).map((member) => ({ value: member.userId, label: `${member.name} (${member.email})` }));
  if (scenario?.owner && !ownerOptions.some((option) => option.value === scenario.owner!.id))
    ownerOptions.push({ value: scenario.owner.id, label: scenario.owner.name });
  const sourceOptions = (sources.data?.items ?? []).map((source) => ({ value: source.id, label: source.name }));
  if (scenario?.riskSource && !sourceOptions.some((option) => option.value === scenario.riskSource!.id))
    sourceOptions.push({ value: scenario.riskSource.id, label: scenario.riskSource.name });

  return (
    <EditModal
      title={isEdit ? `Edit ${scenario.refId}` : 'New risk scenario'}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'scenario', error: mutation.error, isConflict: isConflict, isEdit: isEdit, fields: FIELDS, reload, isReloading }}
    >
      {intro?.(criteriaId)}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label="Title"
          required
          maxLength={300}
          data-autofocus
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={problem?.fieldMessage('title')}
          style={{ gridColumn: 'span 2' }}
        />
        <TextInput
          label="Reference"
          placeholder={isEdit ? undefined : 'R-001, R-002… when empty'}
          maxLength={50}
          value={values.refId}
          onChange={(e) => set('refId', e.currentTarget.value)}
          error={problem?.fieldMessage('refId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={approachLabelId}>
            Approach
          </Text>
          <SegmentedControl
            aria-labelledby={approachLabelId}
            value={values.approach}
            onChange={(value) => set('approach', value as Approach)}
            data={options(APPROACH_LABELS)}
          />
          <Text size="xs" c="dimmed">
            {values.approach === 'event-based'
              ? 'A risk source pursuing an objective along a path (ISO/IEC 27005 strategic scenario).'
              : 'Threats exploiting vulnerabilities of assets.'}
          </Text>
        </Stack>
        <Select
          label="Owner"
          description="The member who answers for the risk"
          placeholder="Nobody yet"
          data={ownerOptions}
          value={values.ownerId}
          onChange={(value) => set('ownerId', value)}
          searchable
          clearable
          error={problem?.fieldMessage('ownerId')}
        />
      </SimpleGrid>
      {!isEdit && criteriaSets.length > 1 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Risk criteria"
            description="The scales and matrix it is rated on; it keeps this set"
            data={criteriaOptions(criteriaSets)}
            value={criteriaId ?? defaultCriteriaId(criteriaSets)}
            onChange={(value) => value && setCriteriaId(value)}
            allowDeselect={false}
            error={problem?.fieldMessage('criteriaId')}
          />
        </SimpleGrid>
      )}
      {values.approach === 'event-based' && (
        <>
          <Divider label="Risk source and path" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Risk source"
              description="Who or what may cause harm"
              placeholder={sourceOptions.length ? 'Pick one' : 'No risk sources defined yet'}
              data={sourceOptions}
              value={values.riskSourceId}
              onChange={(value) => set('riskSourceId', value)}
              searchable
              clearable
              nothingFoundMessage="No risk source by that name"
              error={problem?.fieldMessage('riskSourceId')}
            />
            <Textarea
              label="Desired end state"
              description="What the risk source wants to achieve"
              autosize
              minRows={1}
              maxRows={4}
              maxLength={2000}
              value={values.desiredEndState}
              onChange={(e) => set('desiredEndState', e.currentTarget.value)}
              error={problem?.fieldMessage('desiredEndState')}
            />
          </SimpleGrid>
          <PathEditor orgSlug={orgSlug} steps={values.path} onChange={(path) => set('path', path)} error={problem?.fieldMessage('path')} />
        </>
      )}
      <Divider label="What it names" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <AssetsPicker
          orgSlug={orgSlug}
          value={values.assets}
          onChange={(ids) => set('assets', ids)}
          known={[...initialAssets, ...(scenario?.assets.map(assetOption) ?? [])]}
          error={problem?.fieldMessage('assets')}
        />
        <ThreatsPicker
          orgSlug={orgSlug}
          value={values.threats}
          onChange={(ids) => set('threats', ids)}
          known={scenario?.threats.map(threatOption)}
          error={problem?.fieldMessage('threats')}
        />
        <VulnerabilitiesPicker
          orgSlug={orgSlug}
          value={values.vulnerabilities}
          onChange={(ids) => set('vulnerabilities', ids)}
          known={scenario?.vulnerabilities.map(vulnerabilityOption)}
          error={problem?.fieldMessage('vulnerabilities')}
        />
        <ControlsPicker
          orgSlug={orgSlug}
          label="Existing controls"
          description="Applied controls already in place (they count in the current rating)"
          value={values.existingControls}
          onChange={(ids) => set('existingControls', ids)}
          known={scenario?.existingControls.map(controlOption)}
          error={problem?.fieldMessage('existingControls')}
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={problem?.fieldMessage('description')}
      />
      <TagsInput
        label="Tags"
        description="Press Enter after each tag"
        value={values.tags}
        onChange={(tags) => set('tags', tags)}
        clearable
        error={problem?.fieldMessage('tags')}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={mutation.isPending} disabled={values.title.trim() === '' || isConflict}>
          {isEdit ? 'Save changes' : 'Create scenario'}
        </Button>
      </Group>
    </EditModal>
  );
}
