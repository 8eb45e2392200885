import {
  ActionIcon,
  Button,
  Divider,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import type { Contact, CreateExternalOrganizationInput, ExternalOrganization, RelationshipType } from './inventory-types';
import { useCreateExternalOrganization, useUpdateExternalOrganization } from './use-inventory';
import { ORG_CRITICALITY_LABELS, RELATIONSHIP_OPTIONS } from './vocabulary';
import { EditModal, useReloadLatest } from './edit-modal';

/** Brings a problem shown at the top of a long form into view (the submit button is at the bottom). */

interface ContactValues {
  key: number;
  name: string;
  email: string;
  phone: string;
  role: string;
}

interface FormValues {
  name: string;
  relationshipTypes: RelationshipType[];
  criticality: string;
  contractStart: string;
  contractEnd: string;
  country: string;
  website: string;
  externalId: string;
  tags: string[];
  notes: string;
  contacts: ContactValues[];
}

let contactKey = 0;
const contactValues = (contact?: Contact): ContactValues => ({
  key: ++contactKey,
  name: contact?.name ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
  role: contact?.role ?? '',
});

function valuesOf(organization: ExternalOrganization | undefined): FormValues {
  return {
    name: organization?.name ?? '',
    relationshipTypes: organization?.relationshipTypes ?? [],
    criticality: String(organization?.criticality ?? 2),
    contractStart: organization?.contractStart ?? '',
    contractEnd: organization?.contractEnd ?? '',
    country: organization?.country ?? '',
    website: organization?.website ?? '',
    externalId: organization?.externalId ?? '',
    tags: organization?.tags ?? [],
    notes: organization?.notes ?? '',
    contacts: (organization?.contacts ?? []).map(contactValues),
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function toBody(values: FormValues): CreateExternalOrganizationInput {
  return {
    name: values.name.trim(),
    relationshipTypes: values.relationshipTypes,
    criticality: Number(values.criticality),
    contractStart: text(values.contractStart),
    contractEnd: text(values.contractEnd),
    country: text(values.country)?.toUpperCase() ?? null,
    website: text(values.website),
    externalId: text(values.externalId),
    tags: values.tags,
    notes: text(values.notes),
    contacts: values.contacts
      .filter((contact) => contact.name.trim() !== '')
      .map((contact) => ({
        name: contact.name.trim(),
        ...(text(contact.email) ? { email: contact.email.trim() } : {}),
        ...(text(contact.phone) ? { phone: contact.phone.trim() } : {}),
        ...(text(contact.role) ? { role: contact.role.trim() } : {}),
      })),
  };
}

const CRITICALITY_OPTIONS = Object.entries(ORG_CRITICALITY_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = [
  'name',
  'relationshipTypes',
  'criticality',
  'contractStart',
  'contractEnd',
  'country',
  'website',
  'externalId',
  'tags',
  'notes',
  'contacts',
];

interface ExternalOrgFormModalProps {
  orgSlug: string;
  opened: boolean;
  onClose: () => void;
  organization?: ExternalOrganization;
  onReload?: () => Promise<ExternalOrganization | undefined>;
  onCreated?: (organization: ExternalOrganization) => void;
}

/** Adds an outside organization, or edits one (its version guards against overwriting someone else's change). */
export function ExternalOrgFormModal({ orgSlug, opened, onClose, organization, onReload, onCreated }: ExternalOrgFormModalProps) {
  const isEdit = organization !== undefined;
  const create = useCreateExternalOrganization(orgSlug);
  const update = useUpdateExternalOrganization(orgSlug, organization?.id ?? '');
  const mutation = isEdit ? update : create;
  const [values, setValues] = useState<FormValues>(() => valuesOf(organization));
  const [version, setVersion] = useState(organization?.version);
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const isConflict = problem?.code === 'VERSION_CONFLICT';
  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]): void =>
    setValues((current) => ({ ...current, [field]: value }));
  const input =
    (field: 'name' | 'contractStart' | 'contractEnd' | 'country' | 'website' | 'externalId' | 'notes') =>
    (event: { currentTarget: { value: string } }) =>
      set(field, event.currentTarget.value);
  const setContact = (key: number, field: keyof Omit<ContactValues, 'key'>, value: string): void =>
    set(
      'contacts',
      values.contacts.map((contact) => (contact.key === key ? { ...contact, [field]: value } : contact)),
    );
  const isInverted = values.contractStart !== '' && values.contractEnd !== '' && values.contractEnd < values.contractStart;

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
  const { reload, isReloading } = useReloadLatest(onReload, (latest) => {
    setValues(valuesOf(latest));
    setVersion(latest.version);
    update.reset();
  });

  return (
    <EditModal
      title={isEdit ? `Edit ${organization.name}` : 'Add an outside organization'}
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'organization', error: mutation.error, isConflict: isConflict, isEdit: isEdit, fields: FIELDS, reload, isReloading }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          maxLength={200}
          data-autofocus
          value={values.name}
          onChange={input('name')}
          error={problem?.fieldMessage('name')}
        />
        <Select
          label="Criticality to you"
          required
          data={CRITICALITY_OPTIONS}
          value={values.criticality}
          onChange={(value) => value && set('criticality', value)}
          allowDeselect={false}
          error={problem?.fieldMessage('criticality')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Relationship"
        description="What it is to you; several may apply"
        required
        data={RELATIONSHIP_OPTIONS}
        value={values.relationshipTypes}
        onChange={(types) => set('relationshipTypes', types as RelationshipType[])}
        error={problem?.fieldMessage('relationshipTypes')}
      />
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md">
        <TextInput
          label="Contract start"
          type="date"
          value={values.contractStart}
          onChange={input('contractStart')}
          error={problem?.fieldMessage('contractStart')}
        />
        <TextInput
          label="Contract end"
          type="date"
          value={values.contractEnd}
          onChange={input('contractEnd')}
          error={isInverted ? 'Ends before it starts' : problem?.fieldMessage('contractEnd')}
        />
        <TextInput
          label="Country"
          description="ISO code, e.g. FR"
          maxLength={2}
          value={values.country}
          onChange={input('country')}
          error={problem?.fieldMessage('country')}
        />
        <TextInput
          label="External id"
          description="In your supplier register"
          value={values.externalId}
          onChange={input('externalId')}
          error={problem?.fieldMessage('externalId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Website"
          type="url"
          placeholder="https://"
          value={values.website}
          onChange={input('website')}
          error={problem?.fieldMessage('website')}
        />
        <TagsInput
          label="Tags"
          description="Press Enter after each tag"
          value={values.tags}
          onChange={(tags) => set('tags', tags)}
          clearable
          error={problem?.fieldMessage('tags')}
        />
      </SimpleGrid>
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={6}
        value={values.notes}
        onChange={input('notes')}
        error={problem?.fieldMessage('notes')}
      />
      <Divider label="Contacts" labelPosition="left" />
      {values.contacts.length === 0 && (
        <Text size="sm" c="dimmed">
          No contacts. Add who to call when something goes wrong.
        </Text>
      )}
      {values.contacts.map((contact, index) => (
        <Paper key={contact.key} withBorder radius="sm" p="sm">
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm" style={{ flex: 1 }}>
              <TextInput
                label={`Contact ${index + 1} name`}
                required
                value={contact.name}
                onChange={(event) => setContact(contact.key, 'name', event.currentTarget.value)}
                error={problem?.fieldMessage(`contacts.${index}.name`)}
              />
              <TextInput
                label="Email"
                type="email"
                value={contact.email}
                onChange={(event) => setContact(contact.key, 'email', event.currentTarget.value)}
                error={problem?.fieldMessage(`contacts.${index}.email`)}
              />
              <TextInput
                label="Phone"
                value={contact.phone}
                onChange={(event) => setContact(contact.key, 'phone', event.currentTarget.value)}
                error={problem?.fieldMessage(`contacts.${index}.phone`)}
              />
              <TextInput
                label="Role"
                value={contact.role}
                onChange={(event) => setContact(contact.key, 'role', event.currentTarget.value)}
                error={problem?.fieldMessage(`contacts.${index}.role`)}
              />
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove contact ${index + 1}`}
              onClick={() =>
                set(
                  'contacts',
                  values.contacts.filter((candidate) => candidate.key !== contact.key),
                )
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => set('contacts', [...values.contacts, contactValues()])}
        >
          Add a contact
        </Button>
      </Group>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          type="submit"
          loading={mutation.isPending}
          disabled={values.name.trim() === '' || values.relationshipTypes.length === 0 || isInverted || isConflict}
        >
          {isEdit ? 'Save changes' : 'Add organization'}
        </Button>
      </Group>
    </EditModal>
  );
}
