import { Button, Group, Text } from '@mantine/core';
import { IconEyeCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { Field, FieldList } from '../inventory/field-list';
import { SectionCard } from '../inventory/section-card';
import { ReviewModal } from './review-modal';
import type { Scenario } from './scenario-types';
import { LateBadge } from './status-badges';

interface ReviewCardProps {
  orgSlug: string;
  scenario: Scenario;
  canWrite: boolean;
  onReload: () => Promise<Scenario | undefined>;
}

/** Monitoring and review: when the scenario is next due for a look, and when it last had one. */
export function ReviewCard({ orgSlug, scenario, canWrite, onReload }: ReviewCardProps) {
  const [round, setRound] = useState(0);
  const [isReviewing, setReviewing] = useState(false);
  return (
    <SectionCard
      title="Review"
      testId="review-card"
      description="Each risk level has its review period in the criteria."
      actions={
        canWrite &&
        scenario.status !== 'closed' && (
          <Button
            variant="light"
            leftSection={<IconEyeCheck size={16} aria-hidden />}
            onClick={() => {
              setRound((n) => n + 1);
              setReviewing(true);
            }}
          >
            Mark reviewed
          </Button>
        )
      }
    >
      <FieldList cols={2}>
        <Field label="Next review due">
          {scenario.reviewDue && (
            <Group gap={6} component="span" data-testid="review-due">
              <Text span size="sm" c={scenario.reviewOverdue ? 'red.8' : undefined} fw={scenario.reviewOverdue ? 700 : undefined}>
                {scenario.reviewDue}
              </Text>
              {scenario.reviewOverdue && <LateBadge>overdue</LateBadge>}
            </Group>
          )}
        </Field>
        <Field label="Last reviewed">{scenario.lastReviewedAt ? formatDateTime(scenario.lastReviewedAt) : 'Never'}</Field>
      </FieldList>
      {canWrite && (
        <ReviewModal
          key={round}
          orgSlug={orgSlug}
          scenario={scenario}
          opened={isReviewing}
          onClose={() => setReviewing(false)}
          onReload={onReload}
        />
      )}
    </SectionCard>
  );
}
