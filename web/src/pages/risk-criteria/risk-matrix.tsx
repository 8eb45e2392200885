import { Box, Text, Tooltip } from '@mantine/core';
import type { CriteriaDefinition } from './use-risk-criteria';

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const channel = (at: number): number => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? '#1A1B1E' : '#FFFFFF';
}

/**
 * The likelihood × consequence matrix as a heat map: likelihood rises upwards, consequence to the right, as
 * risk managers draw it. A real table, so screen readers read it row by row with its headers.
 */
export function RiskMatrix({ definition }: { definition: CriteriaDefinition }) {
  const rows = definition.likelihood.map((level, index) => ({ level, index })).reverse();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table
        className="risk-matrix"
        aria-label={`Risk matrix: ${definition.likelihood.length} likelihood by ${definition.consequence.length} consequence levels`}
      >
        <thead>
          <tr>
            <th scope="col">
              <Text size="xs" c="dimmed">
                Likelihood ↑ / Consequence →
              </Text>
            </th>
            {definition.consequence.map((level) => (
              <th key={level.name} scope="col">
                <Text size="sm" fw={600}>
                  {level.name}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ level, index }) => (
            <tr key={level.name}>
              <th scope="row">
                <Text size="sm" fw={600}>
                  {level.name}
                </Text>
              </th>
              {definition.consequence.map((consequence, c) => {
                const risk = definition.levels[definition.matrix[index]?.[c] ?? 0]!;
                return (
                  <td key={consequence.name} style={{ background: risk.colour, color: inkOn(risk.colour) }}>
                    <Tooltip label={`${level.name} × ${consequence.name} → ${risk.name}`} withinPortal>
                      <span>{risk.name}</span>
                    </Tooltip>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
}
