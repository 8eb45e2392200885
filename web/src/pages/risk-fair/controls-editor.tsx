import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DistributionInput, type ErrorAt } from './distribution-input';
import { blankControl, blankEffect, type ControlDraft } from './fair-draft';
import { COMPOUND_FACTORS, FACTOR_LABELS, PRODUCT_FACTORS } from './fair-labels';
import type { FairFactor, FairModel } from './fair-types';

interface ControlsEditorProps {
  model: FairModel;
  controls: ControlDraft[];
  onChange: (controls: ControlDraft[]) => void;
  errorAt: ErrorAt;
  currency: string | null;
}

/** Controls to weigh: what share of which factor each removes, and what it costs a year. */
export function ControlsEditor({ model, controls, onChange, errorAt, currency }: ControlsEditorProps) {
  const factors = model === 'product' ? PRODUCT_FACTORS : COMPOUND_FACTORS;
  const factorOptions = factors.map((factor) => ({ value: factor, label: FACTOR_LABELS[factor] }));
  const update = (index: number, patch: Partial<ControlDraft>): void =>
    onChange(controls.map((control, i) => (i === index ? { ...control, ...patch } : control)));
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        Each control is simulated alone and all together, on the same draws: the difference is what it is worth. Its effect is the share of
        a factor it removes (0.4 = 40 %), itself a range.
      </Text>
      {controls.map((control, index) => {
        const path = `controls.${index}`;
        return (
          <Paper key={control.key} withBorder p="sm" radius="md" role="group" aria-label={`Control ${index + 1}`}>
            <Stack gap="xs">
              <Group align="flex-start" gap="sm">
                <TextInput
                  label="Control name"
                  w={280}
                  value={control.name}
                  onChange={(event) => update(index, { name: event.currentTarget.value })}
                  error={errorAt(`${path}.name`) ?? errorAt(path)}
                />
                <NumberInput
                  label={currency ? `Yearly cost (${currency})` : 'Yearly cost'}
                  placeholder="optional"
                  w={220}
                  min={0}
                  thousandSeparator=","
                  hideControls
                  value={control.yearlyCost}
                  onChange={(value) => update(index, { yearlyCost: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
                  error={errorAt(`${path}.yearlyCost`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  aria-label={`Remove control ${control.name || index + 1}`}
                  onClick={() => onChange(controls.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              {errorAt(`${path}.effects`) && (
                <Text size="xs" c="red" role="alert">
                  {errorAt(`${path}.effects`)}
                </Text>
              )}
              {control.effects.map((effect, effectIndex) => {
                const effectPath = `${path}.effects.${effectIndex}`;
                const setEffect = (patch: Partial<ControlDraft['effects'][number]>): void =>
                  update(index, { effects: control.effects.map((e, i) => (i === effectIndex ? { ...e, ...patch } : e)) });
                return (
                  <Stack key={effect.key} gap={6} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
                    <Group gap="sm" align="flex-end">
                      <Select
                        label="Factor it reduces"
                        size="xs"
                        w={260}
                        data={factorOptions}
                        value={effect.factor}
                        allowDeselect={false}
                        onChange={(factor) => factor && setEffect({ factor: factor as FairFactor })}
                        error={errorAt(`${effectPath}.factor`) ?? errorAt(effectPath)}
                      />
                      {control.effects.length > 1 && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label="Remove this effect"
                          onClick={() => update(index, { effects: control.effects.filter((_, i) => i !== effectIndex) })}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                    <DistributionInput
                      label="Reduction"
                      path={`${effectPath}.reduction`}
                      value={effect.reduction}
                      onChange={(reduction) => setEffect({ reduction })}
                      errorAt={errorAt}
                      unit="share"
                    />
                  </Stack>
                );
              })}
              <Group>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => update(index, { effects: [...control.effects, blankEffect(factors[0]!)] })}
                >
                  Add an effect
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...controls, blankControl(factors[0]!)])}
        >
          Add a control
        </Button>
      </Group>
    </Stack>
  );
}
