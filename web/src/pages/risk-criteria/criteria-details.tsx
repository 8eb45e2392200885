import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { RiskMatrix } from './risk-matrix';
import type { Criteria } from './use-risk-criteria';

const AREA_LABELS: Record<string, string> = {
  financial: 'Financial',
  operational: 'Operational',
  'legal-regulatory': 'Legal and regulatory',
  reputation: 'Reputation',
  safety: 'Safety',
  privacy: 'Privacy',
};

function band(range: { min: number; max: number } | null, unit: string): string {
  if (!range) return '—';
  const format = (value: number): string => value.toLocaleString('en', { maximumFractionDigits: 2 });
  return `${format(range.min)}–${format(range.max)} ${unit}`;
}

function acceptedBy(rule: Criteria['definition']['acceptance'][number]): string {
  if (rule.by === 'nobody') return 'Nobody: must be treated';
  const who = rule.by === 'risk-owner' ? 'The risk owner' : `A member with the ${rule.role ?? '?'} role`;
  return rule.maxDays ? `${who}, for up to ${rule.maxDays} days` : who;
}

/** One criteria set: the heat map, the scales, and who may accept what. */
export function CriteriaDetails({ criteria }: { criteria: Criteria }) {
  const { definition } = criteria;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Title order={2} size="h3">
          {criteria.name}
        </Title>
        <Badge variant="light">version {criteria.shownVersion}</Badge>
        {criteria.isDefault && <Badge color="teal">default</Badge>}
      </Group>
      {definition.description && <Text c="dimmed">{definition.description}</Text>}
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          Risk matrix
        </Title>
        <RiskMatrix definition={definition} />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder radius="md">
          <Title order={3} size="h4" mb="sm">
            Likelihood scale
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Level</Table.Th>
                <Table.Th>Meaning</Table.Th>
                <Table.Th>Events per year</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {definition.likelihood.map((level) => (
                <Table.Tr key={level.name}>
                  <Table.Td fw={600}>{level.name}</Table.Td>
                  <Table.Td>{level.description ?? '—'}</Table.Td>
                  <Table.Td>{band(level.eventsPerYear, '')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder radius="md">
          <Title order={3} size="h4" mb="sm">
            Risk levels and acceptance
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Level</Table.Th>
                <Table.Th>Who may accept</Table.Th>
                <Table.Th>Review every</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {definition.levels.map((level, i) => (
                <Table.Tr key={level.name}>
                  <Table.Td>
                    <Badge color={level.colour} autoContrast radius="sm">
                      {level.name}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{acceptedBy(definition.acceptance[i]!)}</Table.Td>
                  <Table.Td>{definition.reviewDays?.[i] ? `${definition.reviewDays[i]} days` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          Consequence scale
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Level</Table.Th>
              <Table.Th>Meaning</Table.Th>
              <Table.Th>By impact area</Table.Th>
              <Table.Th>Loss</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {definition.consequence.map((level) => (
              <Table.Tr key={level.name}>
                <Table.Td fw={600}>{level.name}</Table.Td>
                <Table.Td>{level.description ?? '—'}</Table.Td>
                <Table.Td>
                  {Object.entries(level.areas ?? {}).length === 0
                    ? '—'
                    : Object.entries(level.areas ?? {}).map(([area, text]) => (
                        <Text key={area} size="sm">
                          <Text span fw={600}>
                            {AREA_LABELS[area] ?? area}:
                          </Text>{' '}
                          {text}
                        </Text>
                      ))}
                </Table.Td>
                <Table.Td>{band(level.monetary, definition.currency ?? '')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
