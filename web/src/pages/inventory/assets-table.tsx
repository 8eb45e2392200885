import { Anchor, Badge, Group, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { DeleteAssetButton } from './delete-asset-button';
import type { Asset, AssetSort, Scale } from './inventory-types';
import { LevelBadge } from './levels';
import { CategoryBadge, StatusBadge } from './badges';
import { KIND_LABELS } from './vocabulary';

interface AssetsTableProps {
  orgSlug: string;
  assets: readonly Asset[];
  scale: Scale | undefined;
  operatorNames: ReadonlyMap<string, string>;
  sort: AssetSort;
  onSort: (sort: AssetSort) => void;
  canWrite: boolean;
}

/** A column header that sorts: first click its natural order, a second click on Name reverses it. */
function SortableTh({
  label,
  sorts,
  current,
  onSort,
  w,
}: {
  label: ReactNode;
  sorts: readonly AssetSort[];
  current: AssetSort;
  onSort: (sort: AssetSort) => void;
  w?: number;
}) {
  const index = sorts.indexOf(current);
  const isActive = index >= 0;
  const next = isActive ? (sorts[(index + 1) % sorts.length] ?? sorts[0]!) : sorts[0]!;
  const isDescending = current.startsWith('-') || current === 'criticality';
  const Icon = !isActive ? IconSelector : isDescending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th w={w} aria-sort={isActive ? (isDescending ? 'descending' : 'ascending') : undefined} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(next)} fw={700} fz="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {label}
        <Icon size={14} aria-hidden color={isActive ? 'var(--mantine-color-indigo-7)' : 'var(--mantine-color-gray-5)'} />
      </UnstyledButton>
    </Table.Th>
  );
}

function Abbr({ short, long }: { short: string; long: string }) {
  return (
    <Tooltip label={long} withArrow>
      <abbr title={long} style={{ textDecoration: 'none' }}>
        {short}
      </abbr>
    </Tooltip>
  );
}

function Tags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const shown = tags.slice(0, 2);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((tag) => (
        <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none" fw={500} size="sm">
          {tag}
        </Badge>
      ))}
      {tags.length > shown.length && (
        <Text size="xs" c="dimmed" title={tags.slice(shown.length).join(', ')}>
          +{tags.length - shown.length}
        </Text>
      )}
    </Group>
  );
}

/** One page of assets. */
export function AssetsTable({ orgSlug, assets, scale, operatorNames, sort, onSort, canWrite }: AssetsTableProps) {
  return (
    <Table.ScrollContainer minWidth={1060}>
      <Table layout="fixed" verticalSpacing="xs" horizontalSpacing="sm" highlightOnHover aria-label="Assets">
        <Table.Thead>
          <Table.Tr>
            <SortableTh label="Name" sorts={['name', '-name']} current={sort} onSort={onSort} />
            <SortableTh label="Kind" sorts={['kind']} current={sort} onSort={onSort} w={132} />
            <Table.Th w={100}>
              <Abbr short="C" long="Confidentiality" />
            </Table.Th>
            <Table.Th w={100}>
              <Abbr short="I" long="Integrity" />
            </Table.Th>
            <Table.Th w={100}>
              <Abbr short="A" long="Availability" />
            </Table.Th>
            <SortableTh label="Criticality" sorts={['criticality']} current={sort} onSort={onSort} w={108} />
            <Table.Th w={120} style={{ whiteSpace: 'nowrap' }}>
              Operated by
            </Table.Th>
            <Table.Th w={108}>Status</Table.Th>
            <Table.Th w={92}>Tags</Table.Th>
            {canWrite && (
              <Table.Th w={48}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assets.map((asset) => {
            const operator = asset.operatorId ? operatorNames.get(asset.operatorId) : null;
            return (
              <Table.Tr key={asset.id} data-testid="asset-row">
                <Table.Td>
                  <Anchor {...linkProps(orgPath(orgSlug, `assets/${asset.id}`))} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {asset.name}
                  </Anchor>
                  {asset.owner && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={asset.owner}>
                      {asset.owner}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lh={1.3}>
                    {KIND_LABELS[asset.kind]}
                  </Text>
                  <CategoryBadge category={asset.category} size="xs" />
                </Table.Td>
                <Table.Td>
                  <LevelBadge scale={scale} level={asset.confidentiality} size="sm" />
                </Table.Td>
                <Table.Td>
                  <LevelBadge scale={scale} level={asset.integrity} size="sm" />
                </Table.Td>
                <Table.Td>
                  <LevelBadge scale={scale} level={asset.availability} size="sm" />
                </Table.Td>
                <Table.Td>
                  <LevelBadge scale={scale} level={asset.criticality} size="sm" />
                </Table.Td>
                <Table.Td>
                  {asset.operatorId ? (
                    <Anchor
                      {...linkProps(orgPath(orgSlug, `external-organizations/${asset.operatorId}`))}
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {operator ?? 'Outside organization'}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      In-house
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={asset.status} />
                </Table.Td>
                <Table.Td>
                  <Tags tags={asset.tags} />
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <DeleteAssetButton orgSlug={orgSlug} asset={asset} variant="icon" />
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
