import { Divider, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DistributionInput, type ErrorAt } from './distribution-input';
import type { FairDraft, TefMode, VulnerabilityMode } from './fair-draft';
import { LossInput } from './loss-input';
import type { SharedDriver } from './fair-types';

interface ProductInputsProps {
  draft: FairDraft;
  change: (patch: Partial<FairDraft>) => void;
  errorAt: ErrorAt;
  currency: string | null;
  drivers: SharedDriver[];
}

/** The Open FAIR taxonomy's factors: how often threats act, how often they succeed, what a loss event costs. */
export function ProductInputs({ draft, change, errorAt, currency, drivers }: ProductInputsProps) {
  const tefPath = 'inputs.threatEventFrequency';
  const vulnerabilityPath = 'inputs.vulnerability';
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text fw={700}>Threat event frequency</Text>
        <SegmentedControl
          aria-label="How to estimate the threat event frequency"
          size="xs"
          value={draft.tefMode}
          onChange={(tefMode) => change({ tefMode: tefMode as TefMode })}
          data={[
            { value: 'direct', label: 'Estimate it' },
            { value: 'derived', label: 'Contact frequency × probability of action' },
            { value: 'driver', label: 'Shared driver', disabled: drivers.length === 0 },
          ]}
        />
        {draft.tefMode === 'direct' && (
          <DistributionInput
            label="Threat event frequency"
            path={tefPath}
            value={draft.threatEventFrequency}
            onChange={(threatEventFrequency) => change({ threatEventFrequency })}
            errorAt={errorAt}
            unit="rate"
            description="How many times a year a threat actor acts against the asset (attempts, not successes)."
          />
        )}
        {draft.tefMode === 'derived' && (
          <>
            <DistributionInput
              label="Contact frequency"
              path={`${tefPath}.contactFrequency`}
              value={draft.contactFrequency}
              onChange={(contactFrequency) => change({ contactFrequency })}
              errorAt={errorAt}
              unit="rate"
              description="How often a threat actor comes into contact with the asset."
            />
            <DistributionInput
              label="Probability of action"
              path={`${tefPath}.probabilityOfAction`}
              value={draft.probabilityOfAction}
              onChange={(probabilityOfAction) => change({ probabilityOfAction })}
              errorAt={errorAt}
              unit="probability"
              description="Of those contacts, the share in which the actor acts against it."
            />
          </>
        )}
        {draft.tefMode === 'driver' && (
          <Select
            label="Shared driver"
            description="An organization-wide estimate: scenarios that name the same driver move together in the portfolio"
            data={drivers.map((driver) => ({ value: driver.key, label: `${driver.name} (${driver.key})` }))}
            value={draft.driver}
            onChange={(driver) => change({ driver })}
            error={errorAt(`${tefPath}.driver`) ?? errorAt(tefPath)}
            w={420}
          />
        )}
      </Stack>
      <Divider />
      <Stack gap="xs">
        <Text fw={700}>Vulnerability</Text>
        <SegmentedControl
          aria-label="How to estimate the vulnerability"
          size="xs"
          value={draft.vulnerabilityMode}
          onChange={(mode) => change({ vulnerabilityMode: mode as VulnerabilityMode })}
          data={[
            { value: 'direct', label: 'Estimate it' },
            { value: 'derived', label: 'Threat capability vs resistance strength' },
          ]}
        />
        {draft.vulnerabilityMode === 'direct' ? (
          <DistributionInput
            label="Vulnerability"
            path={vulnerabilityPath}
            value={draft.vulnerability}
            onChange={(vulnerability) => change({ vulnerability })}
            errorAt={errorAt}
            unit="probability"
            description="The share of threat events that become loss events."
          />
        ) : (
          <>
            <DistributionInput
              label="Threat capability"
              path={`${vulnerabilityPath}.threatCapability`}
              value={draft.threatCapability}
              onChange={(threatCapability) => change({ threatCapability })}
              errorAt={errorAt}
              unit="score"
              description="Where this threat's skill and resources sit among all threat actors."
            />
            <DistributionInput
              label="Resistance strength"
              path={`${vulnerabilityPath}.resistanceStrength`}
              value={draft.resistanceStrength}
              onChange={(resistanceStrength) => change({ resistanceStrength })}
              errorAt={errorAt}
              unit="score"
              description="The capability a threat needs to get through the controls, on the same scale. A loss event happens when capability exceeds it."
            />
          </>
        )}
      </Stack>
      <Divider />
      <Stack gap="xs">
        <Text fw={700}>Primary loss</Text>
        <LossInput
          label="Primary loss"
          path="inputs.primaryLoss"
          value={draft.primaryLoss}
          onChange={(primaryLoss) => change({ primaryLoss })}
          errorAt={errorAt}
          currency={currency}
          description="What one loss event costs the organization directly."
        />
      </Stack>
      <Divider />
      <Stack gap="xs">
        <Text fw={700}>Secondary loss</Text>
        <DistributionInput
          label="Secondary loss event frequency"
          path="inputs.secondaryLossEventFrequency"
          value={draft.secondaryLossEventFrequency}
          onChange={(secondaryLossEventFrequency) => change({ secondaryLossEventFrequency })}
          errorAt={errorAt}
          unit="probability"
          description="The share of loss events that others (customers, regulators, the press) react to. A constant 0 leaves secondary loss out."
        />
        <LossInput
          label="Secondary loss magnitude"
          path="inputs.secondaryLossMagnitude"
          value={draft.secondaryLossMagnitude}
          onChange={(secondaryLossMagnitude) => change({ secondaryLossMagnitude })}
          errorAt={errorAt}
          currency={currency}
          description="What their reaction costs, when it happens."
        />
      </Stack>
    </Stack>
  );
}
