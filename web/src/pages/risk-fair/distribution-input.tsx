import { Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DistributionDraft, NumberField } from './fair-draft';
import { DISTRIBUTION_LABELS } from './fair-labels';
import type { DistributionKind } from './fair-types';

/** Server problems by path (`inputs.primaryLoss.mode`), for the field that shows it. */
export type ErrorAt = (path: string) => string | undefined;

// The engine names a lognormal's parameters lo and hi; the form calls them by their percentiles.
const PARAM_WORDS: Record<string, string> = { lo: 'the 5th percentile', hi: 'the 95th percentile', mode: 'most likely' };
const inFormWords = (message: string | undefined): string | undefined =>
  message?.replace(/\b(lo|hi|mode)\b/g, (word) => PARAM_WORDS[word] ?? word);

const KINDS: DistributionKind[] = ['pert', 'lognormal', 'triangular', 'uniform', 'constant'];

const PARAMS: Record<DistributionKind, { field: keyof Omit<DistributionDraft, 'kind'>; label: string; optional?: boolean }[]> = {
  pert: [
    { field: 'min', label: 'Min' },
    { field: 'mode', label: 'Most likely' },
    { field: 'max', label: 'Max' },
    { field: 'shape', label: 'Shape', optional: true },
  ],
  triangular: [
    { field: 'min', label: 'Min' },
    { field: 'mode', label: 'Most likely' },
    { field: 'max', label: 'Max' },
  ],
  uniform: [
    { field: 'min', label: 'Min' },
    { field: 'max', label: 'Max' },
  ],
  lognormal: [
    { field: 'lo', label: '5th percentile' },
    { field: 'hi', label: '95th percentile' },
  ],
  constant: [{ field: 'value', label: 'Value' }],
};

export type Unit = 'money' | 'probability' | 'rate' | 'share' | 'score';

const UNIT_HINTS: Record<Unit, string> = {
  money: 'amount',
  probability: 'probability, 0 to 1',
  rate: 'times a year',
  share: 'share removed, 0 to 1 (0.3 = 30 %)',
  score: 'on one scale for both, e.g. 0 to 100',
};

interface DistributionInputProps {
  label: string;
  /** Its path in the request body: problems the server names there (or below) show here. */
  path: string;
  value: DistributionDraft;
  onChange: (value: DistributionDraft) => void;
  errorAt: ErrorAt;
  unit: Unit;
  currency?: string | null;
  description?: ReactNode;
}

/** One uncertain quantity: its distribution's kind and the figures that kind needs, each with its own error. */
export function DistributionInput({ label, path, value, onChange, errorAt, unit, currency, description }: DistributionInputProps) {
  const set = (field: keyof Omit<DistributionDraft, 'kind'>, number: NumberField): void => onChange({ ...value, [field]: number });
  const wholeError = inFormWords(errorAt(path));
  const isMoney = unit === 'money';
  const hint = isMoney && currency ? `${UNIT_HINTS.money} in ${currency}` : UNIT_HINTS[unit];
  return (
    <Stack gap={4} role="group" aria-label={label} data-path={path}>
      <Group gap={6} align="baseline">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Group>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          label="Distribution"
          w={215}
          size="xs"
          data={KINDS.map((kind) => ({ value: kind, label: DISTRIBUTION_LABELS[kind] }))}
          value={value.kind}
          allowDeselect={false}
          onChange={(kind) => kind && onChange({ ...value, kind: kind as DistributionKind })}
          error={errorAt(`${path}.kind`)}
        />
        {PARAMS[value.kind].map((param) => (
          <NumberInput
            key={param.field}
            label={param.label}
            placeholder={param.optional ? '4' : undefined}
            w={param.optional ? 80 : 118}
            size="xs"
            value={value[param.field]}
            onChange={(number) => set(param.field, typeof number === 'number' ? number : number === '' ? '' : Number(number))}
            thousandSeparator={isMoney ? ',' : undefined}
            min={0}
            decimalScale={isMoney ? 0 : 6}
            hideControls
            error={inFormWords(errorAt(`${path}.${param.field}`))}
          />
        ))}
      </Group>
      {wholeError && (
        <Text size="xs" c="red" role="alert">
          {wholeError}
        </Text>
      )}
    </Stack>
  );
}
