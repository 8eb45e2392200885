import { Chip, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { HeatMapGrid } from './heat-map-grid';
import { HEAT_MAP_RATINGS, RATING_DESCRIPTIONS, RATING_LABELS } from './scenario-labels';
import type { HeatMapQuery, HeatMapRating } from './scenario-types';
import { filterParams, parseCell, type HeatMapCell, type RegisterView } from './use-register-view';
import { useHeatMap } from './use-scenarios';

function OneHeatMap({
  orgSlug,
  view,
  rating,
  onSelect,
}: {
  orgSlug: string;
  view: RegisterView;
  rating: HeatMapRating;
  onSelect: (cell: HeatMapCell) => void;
}) {
  const query = { ...Object.fromEntries(filterParams(view, { withCell: false })), rating } as HeatMapQuery;
  const map = useHeatMap(orgSlug, query);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-label={`${RATING_LABELS[rating]} risk`}
      data-testid={`heat-map-${rating}`}
    >
      <Stack gap={4}>
        <div>
          <Title order={3} fz="md">
            {RATING_LABELS[rating]} risk
          </Title>
          <Text size="xs" c="dimmed">
            {RATING_DESCRIPTIONS[rating]}
          </Text>
        </div>
        <ProblemAlert error={map.error} title={`Could not load the ${rating} heat map`} />
        {map.isPending && <Skeleton height={230} />}
        {map.data && <HeatMapGrid map={map.data} selected={parseCell(view.cell)} onSelect={onSelect} />}
      </Stack>
    </Paper>
  );
}

/**
 * Heat maps of the filtered register side by side (inherent and residual first; current on request). A cell
 * click filters the register to the scenarios in it.
 */
export function HeatMapsPanel({ orgSlug, view, onSelect }: { orgSlug: string; view: RegisterView; onSelect: (cell: HeatMapCell) => void }) {
  const [shown, setShown] = useState<string[]>(['inherent', 'residual']);
  const ratings = HEAT_MAP_RATINGS.filter((rating) => shown.includes(rating));
  return (
    <Stack gap="xs" component="section" aria-labelledby="heat-maps-title">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id="heat-maps-title">
          Heat maps
        </Title>
        <Chip.Group multiple value={shown} onChange={(next) => next.length > 0 && setShown(next)}>
          <Group gap={6} role="group" aria-label="Ratings shown">
            {HEAT_MAP_RATINGS.map((rating) => (
              <Chip key={rating} value={rating} size="xs" variant="outline">
                {RATING_LABELS[rating]}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: Math.min(2, ratings.length), xl: ratings.length }} spacing="sm">
        {ratings.map((rating) => (
          <OneHeatMap key={rating} orgSlug={orgSlug} view={view} rating={rating} onSelect={onSelect} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
