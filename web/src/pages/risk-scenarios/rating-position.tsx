import { Box, Group, Stack, Text } from '@mantine/core';
import type { CriteriaDefinition } from '../risk-criteria/use-risk-criteria';
import { RiskLevelBadge } from './risk-level-badge';
import { RATING_DESCRIPTIONS, RATING_LABELS } from './scenario-labels';
import type { Rating, RatingName } from './scenario-types';

const CELL = 14;

/** The criteria matrix in miniature, likelihood rising upwards, the rated cell marked. */
function MiniMatrix({ definition, rating, label }: { definition: CriteriaDefinition; rating: Rating | null; label: string }) {
  const rows = definition.likelihood.map((_, index) => index).reverse();
  return (
    <Box
      role="img"
      aria-label={rating ? `${label}: ${rating.likelihoodName} × ${rating.consequenceName}, ${rating.levelName}` : `${label}: not rated`}
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${definition.consequence.length}, ${CELL}px)`,
        gap: 2,
        flex: 'none',
      }}
    >
      {rows.flatMap((likelihood) =>
        definition.consequence.map((_, consequence) => {
          const level = definition.levels[definition.matrix[likelihood]?.[consequence] ?? 0];
          const isRated = rating !== null && rating.likelihood === likelihood && rating.consequence === consequence;
          return (
            <span
              key={`${likelihood}-${consequence}`}
              data-rated={isRated || undefined}
              style={{
                width: CELL,
                height: CELL,
                borderRadius: 2,
                background: level?.colour ?? '#ADB5BD',
                opacity: isRated ? 1 : 0.3,
                boxShadow: isRated ? '0 0 0 2px var(--mantine-color-white), 0 0 0 3px var(--mantine-color-dark-7)' : undefined,
              }}
            />
          );
        }),
      )}
    </Box>
  );
}

/** One of a scenario's four ratings: where it sits on the matrix, its level in colour, and its names. */
export function RatingPosition({
  name,
  rating,
  definition,
}: {
  name: RatingName;
  rating: Rating | null;
  definition: CriteriaDefinition | undefined;
}) {
  return (
    <Stack gap={6} data-testid={`rating-${name}`}>
      <div>
        <Text fw={700} size="sm">
          {RATING_LABELS[name]}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3} mih="2.6em">
          {RATING_DESCRIPTIONS[name]}
        </Text>
      </div>
      <Group gap="sm" wrap="nowrap" align="center">
        {definition && <MiniMatrix definition={definition} rating={rating} label={RATING_LABELS[name]} />}
        <Stack gap={2} style={{ minWidth: 0 }}>
          <RiskLevelBadge rating={rating} label={RATING_LABELS[name]} />
          {rating && (
            <Text size="xs" c="dimmed" lh={1.3}>
              {rating.likelihoodName} × {rating.consequenceName}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
