import { ActionIcon, Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ErrorAt } from './distribution-input';
import type { NumberField } from './fair-draft';

/** A point of an appetite or tolerance curve as typed: probability in per cent, blank fields kept as ''. */
export interface PointDraft {
  key: number;
  loss: NumberField;
  percent: NumberField;
}

interface CurvePointsEditorProps {
  label: string;
  description: string;
  /** Path of the curve in the request (`appetite`): problems at `appetite.2.loss` show at that field. */
  path: string;
  points: PointDraft[];
  onChange: (points: PointDraft[]) => void;
  errorAt: ErrorAt;
  currency: string | null;
  newKey: () => number;
}

const asNumber = (value: number | string): NumberField => (typeof value === 'number' ? value : value === '' ? '' : Number(value));

/** The points of a loss exceedance limit: "a yearly loss of at least X should have at most a P % chance". */
export function CurvePointsEditor({ label, description, path, points, onChange, errorAt, currency, newKey }: CurvePointsEditorProps) {
  const lossLabel = `Loss of at least${currency ? ` (${currency})` : ''}`;
  const set = (index: number, patch: Partial<PointDraft>): void =>
    onChange(points.map((point, i) => (i === index ? { ...point, ...patch } : point)));
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {description}
      </Text>
      {errorAt(path) && (
        <Text size="xs" c="red" role="alert">
          {errorAt(path)}
        </Text>
      )}
      {points.map((point, index) => (
        <Group key={point.key} gap="xs" align="flex-start" wrap="nowrap">
          <NumberInput
            size="xs"
            w={170}
            label={index === 0 ? lossLabel : undefined}
            aria-label={index === 0 ? undefined : `${lossLabel}, point ${index + 1}`}
            min={0}
            thousandSeparator=","
            hideControls
            value={point.loss}
            onChange={(value) => set(index, { loss: asNumber(value) })}
            error={errorAt(`${path}.${index}.loss`) ?? errorAt(`${path}.${index}`)}
          />
          <NumberInput
            size="xs"
            w={150}
            label={index === 0 ? 'Chance a year (%)' : undefined}
            aria-label={index === 0 ? undefined : `Chance a year (%), point ${index + 1}`}
            min={0}
            max={100}
            decimalScale={4}
            hideControls
            value={point.percent}
            onChange={(value) => set(index, { percent: asNumber(value) })}
            error={errorAt(`${path}.${index}.probability`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={index === 0 ? 24 : 4}
            aria-label={`Remove point ${index + 1} of the ${label.toLowerCase()}`}
            onClick={() => onChange(points.filter((_, i) => i !== index))}
          >
            <IconTrash size={14} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...points, { key: newKey(), loss: '', percent: '' }])}
        >
          Add a point
        </Button>
      </Group>
    </Stack>
  );
}
