import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconBuildingSkyscraper, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { NodePicker } from '../inventory/node-picker';
import { useExternalOrganizations } from '../inventory/use-inventory';

/** One step of an event-based scenario's path, as the form holds it (the name to show it by). */
export interface PathStep {
  type: 'asset' | 'external-org';
  id: string;
  name: string;
}

interface PathEditorProps {
  orgSlug: string;
  steps: PathStep[];
  onChange: (steps: PathStep[]) => void;
  error?: string;
}

/** The route from the risk source to its objective: assets and outside organizations, in order. */
export function PathEditor({ orgSlug, steps, onChange, error }: PathEditorProps) {
  const queryClient = useQueryClient();
  const organizations = useExternalOrganizations(orgSlug);
  const [pickerRound, setPickerRound] = useState(0);
  const [isAdding, setAdding] = useState(false);
  const labelId = useId();

  const add = async (id: string | null): Promise<void> => {
    if (!id || steps.some((step) => step.id === id)) return setPickerRound((round) => round + 1);
    const organization = organizations.data?.items.find((candidate) => candidate.id === id);
    setAdding(true);
    try {
      const step: PathStep = organization
        ? { type: 'external-org', id, name: organization.name }
        : {
            type: 'asset',
            id,
            name: (
              await queryClient.fetchQuery({
                queryKey: ['org', orgSlug, 'inventory', 'asset', id],
                queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id } } })),
              })
            ).name,
          };
      onChange([...steps, step]);
    } finally {
      setAdding(false);
      setPickerRound((round) => round + 1);
    }
  };
  const move = (from: number, to: number): void => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    onChange(next);
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id={labelId}>
        Path
      </Text>
      <Text size="xs" c="dimmed" mt={-6}>
        From the risk source to its objective, through your assets and outside organizations, in order.
      </Text>
      {steps.length > 0 && (
        <Paper withBorder radius="sm" p={6} component="ol" aria-labelledby={labelId} m={0} style={{ listStyle: 'none' }}>
          {steps.map((step, index) => (
            <Group key={step.id} component="li" justify="space-between" wrap="nowrap" gap="xs" py={2} data-testid="path-step">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <Text size="sm" c="dimmed" w={20} ta="right">
                  {index + 1}.
                </Text>
                {step.type === 'external-org' && <IconBuildingSkyscraper size={14} aria-label="Outside organization" />}
                <Text size="sm" truncate>
                  {step.name}
                </Text>
              </Group>
              <Group gap={2} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Move ${step.name} up`}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                >
                  <IconArrowUp size={14} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Move ${step.name} down`}
                  disabled={index === steps.length - 1}
                  onClick={() => move(index, index + 1)}
                >
                  <IconArrowDown size={14} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={`Remove ${step.name} from the path`}
                  onClick={() => onChange(steps.filter((other) => other.id !== step.id))}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Paper>
      )}
      <NodePicker
        required={false}
        key={pickerRound}
        orgSlug={orgSlug}
        label={steps.length === 0 ? 'First step' : 'Next step'}
        value={null}
        onChange={(id) => void add(id)}
        withOrganizations
        error={error}
      />
      {isAdding && (
        <Text size="xs" c="dimmed">
          Adding…
        </Text>
      )}
    </Stack>
  );
}
