import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { Field, FieldList } from '../inventory/field-list';
import { SectionCard } from '../inventory/section-card';
import { AssessmentFormModal } from './assessment-form-modal';
import { RatingPosition } from './rating-position';
import { KNOWLEDGE_LABELS, RATING_LABELS } from './scenario-labels';
import type { Scenario } from './scenario-types';
import { EvaluationBadge } from './status-badges';

interface AssessmentCardProps {
  orgSlug: string;
  scenario: Scenario;
  definition: CriteriaDefinition | undefined;
  canWrite: boolean;
  onReload: () => Promise<Scenario | undefined>;
}

/** Analysis and evaluation: the four ratings on the criteria matrix, why, and how well it is known. */
export function AssessmentCard({ orgSlug, scenario, definition, canWrite, onReload }: AssessmentCardProps) {
  const [round, setRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const criteria = scenario.criteria;
  const rationale = (['inherent', 'current', 'target'] as const).filter((name) => scenario.rationale[name]);
  return (
    <SectionCard
      title="Assessment"
      testId="assessment-card"
      description={
        <>
          On {criteria.name}, version {criteria.version}
          {criteria.latestVersion > criteria.version && ` (version ${criteria.latestVersion} is newer: re-base when you next assess)`}.
        </>
      }
      actions={
        canWrite &&
        scenario.status !== 'closed' && (
          <Button
            variant="light"
            leftSection={<IconAdjustments size={16} aria-hidden />}
            disabled={!definition}
            onClick={() => {
              setRound((n) => n + 1);
              setEditing(true);
            }}
          >
            {scenario.current ? 'Reassess' : 'Assess'}
          </Button>
        )
      }
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
        {(['inherent', 'current', 'target', 'residual'] as const).map((name) => (
          <RatingPosition key={name} name={name} rating={scenario[name]} definition={definition} />
        ))}
      </SimpleGrid>
      <FieldList cols={3}>
        <Field label="Evaluation (current level against the acceptance rules)">
          {scenario.evaluation && <EvaluationBadge evaluation={scenario.evaluation} />}
        </Field>
        <Field label="Strength of knowledge">{scenario.strengthOfKnowledge && KNOWLEDGE_LABELS[scenario.strengthOfKnowledge]}</Field>
      </FieldList>
      {rationale.length > 0 && (
        <Stack gap={4}>
          {rationale.map((name) => (
            <Text key={name} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                Why {RATING_LABELS[name].toLowerCase()}:
              </Text>{' '}
              {scenario.rationale[name]}
            </Text>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        The residual rating is computed: it moves from current towards target as the treatment plan’s controls are put in place.
      </Text>
      {definition && canWrite && (
        <AssessmentFormModal
          key={round}
          orgSlug={orgSlug}
          scenario={scenario}
          definition={definition}
          opened={isEditing}
          onClose={() => setEditing(false)}
          onReload={onReload}
        />
      )}
    </SectionCard>
  );
}
