import { NumberInput, Stack, Text } from '@mantine/core';
import type { ErrorAt } from './distribution-input';
import type { FairDraft } from './fair-draft';
import { LossInput } from './loss-input';

interface CompoundInputsProps {
  draft: FairDraft;
  change: (patch: Partial<FairDraft>) => void;
  errorAt: ErrorAt;
  currency: string | null;
}

/** Loss events per year (a Poisson rate) and what one event costs. */
export function CompoundInputs({ draft, change, errorAt, currency }: CompoundInputsProps) {
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text fw={700}>Loss event frequency</Text>
        <NumberInput
          label="Loss events per year (average)"
          description="The yearly rate; the number in a given year varies around it (Poisson). 0.2 means once in five years."
          w={320}
          min={0}
          decimalScale={6}
          hideControls
          value={draft.lossEventFrequency}
          onChange={(value) => change({ lossEventFrequency: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
          error={errorAt('inputs.lossEventFrequency')}
        />
      </Stack>
      <Stack gap="xs">
        <Text fw={700}>Loss magnitude</Text>
        <LossInput
          label="Loss magnitude"
          path="inputs.magnitude"
          value={draft.magnitude}
          onChange={(magnitude) => change({ magnitude })}
          errorAt={errorAt}
          currency={currency}
          description="What one loss event costs, all forms of loss together."
        />
      </Stack>
    </Stack>
  );
}
