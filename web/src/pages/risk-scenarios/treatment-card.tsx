import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { SectionCard } from '../inventory/section-card';
import { ControlRefTable } from './planned-controls-table';
import { TREATMENT_LABELS } from './scenario-labels';
import type { Scenario } from './scenario-types';
import { TreatmentFormModal } from './treatment-form-modal';

interface TreatmentCardProps {
  orgSlug: string;
  scenario: Scenario;
  canWrite: boolean;
  onReload: () => Promise<Scenario | undefined>;
}

/** The treatment decision: the option, why, and the plan's applied controls with how far they have come. */
export function TreatmentCard({ orgSlug, scenario, canWrite, onReload }: TreatmentCardProps) {
  const [round, setRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const treatment = scenario.treatment;
  return (
    <SectionCard
      title="Treatment"
      testId="treatment-card"
      description={treatment ? TREATMENT_LABELS[treatment.option].description : 'No treatment decided yet.'}
      actions={
        canWrite &&
        scenario.status !== 'closed' && (
          <Button
            variant="light"
            leftSection={<IconListCheck size={16} aria-hidden />}
            onClick={() => {
              setRound((n) => n + 1);
              setEditing(true);
            }}
          >
            {treatment ? 'Change treatment' : 'Decide treatment'}
          </Button>
        )
      }
    >
      {treatment && (
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Badge size="lg" variant="filled" color="indigo" radius="sm" tt="none">
              {TREATMENT_LABELS[treatment.option].label}
            </Badge>
            {treatment.justification && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', flex: 1 }}>
                {treatment.justification}
              </Text>
            )}
          </Group>
          {treatment.plannedControls.length > 0 ? (
            <>
              <Stack gap={4}>
                <Group justify="space-between">
                  <Text size="sm" fw={600} id="treatment-progress-label">
                    Progress of the plan
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="treatment-progress">
                    {treatment.progress.inPlace} of {treatment.progress.planned} controls in place ({treatment.progress.percent} %)
                  </Text>
                </Group>
                <Progress
                  value={treatment.progress.percent}
                  color={treatment.progress.percent === 100 ? 'teal' : 'indigo'}
                  size="lg"
                  radius="sm"
                  aria-labelledby="treatment-progress-label"
                />
              </Stack>
              <ControlRefTable controls={treatment.plannedControls} label="Planned controls" />
            </>
          ) : (
            <Text size="sm" c="dimmed">
              The plan names no applied control.
            </Text>
          )}
        </Stack>
      )}
      {canWrite && (
        <TreatmentFormModal
          key={round}
          orgSlug={orgSlug}
          scenario={scenario}
          opened={isEditing}
          onClose={() => setEditing(false)}
          onReload={onReload}
        />
      )}
    </SectionCard>
  );
}
