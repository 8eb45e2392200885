import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { DeprecatedBadge, ExternalId, KindBadge } from './threat-badges';
import { CATEGORY_LABELS, originLabel } from './threat-labels';
import type { Threat } from './threat-types';

/** An ATT&CK tactic's short name as words: "command-and-control" → "Command and control". */
export const tacticLabel = (shortName: string): string => {
  const words = shortName.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function TacticBadges({ tactics }: { tactics: readonly string[] }) {
  if (tactics.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={4}>
      {tactics.map((tactic) => (
        <Badge key={tactic} variant="outline" color="gray" size="sm" radius="sm" tt="none" fw={500}>
          {tacticLabel(tactic)}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The threats of the current filters; a name (or a click on its row) opens the threat. Category and tactics
 * columns show when a listed threat has one (only risk sources have a category, only ATT&CK entries tactics).
 */
export function ThreatsTable({ items, onOpen }: { items: readonly Threat[]; onOpen: (threat: Threat) => void }) {
  const hasCategory = items.some((threat) => threat.category !== null);
  const hasTactics = items.some((threat) => threat.tactics.length > 0);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover aria-label="Threats" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={130}>Kind</Table.Th>
            {hasCategory && <Table.Th w={170}>Category</Table.Th>}
            <Table.Th w={120}>External id</Table.Th>
            {hasTactics && <Table.Th w={220}>Tactics</Table.Th>}
            <Table.Th w={190}>Origin</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((threat) => (
            <Table.Tr
              key={threat.id}
              data-testid="threat-row"
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if (!(event.target as HTMLElement).closest('a, button')) onOpen(threat);
              }}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <UnstyledButton onClick={() => onOpen(threat)} fw={600} fz="sm" style={{ textAlign: 'left' }} c="indigo.8">
                    {threat.name}
                  </UnstyledButton>
                  {threat.deprecated && <DeprecatedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <KindBadge kind={threat.kind} size="sm" />
              </Table.Td>
              {hasCategory && <Table.Td>{threat.category ? CATEGORY_LABELS[threat.category] : <Text c="dimmed">—</Text>}</Table.Td>}
              <Table.Td>
                <ExternalId threat={threat} />
              </Table.Td>
              {hasTactics && (
                <Table.Td>
                  <TacticBadges tactics={threat.tactics} />
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" c={threat.origin === 'manual' ? undefined : 'dimmed'}>
                  {originLabel(threat)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
