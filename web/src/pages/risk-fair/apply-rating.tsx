import { Button, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import type { RatingName } from './fair-types';
import { useApplyRating } from './use-fair';

const RATINGS: { value: RatingName; label: string }[] = [
  { value: 'inherent', label: 'Inherent' },
  { value: 'current', label: 'Current' },
  { value: 'target', label: 'Target' },
];

/** Turns the run's loss events a year and loss per event into a likelihood and consequence on the criteria's bands. */
export function ApplyRating({ orgSlug, scenarioId, runId }: { orgSlug: string; scenarioId: string; runId: string }) {
  const [rating, setRating] = useState<RatingName>('current');
  const apply = useApplyRating(orgSlug, scenarioId);
  const applied = apply.isSuccess ? apply.variables : undefined;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Rating"
        w={140}
        data={RATINGS}
        value={rating}
        allowDeselect={false}
        onChange={(value) => {
          if (value) setRating(value as RatingName);
          apply.reset();
        }}
      />
      <Button variant="light" loading={apply.isPending} onClick={() => apply.mutate({ runId, rating })}>
        Set rating from these results
      </Button>
      {applied && applied.runId === runId && (
        <Text size="sm" c="teal" role="status">
          The {applied.rating} rating now follows this run (see Assessment).
        </Text>
      )}
      <div style={{ flexBasis: '100%' }}>
        <ProblemAlert error={apply.error} title="Could not set the rating" />
      </div>
    </Group>
  );
}
