import { ActionIcon, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { isPathOf, toProblem } from '../../api/api-problem';
import { EditModal } from '../inventory/edit-modal';
import { CurvePointsEditor, type PointDraft } from './curve-points-editor';
import { DistributionInput, type ErrorAt } from './distribution-input';
import { blankDistribution, draftOfDistribution, newKey, pathsOf, toDistribution, type DistributionDraft } from './fair-draft';
import type { CurvePoint, FairSettings, FairSettingsInput } from './fair-types';
import { useSaveFairSettings } from './use-fair';

interface DriverDraft {
  key: number;
  driverKey: string;
  name: string;
  description: string;
  distribution: DistributionDraft;
}

const pointsOf = (curve: CurvePoint[]): PointDraft[] =>
  curve.map((point) => ({ key: newKey(), loss: point.loss, percent: point.probability * 100 }));
const curveOf = (points: PointDraft[]): CurvePoint[] =>
  points.map((point) => ({
    loss: point.loss === '' ? Number.NaN : point.loss,
    probability: point.percent === '' ? Number.NaN : point.percent / 100,
  }));

interface PortfolioSettingsModalProps {
  orgSlug: string;
  settings: FairSettings;
  opened: boolean;
  onClose: () => void;
}

/** The organization's FAIR settings: the currency, how much loss it will take (appetite) and bear (tolerance), shared drivers. */
export function PortfolioSettingsModal({ orgSlug, settings, opened, onClose }: PortfolioSettingsModalProps) {
  const save = useSaveFairSettings(orgSlug);
  const [currency, setCurrency] = useState(settings.currency ?? '');
  const [appetite, setAppetite] = useState(() => pointsOf(settings.appetite));
  const [tolerance, setTolerance] = useState(() => pointsOf(settings.tolerance));
  const [drivers, setDrivers] = useState<DriverDraft[]>(() =>
    settings.drivers.map((driver) => ({
      key: newKey(),
      driverKey: driver.key,
      name: driver.name,
      description: driver.description ?? '',
      distribution: draftOfDistribution(driver.distribution),
    })),
  );
  const problem = save.error ? toProblem(save.error) : null;
  const errorAt: ErrorAt = (path) => problem?.fieldProblems.find((field) => isPathOf(field.path, path))?.message;
  const body = (): FairSettingsInput => ({
    currency: currency.trim() ? currency.trim().toUpperCase() : null,
    appetite: curveOf(appetite),
    tolerance: curveOf(tolerance),
    drivers: drivers.map((driver) => ({
      key: driver.driverKey.trim(),
      name: driver.name.trim(),
      description: driver.description.trim() || null,
      distribution: toDistribution(driver.distribution),
    })),
  });
  const setDriver = (index: number, patch: Partial<DriverDraft>): void =>
    setDrivers((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    save.mutate(body(), { onSuccess: onClose });
  };
  const fields = pathsOf(body()).filter((path) => path !== 'drivers');
  return (
    <EditModal
      title="Risk portfolio settings"
      opened={opened}
      onClose={onClose}
      onSubmit={submit}
      failure={{ what: 'settings', error: save.error, isConflict: false, isEdit: true, fields, reload: undefined, isReloading: false }}
    >
      <TextInput
        label="Currency"
        description="ISO 4217 code the amounts are in, e.g. EUR, USD, GBP"
        w={240}
        maxLength={3}
        value={currency}
        onChange={(event) => setCurrency(event.currentTarget.value)}
        error={errorAt('currency')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <CurvePointsEditor
          label="Risk appetite"
          description="The losses the organization is willing to take on: a yearly loss of at least this amount with at most this chance."
          path="appetite"
          points={appetite}
          onChange={setAppetite}
          errorAt={errorAt}
          currency={currency.trim() || null}
          newKey={newKey}
        />
        <CurvePointsEditor
          label="Risk tolerance"
          description="The most it can bear: beyond these points the portfolio needs treatment, whatever it costs."
          path="tolerance"
          points={tolerance}
          onChange={setTolerance}
          errorAt={errorAt}
          currency={currency.trim() || null}
          newKey={newKey}
        />
      </SimpleGrid>
      <Divider label="Shared drivers" labelPosition="left" />
      <Text size="xs" c="dimmed">
        A driver is one estimate several scenarios use for their threat event frequency (say, a ransomware campaign season). In a portfolio
        run they draw the same value each simulated year, so their losses come together, as they would.
      </Text>
      {errorAt('drivers') && (
        <Text size="xs" c="red" role="alert">
          {errorAt('drivers')}
        </Text>
      )}
      {drivers.map((driver, index) => (
        <Paper key={driver.key} withBorder p="sm" radius="md" role="group" aria-label={`Driver ${index + 1}`}>
          <Stack gap="xs">
            <Group gap="sm" align="flex-start">
              <TextInput
                label="Key"
                placeholder="e.g. ransomware-campaign"
                w={200}
                value={driver.driverKey}
                onChange={(event) => setDriver(index, { driverKey: event.currentTarget.value })}
                error={errorAt(`drivers.${index}.key`) ?? errorAt(`drivers.${index}`)}
              />
              <TextInput
                label="Name"
                w={240}
                value={driver.name}
                onChange={(event) => setDriver(index, { name: event.currentTarget.value })}
                error={errorAt(`drivers.${index}.name`)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={`Remove driver ${driver.name || index + 1}`}
                onClick={() => setDrivers((list) => list.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <TextInput
              label="Description"
              value={driver.description}
              onChange={(event) => setDriver(index, { description: event.currentTarget.value })}
              error={errorAt(`drivers.${index}.description`)}
            />
            <DistributionInput
              label="Threat events a year"
              path={`drivers.${index}.distribution`}
              value={driver.distribution}
              onChange={(distribution) => setDriver(index, { distribution })}
              errorAt={errorAt}
              unit="rate"
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            setDrivers((list) => [
              ...list,
              { key: newKey(), driverKey: '', name: '', description: '', distribution: blankDistribution('pert') },
            ])
          }
        >
          Add a driver
        </Button>
      </Group>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Group>
    </EditModal>
  );
}
