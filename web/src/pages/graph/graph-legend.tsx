import { Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DEPENDENCY_TYPE_LABELS, DISTANCE_COLORS, EDGE_COLORS, FOCUS_COLOR, MUTED_COLOR } from './graph-style';
import { DEPENDENCY_TYPES, type DependencyType, type HighlightMode } from './graph-types';

interface GraphLegendProps {
  mode: HighlightMode;
  types: readonly DependencyType[];
  onTypesChange: (types: DependencyType[]) => void;
}

function Swatch({ color, shape = 'circle' }: { color: string; shape?: 'circle' | 'diamond' | 'square' | 'line' | 'dashed' }) {
  const size = 12;
  if (shape === 'line' || shape === 'dashed') {
    return <span aria-hidden style={{ width: 22, height: 0, borderTop: `3px ${shape === 'dashed' ? 'dashed' : 'solid'} ${color}`, flex: 'none' }} />;
  }
  return (
    <span
      aria-hidden
      style={{
        width: size,
        height: size,
        background: color,
        flex: 'none',
        borderRadius: shape === 'circle' ? size : 2,
        transform: shape === 'diamond' ? 'rotate(45deg) scale(0.85)' : undefined,
        border: shape === 'square' ? '2px solid #212529' : undefined,
      }}
    />
  );
}

/** What the colours and shapes mean, and the dependency types followed (the edge colours double as the filter). */
export function GraphLegend({ mode, types, onTypesChange }: GraphLegendProps) {
  const palette = DISTANCE_COLORS[mode];
  // At least one type stays followed: the last checked box is disabled.
  const change = (values: string[]): void => {
    const next = DEPENDENCY_TYPES.filter((type) => values.includes(type));
    if (next.length > 0) onTypesChange(next);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="graph-legend-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="graph-legend-title">
          Legend
        </Title>
        <Stack gap={4}>
          <Group gap={8} wrap="nowrap">
            <Swatch color={FOCUS_COLOR} />
            <Text size="xs">The focus asset</Text>
          </Group>
          {palette.map((color, index) => (
            <Group key={color} gap={8} wrap="nowrap">
              <Swatch color={color} />
              <Text size="xs">
                {mode === 'blast' ? 'Affected' : 'Relied on'} at {index + 1}
                {index === palette.length - 1 ? '+' : ''} {index === 0 ? 'hop' : 'hops'}
              </Text>
            </Group>
          ))}
          <Group gap={8} wrap="nowrap">
            <Swatch color={MUTED_COLOR} />
            <Text size="xs">{mode === 'blast' ? 'Relied on (upstream), not highlighted' : 'Affected (blast radius), not highlighted'}</Text>
          </Group>
          <Group gap={8} wrap="nowrap">
            <Swatch color="#ffffff" shape="square" />
            <Text size="xs">Primary asset (information, business process): larger, outlined</Text>
          </Group>
          <Group gap={8} wrap="nowrap">
            <Swatch color="#868e96" shape="diamond" />
            <Text size="xs">External organization</Text>
          </Group>
        </Stack>
        <Checkbox.Group
          label="Dependency types followed"
          description="Arrows point from the dependent to what it relies on."
          value={[...types]}
          onChange={change}
        >
          <Stack gap={4} mt={6}>
            {DEPENDENCY_TYPES.map((type) => (
              <Checkbox
                key={type}
                value={type}
                size="xs"
                disabled={types.length === 1 && types[0] === type}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <Swatch color={EDGE_COLORS[type]} shape="line" />
                    <span>{DEPENDENCY_TYPE_LABELS[type]}</span>
                  </Group>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </Paper>
  );
}
