import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { EditModal, useReloadLatest } from '../inventory/edit-modal';
import { CATEGORY_LABELS, isIn, MANUAL_KIND_LABELS, options } from './threat-labels';
import type { CreateThreatInput, ManualKind, RiskSourceCategory, Threat } from './threat-types';
import { useCreateThreat, useUpdateThreat } from './use-threats';

interface FormValues {
  kind: ManualKind;
  category: RiskSourceCategory | null;
  name: string;
  externalId: string;
  url: string;
  aliases: string[];
  description: string;
  deprecated: boolean;
}

const isManualKind = isIn(MANUAL_KIND_LABELS);
const isCategory = isIn(CATEGORY_LABELS);
const CATEGORY_OPTIONS = options(CATEGORY_LABELS);
const KIND_OPTIONS = options(MANUAL_KIND_LABELS);
const FIELDS = ['kind', 'category', 'name', 'externalId', 'url', 'aliases', 'description', 'deprecated'];

const valuesOf = (threat: Threat | undefined): FormValues => ({
  kind: threat && isManualKind(threat.kind) ? threat.kind : 'source',
  category: threat?.category ?? null,
  name: threat?.name ?? '',
  externalId: threat?.externalId ?? '',
  url: threat?.url ?? '',
  aliases: threat?.aliases ?? [],
  description: threat?.description ?? '',
  deprecated: threat?.deprecated ?? false,
});

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

const toBody = (values: FormValues): CreateThreatInput => ({
  kind: values.kind,
  category: values.kind === 'source' ? values.category : null,
  name: values.name.trim(),
  externalId: text(values.externalId),
  url: text(values.url),
  aliases: values.aliases,
  description: text(values.description),
  deprecated: values.deprecated,
});

interface ThreatFormModalProps {
  orgSlug: string;
  opened: boolean;
  onClose: () => void;
  /** The entry being edited (one of your own); absent to add one. */
  threat?: Threat;
  onReload?: () => Promise<Threat | undefined>;
  onCreated?: (threat: Threat) => void;
}

/** Adds a risk source (with its category) or a threat event, or edits one of your own. */
export function ThreatFormModal({ orgSlug, opened, onClose, threat, onReload, onCreated }: ThreatFormModalProps) {
  const isEdit = threat !== undefined;
  const create = useCreateThreat(orgSlug);
  const update = useUpdateThreat(orgSlug, threat?.id ?? '');
  const mutation = isEdit ? update : create;
  const [values, setValues] = useState<FormValues>(() => valuesOf(threat));
  const [version, setVersion] = useState(threat?.version);
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]): void =>
    setValues((current) => ({ ...current, [field]: value }));
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    update.reset();
  });
  const isSource = values.kind === 'source';
  const isComplete = values.name.trim() !== '' && (!isSource || values.category !== null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const body = toBody(values);
    if (isEdit) update.mutate({ ...body, version }, { onSuccess: onClose });
    else
      create.mutate(body, {
        onSuccess: (created) => {
          onClose();
          onCreated?.(created);
        },
      });
  };

  return (
    <EditModal
      title={isEdit ? `Edit ${threat.name}` : 'New risk source / threat event'}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{
        what: isSource ? 'risk source' : 'threat event',
        error: mutation.error,
        isConflict: problem?.code === 'VERSION_CONFLICT',
        isEdit,
        fields: FIELDS,
        reload,
        isReloading,
      }}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="threat-kind-label">
          What is it?
        </Text>
        <SegmentedControl
          aria-labelledby="threat-kind-label"
          data={KIND_OPTIONS}
          value={values.kind}
          onChange={(kind) => isManualKind(kind) && set('kind', kind)}
          fullWidth
        />
        <Text size="xs" c="dimmed">
          {isSource
            ? 'Who or what may cause harm: an attacker, an insider, a supplier, nature.'
            : 'What may happen: an attack, an outage, a mistake.'}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          maxLength={300}
          data-autofocus
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={problem?.fieldMessage('name')}
        />
        {isSource ? (
          <Select
            label="Category"
            required
            placeholder="Choose a category"
            data={CATEGORY_OPTIONS}
            value={values.category}
            onChange={(category) => set('category', isCategory(category) ? category : null)}
            error={problem?.fieldMessage('category')}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <div />
        )}
        <TextInput
          label="External id"
          description="An identifier of your own or of another catalogue"
          maxLength={100}
          value={values.externalId}
          onChange={(event) => set('externalId', event.currentTarget.value)}
          error={problem?.fieldMessage('externalId')}
        />
        <TextInput
          label="Link"
          description="A page about it (http or https)"
          type="url"
          value={values.url}
          onChange={(event) => set('url', event.currentTarget.value)}
          error={problem?.fieldMessage('url')}
        />
      </SimpleGrid>
      <TagsInput
        label="Aliases"
        description="Other names it goes by; press Enter after each"
        value={values.aliases}
        onChange={(aliases) => set('aliases', aliases)}
        error={problem?.fieldMessage('aliases')}
      />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={10}
        value={values.description}
        onChange={(event) => set('description', event.currentTarget.value)}
        error={problem?.fieldMessage('description')}
      />
      {isEdit && (
        <Switch
          label="Deprecated"
          description="Kept for the scenarios that name it, hidden from lists and pickers by default"
          checked={values.deprecated}
          onChange={(event) => set('deprecated', event.currentTarget.checked)}
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={mutation.isPending} disabled={!isComplete}>
          {isEdit ? 'Save' : isSource ? 'Add risk source' : 'Add threat event'}
        </Button>
      </Group>
    </EditModal>
  );
}
