import { Button, Divider, Group, NumberInput, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import type { Asset, AssetKind, AssetStatus, CreateAssetInput, Scale } from './inventory-types';
import { useCreateAsset, useExternalOrganizations, useUpdateAsset } from './use-inventory';
import { KIND_OPTIONS, STATUS_OPTIONS } from './vocabulary';
import { EditModal, useReloadLatest } from './edit-modal';

/** Brings a problem shown at the top of a long form into view (the submit button is at the bottom). */

interface FormValues {
  name: string;
  kind: AssetKind | null;
  status: AssetStatus;
  description: string;
  owner: string;
  custodian: string;
  operatorId: string | null;
  confidentiality: string | null;
  integrity: string | null;
  availability: string | null;
  rtoMinutes: number | string;
  rpoMinutes: number | string;
  location: string;
  tags: string[];
  cmdbId: string;
  purl: string;
  cpe: string;
  other: string;
}

const EMPTY: FormValues = {
  name: '',
  kind: null,
  status: 'in-use',
  description: '',
  owner: '',
  custodian: '',
  operatorId: null,
  confidentiality: null,
  integrity: null,
  availability: null,
  rtoMinutes: '',
  rpoMinutes: '',
  location: '',
  tags: [],
  cmdbId: '',
  purl: '',
  cpe: '',
  other: '',
};

const levelText = (level: number | null): string | null => (level === null ? null : String(level));

function valuesOf(asset: Asset): FormValues {
  return {
    name: asset.name,
    kind: asset.kind,
    status: asset.status,
    description: asset.description ?? '',
    owner: asset.owner ?? '',
    custodian: asset.custodian ?? '',
    operatorId: asset.operatorId,
    confidentiality: levelText(asset.confidentiality),
    integrity: levelText(asset.integrity),
    availability: levelText(asset.availability),
    rtoMinutes: asset.rtoMinutes ?? '',
    rpoMinutes: asset.rpoMinutes ?? '',
    location: asset.location ?? '',
    tags: asset.tags,
    cmdbId: asset.externalIds.cmdbId ?? '',
    purl: asset.externalIds.purl ?? '',
    cpe: asset.externalIds.cpe ?? '',
    other: asset.externalIds.other ?? '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const level = (value: string | null): number | null => (value === null || value === '' ? null : Number(value));
const minutes = (value: number | string): number | null => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value));

/** Every field as the API takes it; empty means "not set" (null), which also clears a value on edit. */
function toBody(values: FormValues, kind: AssetKind): CreateAssetInput {
  return {
    name: values.name.trim(),
    kind,
    status: values.status,
    description: text(values.description),
    owner: text(values.owner),
    custodian: text(values.custodian),
    operatorId: values.operatorId,
    confidentiality: level(values.confidentiality),
    integrity: level(values.integrity),
    availability: level(values.availability),
    rtoMinutes: minutes(values.rtoMinutes),
    rpoMinutes: minutes(values.rpoMinutes),
    location: text(values.location),
    tags: values.tags,
    externalIds: { cmdbId: text(values.cmdbId), purl: text(values.purl), cpe: text(values.cpe), other: text(values.other) },
  };
}

interface AssetFormModalProps {
  orgSlug: string;
  scale: Scale | undefined;
  opened: boolean;
  onClose: () => void;
  /** Given: edit this asset (its version guards against overwriting someone else's change). Absent: create. */
  asset?: Asset;
  /** Refetches the asset after a version conflict, returning the latest state. */
  onReload?: () => Promise<Asset | undefined>;
  onCreated?: (asset: Asset) => void;
}

const FIELDS = [
  'name',
  'kind',
  'status',
  'description',
  'owner',
  'custodian',
  'operatorId',
  'confidentiality',
  'integrity',
  'availability',
  'rtoMinutes',
  'rpoMinutes',
  'location',
  'tags',
  'cmdbId',
  'purl',
  'cpe',
  'other',
];

/** Adds an asset, or edits one with optimistic concurrency (a stale edit is refused and says so). */
export function AssetFormModal({ orgSlug, scale, opened, onClose, asset, onReload, onCreated }: AssetFormModalProps) {
  const isEdit = asset !== undefined;
  const create = useCreateAsset(orgSlug);
  const update = useUpdateAsset(orgSlug, asset?.id ?? '');
  const mutation = isEdit ? update : create;
  const organizations = useExternalOrganizations(orgSlug);
  const [values, setValues] = useState<FormValues>(asset ? valuesOf(asset) : EMPTY);
  const [version, setVersion] = useState(asset?.version);
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]): void =>
    setValues((current) => ({ ...current, [field]: value }));
  const input = (field: keyof FormValues) => (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value);

  const levelOptions = (scale?.levels ?? []).map((candidate) => ({ value: String(candidate.value), label: candidate.name }));
  const operatorOptions = (organizations.data?.items ?? []).map((organization) => ({ value: organization.id, label: organization.name }));

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!values.kind) return;
    const body = toBody(values, values.kind);
    if (isEdit) update.mutate({ ...body, version }, { onSuccess: onClose });
    else
      create.mutate(body, {
        onSuccess: (created) => {
          onClose();
          onCreated?.(created);
        },
      });
  };

  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    update.reset();
  });

  const cia = (field: 'confidentiality' | 'integrity' | 'availability', label: string) => (
    <Select
      label={label}
      placeholder="Not set"
      data={levelOptions}
      value={values[field]}
      onChange={(value) => set(field, value)}
      clearable
      error={problem?.fieldMessage(field)}
    />
  );

  return (
    <EditModal
      title={isEdit ? `Edit ${asset.name}` : 'Add an asset'}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'asset', error: mutation.error, isConflict: isConflict, isEdit: isEdit, fields: FIELDS, reload, isReloading }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          maxLength={300}
          data-autofocus
          value={values.name}
          onChange={input('name')}
          error={problem?.fieldMessage('name')}
        />
        <Select
          label="Kind"
          required
          data={KIND_OPTIONS}
          value={values.kind}
          onChange={(value) => set('kind', value as AssetKind | null)}
          allowDeselect={false}
          error={problem?.fieldMessage('kind')}
        />
      </SimpleGrid>
      <Textarea
        label="Description"
        autosize
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={input('description')}
        error={problem?.fieldMessage('description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput
          label="Owner"
          description="Who answers for it"
          value={values.owner}
          onChange={input('owner')}
          error={problem?.fieldMessage('owner')}
        />
        <TextInput
          label="Custodian"
          description="Who looks after it"
          value={values.custodian}
          onChange={input('custodian')}
          error={problem?.fieldMessage('custodian')}
        />
        <Select
          label="Status"
          description="Lifecycle"
          data={STATUS_OPTIONS}
          value={values.status}
          onChange={(value) => value && set('status', value as AssetStatus)}
          allowDeselect={false}
          error={problem?.fieldMessage('status')}
        />
      </SimpleGrid>
      <Divider label="Protection needs" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {cia('confidentiality', 'Confidentiality')}
        {cia('integrity', 'Integrity')}
        {cia('availability', 'Availability')}
        <NumberInput
          label="RTO (minutes)"
          description="Recovery time objective"
          min={0}
          allowDecimal={false}
          value={values.rtoMinutes}
          onChange={(value) => set('rtoMinutes', value)}
          error={problem?.fieldMessage('rtoMinutes')}
        />
        <NumberInput
          label="RPO (minutes)"
          description="Recovery point objective"
          min={0}
          allowDecimal={false}
          value={values.rpoMinutes}
          onChange={(value) => set('rpoMinutes', value)}
          error={problem?.fieldMessage('rpoMinutes')}
        />
      </SimpleGrid>
      <Divider label="Where and who runs it" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label="Operated by"
          description="An outside organization; empty when you run it yourselves"
          placeholder="Your organization"
          data={operatorOptions}
          value={values.operatorId}
          onChange={(value) => set('operatorId', value)}
          searchable
          clearable
          nothingFoundMessage="No outside organization by that name"
          error={problem?.fieldMessage('operatorId')}
        />
        <TextInput
          label="Location"
          description="Site, region or zone"
          value={values.location}
          onChange={input('location')}
          error={problem?.fieldMessage('location')}
        />
      </SimpleGrid>
      <TagsInput
        label="Tags"
        description="Press Enter after each tag"
        value={values.tags}
        onChange={(tags) => set('tags', tags)}
        clearable
        error={problem?.fieldMessage('tags')}
      />
      <Divider label="External ids (each unique; imports match on them)" labelPosition="left" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="CMDB id" value={values.cmdbId} onChange={input('cmdbId')} error={problem?.fieldMessage('cmdbId')} />
        <TextInput label="Package URL (purl)" value={values.purl} onChange={input('purl')} error={problem?.fieldMessage('purl')} />
        <TextInput label="CPE" value={values.cpe} onChange={input('cpe')} error={problem?.fieldMessage('cpe')} />
        <TextInput label="Other id" value={values.other} onChange={input('other')} error={problem?.fieldMessage('other')} />
      </SimpleGrid>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={mutation.isPending} disabled={!values.kind || values.name.trim() === '' || isConflict}>
          {isEdit ? 'Save changes' : 'Add asset'}
        </Button>
      </Group>
    </EditModal>
  );
}
