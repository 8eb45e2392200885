import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { toProblem } from '../../api/api-problem';
import { ProblemAlert } from '../../components/problem-alert';
import type { DependencyType } from './inventory-types';
import { NodePicker } from './node-picker';
import { useCreateDependency } from './use-inventory';
import { DEPENDENCY_OPTIONS } from './vocabulary';

export type DependencyDirection = 'depends-on' | 'dependent';

interface AddDependencyModalProps {
  orgSlug: string;
  asset: { id: string; name: string };
  opened: boolean;
  initialDirection: DependencyDirection;
  onClose: () => void;
}

/** Records that this asset relies on something, or that another asset relies on this one. */
export function AddDependencyModal({ orgSlug, asset, opened, initialDirection, onClose }: AddDependencyModalProps) {
  const [direction, setDirection] = useState<DependencyDirection>(initialDirection);
  const [otherId, setOtherId] = useState<string | null>(null);
  const [type, setType] = useState<DependencyType>('depends-on');
  const [description, setDescription] = useState('');
  const add = useCreateDependency(orgSlug);
  const problem = add.error ? toProblem(add.error) : null;
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!otherId) return;
    const [sourceId, targetId] = direction === 'depends-on' ? [asset.id, otherId] : [otherId, asset.id];
    add.mutate({ sourceId, targetId, type, description: description.trim() || null }, { onSuccess: onClose });
  };
  const otherField = direction === 'depends-on' ? 'targetId' : 'sourceId';

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Add a dependency</Text>} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ProblemAlert error={add.error} title="Could not add the dependency" fields={['targetId', 'sourceId', 'type', 'description']} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="dependency-direction-label">
              Direction
            </Text>
            <SegmentedControl
              aria-labelledby="dependency-direction-label"
              value={direction}
              onChange={(value) => {
                setDirection(value as DependencyDirection);
                setOtherId(null);
              }}
              data={[
                { value: 'depends-on', label: `${asset.name} relies on…` },
                { value: 'dependent', label: `…relies on ${asset.name}` },
              ]}
              fullWidth
            />
          </Stack>
          <NodePicker
            key={direction}
            orgSlug={orgSlug}
            label={direction === 'depends-on' ? 'What it relies on' : 'What relies on it'}
            description={direction === 'depends-on' ? 'An asset or an outside organization' : 'An asset'}
            value={otherId}
            onChange={setOtherId}
            withOrganizations={direction === 'depends-on'}
            excludeId={asset.id}
            error={problem?.fieldMessage(otherField)}
          />
          <Select
            label="How"
            required
            data={DEPENDENCY_OPTIONS}
            value={type}
            onChange={(value) => value && setType(value as DependencyType)}
            allowDeselect={false}
            error={problem?.fieldMessage('type')}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            maxLength={2000}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={problem?.fieldMessage('description')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!otherId}>
              Add dependency
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
