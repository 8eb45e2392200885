import { Anchor, Group, Text } from '@mantine/core';
import { IconBuildingSkyscraper } from '@tabler/icons-react';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import type { NodeRef } from './inventory-types';

/** Where a node's page is: an asset's, or an outside organization's. */
export const nodePath = (orgSlug: string, node: Pick<NodeRef, 'id' | 'kind'>): string =>
  orgPath(orgSlug, node.kind === 'organization' ? `external-organizations/${node.id}` : `assets/${node.id}`);

/** A link to an asset or an outside organization, by name (organizations marked with a building icon). */
export function NodeLink({ orgSlug, node, fw }: { orgSlug: string; node: NodeRef; fw?: number }) {
  return (
    <Anchor {...linkProps(nodePath(orgSlug, node))} size="sm" fw={fw} style={{ overflowWrap: 'anywhere' }}>
      {node.kind === 'organization' ? (
        <Group component="span" gap={4} wrap="nowrap" display="inline-flex">
          <IconBuildingSkyscraper size={14} aria-hidden />
          <Text span inherit>
            {node.name}
          </Text>
        </Group>
      ) : (
        node.name
      )}
    </Anchor>
  );
}
