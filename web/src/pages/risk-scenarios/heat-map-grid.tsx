import { Box, Text, UnstyledButton } from '@mantine/core';
import { inkOn } from '../risk-criteria/risk-matrix';
import { RATING_LABELS } from './scenario-labels';
import type { HeatMap } from './scenario-types';
import type { HeatMapCell } from './use-register-view';

interface HeatMapGridProps {
  map: HeatMap;
  /** The register's cell filter, outlined when it is on this map. */
  selected: HeatMapCell | null;
  onSelect: (cell: HeatMapCell) => void;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The colour washed towards white (an empty cell stays recognisable but lets the counted ones stand out). */
function washed(hex: string, share = 0.6): string {
  const channel = (at: number): string =>
    Math.round(parseInt(hex.slice(at, at + 2), 16) * (1 - share) + 255 * share)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/**
 * Scenarios counted per likelihood × consequence cell, coloured by the risk level of the cell, likelihood rising
 * upwards as on the criteria page. A cell with scenarios is a button that filters the register to them.
 */
export function HeatMapGrid({ map, selected, onSelect }: HeatMapGridProps) {
  const label = RATING_LABELS[map.rating];
  const rows = map.likelihood.map((name, index) => ({ name, index })).reverse();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table className="heat-map" aria-label={`${label} risk heat map: scenarios per likelihood and consequence`}>
        <thead>
          <tr>
            <th scope="col">
              <Text size="xs" c="dimmed" lh={1.2}>
                Likelihood ↑<br />
                Consequence →
              </Text>
            </th>
            {map.consequence.map((name) => (
              <th key={name} scope="col">
                <Text size="xs" fw={600} lh={1.2}>
                  {name}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ name, index: likelihood }) => (
            <tr key={name}>
              <th scope="row">
                <Text size="xs" fw={600} lh={1.2}>
                  {name}
                </Text>
              </th>
              {map.consequence.map((consequenceName, consequence) => {
                const cell = map.cells[likelihood]?.[consequence] ?? { count: 0, level: 0 };
                const level = map.levels[cell.level] ?? { name: '?', colour: '#868E96' };
                const isSelected =
                  selected !== null &&
                  selected.rating === map.rating &&
                  selected.likelihood === likelihood &&
                  selected.consequence === consequence;
                const where = `${name} × ${consequenceName} (${level.name})`;
                return (
                  <td
                    key={consequenceName}
                    data-count={cell.count}
                    data-selected={isSelected || undefined}
                    style={{ background: cell.count > 0 ? level.colour : washed(level.colour), color: inkOn(level.colour) }}
                  >
                    {cell.count > 0 ? (
                      <UnstyledButton
                        className="heat-map-cell"
                        aria-pressed={isSelected}
                        aria-label={`${where}: ${plural(cell.count, 'scenario', 'scenarios')}. Show them in the register`}
                        title={`${where}: ${plural(cell.count, 'scenario', 'scenarios')}`}
                        onClick={() => onSelect({ rating: map.rating, likelihood, consequence })}
                      >
                        {cell.count}
                      </UnstyledButton>
                    ) : (
                      <span className="heat-map-empty" title={`${where}: none`} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="xs" c="dimmed" mt={4}>
        {plural(map.total, 'scenario', 'scenarios')} placed
        {map.unrated > 0 &&
          ` · ${plural(map.unrated, 'scenario', 'scenarios')} without ${map.rating === 'inherent' ? 'an' : 'a'} ${map.rating} rating`}
        {map.otherScale > 0 && ` · ${map.otherScale.toLocaleString('en')} rated on scales of another size (not shown)`}
      </Text>
    </Box>
  );
}
