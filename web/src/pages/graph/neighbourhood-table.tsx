import { ActionIcon, Badge, Group, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconFocus2 } from '@tabler/icons-react';
import { KIND_LABELS, nodeLook } from './graph-style';
import type { GraphNode, HighlightMode } from './graph-types';
import { linkProps } from '../../router/router';
import { nodePagePath } from './node-links';

interface NeighbourhoodTableProps {
  orgSlug: string;
  nodes: readonly GraphNode[];
  mode: HighlightMode;
  selectedId: string | null;
  onSelect: (nodeId: string) => void;
  onRecentre: (node: GraphNode) => void;
}

const distanceText = (distance: number | null): string => (distance === null ? '—' : String(distance));

/** The graph's nodes as a table: the same data as the canvas, for keyboards and screen readers. */
export function NeighbourhoodTable({ orgSlug, nodes, mode, selectedId, onSelect, onRecentre }: NeighbourhoodTableProps) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={620}>
      <Table striped highlightOnHover stickyHeader aria-label="Nodes of the graph" data-testid="graph-table">
        <Table.Caption>
          {nodes.length} {nodes.length === 1 ? 'node' : 'nodes'}, the focus asset first, then nearest first.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Affected at (blast radius)</Table.Th>
            <Table.Th>Relied on at (upstream)</Table.Th>
            <Table.Th>Reached via</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {nodes.map((node) => {
            const look = nodeLook(node, mode);
            const isSelected = node.id === selectedId;
            return (
              <Table.Tr key={node.id} data-testid="graph-table-row" data-node-id={node.id} bg={isSelected ? 'indigo.0' : undefined} aria-selected={isSelected}>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <span aria-hidden style={{ width: 10, height: 10, borderRadius: node.kind === 'organization' ? 2 : 10, background: look.color, flex: 'none' }} />
                    <UnstyledButton onClick={() => onSelect(node.id)} aria-label={`Show ${node.name} in the side panel`} fw={node.isPrimary || node.side === 'focus' ? 700 : 400}>
                      <Text span size="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
                        {node.name}
                      </Text>
                    </UnstyledButton>
                    {node.side === 'focus' && (
                      <Badge size="xs" variant="light" style={{ flex: 'none' }}>
                        focus
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{KIND_LABELS[node.kind]}</Text>
                </Table.Td>
                <Table.Td>{node.side === 'focus' ? '—' : distanceText(node.blastDistance)}</Table.Td>
                <Table.Td>{node.side === 'focus' ? '—' : distanceText(node.upstreamDistance)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {node.via ? (byId.get(node.via)?.name ?? '—') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {node.kind !== 'organization' && node.side !== 'focus' && (
                      <Tooltip label="Re-centre the graph here">
                        <ActionIcon variant="subtle" aria-label={`Re-centre the graph on ${node.name}`} onClick={() => onRecentre(node)}>
                          <IconFocus2 size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    <Tooltip label={node.kind === 'organization' ? 'Open the organization' : 'Open the asset'}>
                      <ActionIcon component="a" variant="subtle" {...linkProps(nodePagePath(orgSlug, node))} aria-label={`Open the page of ${node.name}`}>
                        <IconExternalLink size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
