import { Badge, CloseButton } from '@mantine/core';
import { RATING_LABELS } from './scenario-labels';
import { parseCell } from './use-register-view';

interface CellFilterChipProps {
  cell: string;
  likelihoodNames: readonly string[];
  consequenceNames: readonly string[];
  onRemove: () => void;
}

/** The heat-map cell the register is filtered to, with a button that removes the filter. */
export function CellFilterChip({ cell, likelihoodNames, consequenceNames, onRemove }: CellFilterChipProps) {
  const parsed = parseCell(cell);
  if (!parsed) return null;
  const likelihood = likelihoodNames[parsed.likelihood] ?? `likelihood ${parsed.likelihood + 1}`;
  const consequence = consequenceNames[parsed.consequence] ?? `consequence ${parsed.consequence + 1}`;
  const text = `${RATING_LABELS[parsed.rating]} risk: ${likelihood} × ${consequence}`;
  return (
    <Badge
      size="lg"
      variant="light"
      color="indigo"
      radius="xl"
      tt="none"
      fw={600}
      pr={4}
      data-testid="cell-filter"
      rightSection={<CloseButton size="sm" aria-label={`Remove the heat-map filter (${text})`} onClick={onRemove} />}
    >
      {text}
    </Badge>
  );
}
