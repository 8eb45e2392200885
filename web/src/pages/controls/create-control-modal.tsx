import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { ProblemAlert } from '../../components/problem-alert';
import { CONCEPT_LABELS, options, STATUS_LABELS, TYPE_LABELS } from './control-labels';
import { useCreateControl, type Control } from './use-controls';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as Control['status'][]).map((value) => ({ value, label: STATUS_LABELS[value].label }));
const FIELDS = ['refId', 'title', 'description', 'owner', 'status', 'dueDate', 'effectiveness', 'attributes'];

/** Adds an applied control: what it is, who owns it, when it is due, and what it does (27002 attributes). */
export function CreateControlModal({ orgSlug, opened, onClose }: { orgSlug: string; opened: boolean; onClose: () => void }) {
  const create = useCreateControl(orgSlug);
  const [title, setTitle] = useState('');
  const [refId, setRefId] = useState('');
  const [owner, setOwner] = useState('');
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Control['status']>('planned');
  const [dueDate, setDueDate] = useState('');
  const [effectiveness, setEffectiveness] = useState<number | string>('');
  const [concepts, setConcepts] = useState<string[]>([]);
  const [controlTypes, setControlTypes] = useState<string[]>([]);
  const problem = create.error ? toProblem(create.error) : null;
  const text = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await create.mutateAsync({
      title: title.trim(),
      refId: text(refId),
      owner: text(owner),
      description: text(description),
      status,
      dueDate: text(dueDate),
      effectiveness: typeof effectiveness === 'number' ? effectiveness : undefined,
      attributes: {
        concepts: concepts as Control['attributes']['concepts'],
        controlTypes: controlTypes as Control['attributes']['controlTypes'],
        properties: [],
        capabilities: [],
        domains: [],
      },
      tags: [],
    });
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add an applied control" size="lg">
      <form onSubmit={(event) => void submit(event).catch(() => undefined)} noValidate>
        <Stack>
          <ProblemAlert error={create.error} title="Could not add the control" fields={FIELDS} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Title"
              required
              data-autofocus
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={problem?.fieldMessage('title')}
            />
            <TextInput
              label="Reference"
              placeholder="e.g. AC-12"
              value={refId}
              onChange={(e) => setRefId(e.currentTarget.value)}
              error={problem?.fieldMessage('refId')}
            />
            <TextInput label="Owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)} />
            <Select
              label="Status"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(value) => value && setStatus(value as Control['status'])}
              allowDeselect={false}
            />
            <TextInput
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              error={problem?.fieldMessage('dueDate')}
            />
            <NumberInput
              label="Effectiveness (%)"
              min={0}
              max={100}
              value={effectiveness}
              onChange={setEffectiveness}
              error={problem?.fieldMessage('effectiveness')}
            />
            <MultiSelect label="Cybersecurity concepts" data={options(CONCEPT_LABELS)} value={concepts} onChange={setConcepts} />
            <MultiSelect label="Control type" data={options(TYPE_LABELS)} value={controlTypes} onChange={setControlTypes} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()}>
              Add control
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
