import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { LevelBadge } from '../inventory/levels';
import { useScale } from '../inventory/use-inventory';
import type { Suggestion } from './scenario-types';

const PROPERTY_LABELS = { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' } as const;

/**
 * What the dependency graph suggests: the primary assets (information, business processes) in the blast radius
 * of those named, their protection needs, and the consequence level the highest of them maps to.
 */
export function SuggestionDetails({ orgSlug, suggestion, limit }: { orgSlug: string; suggestion: Suggestion; limit?: number }) {
  const scale = useScale(orgSlug);
  const highest = suggestion.highestRequirement;
  const named = [...suggestion.ownAssets, ...suggestion.primaryAssets];
  const highestAsset = highest ? named.find((asset) => asset.id === highest.assetId) : undefined;
  const shown = limit ? suggestion.primaryAssets.slice(0, limit) : suggestion.primaryAssets;
  return (
    <Stack gap="xs">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed" fw={600}>
            Suggested consequence
          </Text>
          <Text fw={700} data-testid="suggested-consequence">
            {suggestion.consequence?.name ?? 'None: no protection needs are set'}
          </Text>
        </Stack>
        {highest && (
          <Stack gap={0}>
            <Text size="xs" c="dimmed" fw={600}>
              Because of
            </Text>
            <Text size="sm">
              {highest.levelName} {PROPERTY_LABELS[highest.property]}
              {highestAsset && ` of ${highestAsset.name}`}
            </Text>
          </Stack>
        )}
      </Group>
      {shown.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} horizontalSpacing="xs" aria-label="Primary assets in the blast radius">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Primary asset in the blast radius</Table.Th>
                <Table.Th w={70}>Hops</Table.Th>
                <Table.Th w={100}>Confidentiality</Table.Th>
                <Table.Th w={100}>Integrity</Table.Th>
                <Table.Th w={100}>Availability</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((asset) => (
                <Table.Tr key={asset.id}>
                  <Table.Td>
                    <Anchor {...linkProps(orgPath(orgSlug, `assets/${asset.id}`))} size="sm">
                      {asset.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{asset.distance}</Table.Td>
                  <Table.Td>
                    <LevelBadge scale={scale.data} level={asset.confidentiality} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge scale={scale.data} level={asset.integrity} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge scale={scale.data} level={asset.availability} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          No primary asset relies on what the scenario names.
        </Text>
      )}
      {limit !== undefined && suggestion.primaryAssets.length > limit && (
        <Text size="xs" c="dimmed">
          and {suggestion.primaryAssets.length - limit} more
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {suggestion.mapping}
        {suggestion.truncated && ' The blast radius was too large to follow whole: the list is partial.'}
      </Text>
    </Stack>
  );
}
