import { Group, Skeleton, Table, Text } from '@mantine/core';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import type { NodeRef, PropertyProtection, Scale } from './inventory-types';
import { LevelBadge } from './levels';
import { NodeLink } from './node-link';
import { SectionCard } from './section-card';
import { useProtection } from './use-inventory';

const PROPERTIES = [
  ['confidentiality', 'Confidentiality'],
  ['integrity', 'Integrity'],
  ['availability', 'Availability'],
] as const;

/** The chain from the primary asset that sets the level down to this asset, read "relies on". */
function ReliesOnChain({ orgSlug, path, self }: { orgSlug: string; path: readonly NodeRef[]; self: string }) {
  const chain = [...path].reverse();
  return (
    <Group gap={4} wrap="wrap" component="span" data-testid="protection-path">
      {chain.map((node, index) => (
        <Fragment key={`${node.id}-${index}`}>
          {index > 0 && (
            <Text span size="xs" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
              <IconArrowNarrowRight size={14} aria-hidden />
              relies on
              <IconArrowNarrowRight size={14} aria-hidden />
            </Text>
          )}
          {node.id === self ? (
            <Text span size="sm" fw={600}>
              this asset
            </Text>
          ) : (
            <NodeLink orgSlug={orgSlug} node={node} />
          )}
        </Fragment>
      ))}
    </Group>
  );
}

function Reason({ orgSlug, protection, assetId }: { orgSlug: string; protection: PropertyProtection; assetId: string }) {
  if (protection.effective === null) {
    return (
      <Text size="sm" c="dimmed">
        Not set here, and no primary asset relying on it sets one.
      </Text>
    );
  }
  const isOwn = !protection.source || protection.source.id === assetId || protection.path.length <= 1;
  if (isOwn) return <Text size="sm">Its own requirement; nothing relying on it needs more.</Text>;
  return (
    <Text size="sm" component="div">
      Inherited from <NodeLink orgSlug={orgSlug} node={protection.source!} fw={600} />, which relies on it:
      <div style={{ marginTop: 4 }}>
        <ReliesOnChain orgSlug={orgSlug} path={protection.path} self={assetId} />
      </div>
    </Text>
  );
}

/**
 * Effective protection needs: an asset must be protected as well as the most demanding primary asset that relies
 * on it, directly or not. For each of C, I and A: its own level, the effective one, and the chain that causes it.
 */
export function EffectiveProtection({ orgSlug, assetId, scale }: { orgSlug: string; assetId: string; scale: Scale | undefined }) {
  const protection = useProtection(orgSlug, assetId);
  return (
    <SectionCard
      title="Effective protection needs"
      description="What this asset must meet: its own requirement, raised to that of the most demanding primary asset relying on it."
      testId="effective-protection"
    >
      <ProblemAlert error={protection.error} title="Could not work out the effective protection needs" />
      {protection.isPending && <Skeleton height={150} />}
      {protection.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label="Effective protection needs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>Property</Table.Th>
                <Table.Th w={110}>Own</Table.Th>
                <Table.Th w={110}>Effective</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {PROPERTIES.map(([key, label]) => {
                const property = protection.data[key];
                const isRaised = property.effective !== null && (property.own ?? 0) < property.effective;
                return (
                  <Table.Tr key={key} data-testid={`protection-${key}`} bg={isRaised ? 'orange.0' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge scale={scale} level={property.own} />
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge scale={scale} level={property.effective} />
                    </Table.Td>
                    <Table.Td>
                      <Reason orgSlug={orgSlug} protection={property} assetId={assetId} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
