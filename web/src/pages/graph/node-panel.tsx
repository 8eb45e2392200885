import { ActionIcon, Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFocus2, IconX } from '@tabler/icons-react';
import { ProblemAlert } from '../../components/problem-alert';
import { linkProps } from '../../router/router';
import { KIND_LABELS } from './graph-style';
import type { GraphNode, ProtectionScale } from './graph-types';
import { nodePagePath } from './node-links';
import { useAssetDetail } from './use-graph';

interface NodePanelProps {
  orgSlug: string;
  node: GraphNode;
  /** The name of the node it was reached through. */
  viaName: string | null;
  scale: ProtectionScale | undefined;
  onRecentre: (node: GraphNode) => void;
  onClose: () => void;
}

function levelText(level: number | null, scale: ProtectionScale | undefined): string {
  if (level === null) return 'not set';
  const name = scale?.levels.find((candidate) => candidate.value === level)?.name;
  return name ? `${name} (${level})` : String(level);
}

function hops(distance: number): string {
  return distance === 1 ? '1 hop' : `${distance} hops`;
}

/** The selected node: what it is, how far from the focus, its requirement levels, and where to go from it. */
export function NodePanel({ orgSlug, node, viaName, scale, onRecentre, onClose }: NodePanelProps) {
  const isAsset = node.kind !== 'organization';
  const detail = useAssetDetail(orgSlug, isAsset ? node.id : null);
  return (
    <Paper withBorder radius="md" p="md" aria-labelledby="graph-node-panel-title" component="section" data-testid="graph-node-panel">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" id="graph-node-panel-title" style={{ wordBreak: 'break-word' }}>
            {node.name}
          </Title>
          <ActionIcon variant="subtle" color="gray" aria-label="Close the node details" onClick={onClose}>
            <IconX size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Group gap={6}>
          <Badge variant="light" color={isAsset ? 'indigo' : 'pink'}>
            {KIND_LABELS[node.kind]}
          </Badge>
          {node.isPrimary && (
            <Badge variant="filled" color="dark">
              Primary asset
            </Badge>
          )}
          {node.side === 'focus' && <Badge variant="outline">Focus</Badge>}
        </Group>
        <Stack gap={2}>
          {node.side !== 'focus' && node.blastDistance !== null && <Text size="sm">Affected if the focus fails: {hops(node.blastDistance)} away.</Text>}
          {node.side !== 'focus' && node.upstreamDistance !== null && <Text size="sm">Relied on by the focus: {hops(node.upstreamDistance)} away.</Text>}
          {viaName && (
            <Text size="sm" c="dimmed">
              Reached via {viaName}.
            </Text>
          )}
        </Stack>
        {isAsset && (
          <>
            <ProblemAlert error={detail.error} title="Could not load the asset" />
            {detail.isPending && <Skeleton height={72} />}
            {detail.data && (
              <Stack gap={2} component="dl" m={0}>
                {(
                  [
                    ['Confidentiality', levelText(detail.data.confidentiality, scale)],
                    ['Integrity', levelText(detail.data.integrity, scale)],
                    ['Availability', levelText(detail.data.availability, scale)],
                    ['Relies on', `${detail.data.dependsOnCount} direct ${detail.data.dependsOnCount === 1 ? 'dependency' : 'dependencies'}`],
                    ['Relied on by', `${detail.data.dependentsCount} direct ${detail.data.dependentsCount === 1 ? 'dependent' : 'dependents'}`],
                    ...(detail.data.operator ? [['Operated by', detail.data.operator.name]] : []),
                  ] as const
                ).map(([term, value]) => (
                  <Group key={term} gap={6} wrap="nowrap" align="baseline">
                    <Text component="dt" size="sm" c="dimmed" miw={104}>
                      {term}
                    </Text>
                    <Text component="dd" size="sm" m={0}>
                      {value}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </>
        )}
        <Group gap="xs" mt={4}>
          <Anchor {...linkProps(nodePagePath(orgSlug, node))} size="sm">
            {isAsset ? 'Open the asset page' : 'Open the organization page'}
          </Anchor>
        </Group>
        {isAsset && node.side !== 'focus' && (
          <Button variant="light" size="xs" leftSection={<IconFocus2 size={16} aria-hidden />} onClick={() => onRecentre(node)} w="fit-content">
            Re-centre on this asset
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
