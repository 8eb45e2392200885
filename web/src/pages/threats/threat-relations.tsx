import { Anchor, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/problem-alert';
import { DeprecatedBadge, KindBadge } from './threat-badges';
import { RELATION_LABELS } from './threat-labels';
import type { ThreatRelation } from './threat-types';
import { useThreatRelations } from './use-threats';

interface RelationGroup {
  key: string;
  label: string;
  items: ThreatRelation[];
}

/** Relations grouped by type and direction, in the API's order (type, direction, then name). */
export function groupRelations(items: readonly ThreatRelation[]): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  for (const relation of items) {
    const key = `${relation.type}:${relation.direction}`;
    const group = groups.get(key) ?? { key, label: RELATION_LABELS[relation.type][relation.direction], items: [] };
    group.items.push(relation);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The threats related to one: "Uses", "Used by", "Mitigated by"…; a name opens that threat. */
export function ThreatRelations({ orgSlug, threatId, onOpen }: { orgSlug: string; threatId: string; onOpen: (threatId: string) => void }) {
  const relations = useThreatRelations(orgSlug, threatId);
  const groups = groupRelations(relations.data?.items ?? []);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Related threats
      </Title>
      <ProblemAlert error={relations.error} title="Could not load the related threats" />
      {relations.isPending && <Skeleton height={80} />}
      {relations.data && groups.length === 0 && (
        <Text size="sm" c="dimmed">
          None recorded.
        </Text>
      )}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`relation-${group.key}`}>
          <Text id={`relation-${group.key}`} size="sm" fw={700} mb={4}>
            {group.label}{' '}
            <Text span c="dimmed" size="sm">
              ({group.items.length})
            </Text>
          </Text>
          <List listStyleType="none" spacing={4} withPadding={false}>
            {group.items.map(({ threat }) => (
              <List.Item key={threat.id}>
                <Group gap={6} wrap="nowrap">
                  <KindBadge kind={threat.kind} size="xs" />
                  {threat.externalId && <span className="mono">{threat.externalId}</span>}
                  <Anchor component="button" type="button" size="sm" onClick={() => onOpen(threat.id)} style={{ textAlign: 'left' }}>
                    {threat.name}
                  </Anchor>
                  {threat.deprecated && <DeprecatedBadge />}
                </Group>
              </List.Item>
            ))}
          </List>
        </section>
      ))}
    </Stack>
  );
}
