import { Checkbox, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { DistributionInput, type ErrorAt } from './distribution-input';
import type { LossDraft } from './fair-draft';
import { LOSS_FORM_LABELS } from './fair-labels';
import { LOSS_FORMS } from './fair-types';

interface LossInputProps {
  label: string;
  path: string;
  value: LossDraft;
  onChange: (value: LossDraft) => void;
  errorAt: ErrorAt;
  currency: string | null;
  description?: string;
}

/** A loss per event: one distribution, or one per form of loss that applies (they add up in each simulated event). */
export function LossInput({ label, path, value, onChange, errorAt, currency, description }: LossInputProps) {
  const formsPath = `${path}.forms`;
  return (
    <Stack gap="xs">
      <Switch
        label={`Split ${label.toLowerCase()} by the six forms of loss`}
        description="Productivity, response, replacement, fines and judgments, competitive advantage, reputation: estimate each that applies"
        checked={value.isSplit}
        onChange={(event) => onChange({ ...value, isSplit: event.currentTarget.checked })}
      />
      {!value.isSplit ? (
        <DistributionInput
          label={label}
          path={path}
          value={value.whole}
          onChange={(whole) => onChange({ ...value, whole })}
          errorAt={errorAt}
          unit="money"
          currency={currency}
          description={description}
        />
      ) : (
        <Stack gap="xs" role="group" aria-label={`${label} by form of loss`}>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing={4}>
            {LOSS_FORMS.map((form) => (
              <Checkbox
                key={form}
                size="xs"
                label={LOSS_FORM_LABELS[form]}
                checked={value.forms[form].isUsed}
                onChange={(event) => {
                  const isUsed = event.currentTarget.checked;
                  onChange({ ...value, forms: { ...value.forms, [form]: { ...value.forms[form], isUsed } } });
                }}
              />
            ))}
          </SimpleGrid>
          {(errorAt(formsPath) ?? errorAt(path)) && (
            <Text size="xs" c="red" role="alert">
              {errorAt(formsPath) ?? errorAt(path)}
            </Text>
          )}
          {LOSS_FORMS.filter((form) => value.forms[form].isUsed).map((form) => (
            <DistributionInput
              key={form}
              label={`${label}: ${LOSS_FORM_LABELS[form].toLowerCase()}`}
              path={`${formsPath}.${form}`}
              value={value.forms[form].distribution}
              onChange={(distribution) => onChange({ ...value, forms: { ...value.forms, [form]: { isUsed: true, distribution } } })}
              errorAt={errorAt}
              unit="money"
              currency={currency}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
