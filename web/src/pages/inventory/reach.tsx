import { Badge, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BlastRadius, NodeRef } from './inventory-types';
import { NodeLink } from './node-link';
import { CategoryBadge } from './badges';
import { KIND_LABELS, nodeKindLabel } from './vocabulary';

type Reached = BlastRadius['items'][number];
const count = new Intl.NumberFormat('en');

/** How many nodes sit at each distance, and how many of them are primary assets. */
function byDistance(items: readonly Reached[]): { distance: number; nodes: number; primary: number }[] {
  const rows = new Map<number, { distance: number; nodes: number; primary: number }>();
  for (const item of items) {
    const row = rows.get(item.distance) ?? { distance: item.distance, nodes: 0, primary: 0 };
    row.nodes += 1;
    if (item.category === 'primary') row.primary += 1;
    rows.set(item.distance, row);
  }
  return [...rows.values()].sort((a, b) => a.distance - b.distance);
}

const hops = (distance: number): string => (distance === 1 ? 'Directly' : `${distance} hops away`);

/** Counts by distance: a compact table, nearest first. */
export function DistanceTable({
  items,
  truncated,
  label,
  withPrimary = true,
}: {
  items: readonly Reached[];
  truncated: boolean;
  label: string;
  withPrimary?: boolean;
}) {
  const rows = byDistance(items);
  return (
    <Stack gap={4}>
      <Table verticalSpacing={6} aria-label={label} withTableBorder={false} maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Distance</Table.Th>
            <Table.Th ta="right">Assets and organizations</Table.Th>
            {withPrimary && <Table.Th ta="right">Primary assets</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.distance}>
              <Table.Td>{hops(row.distance)}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {count.format(row.nodes)}
              </Table.Td>
              {withPrimary && (
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {count.format(row.primary)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {truncated && (
        <Text size="xs" c="dimmed">
          Only the nearest {count.format(items.length)} are broken down by distance; the totals above count all of them.
        </Text>
      )}
    </Stack>
  );
}

/** How many of each kind; "byKind" comes from the API over the whole reach. */
export function KindCounts({ byKind }: { byKind: Record<string, number> }) {
  const entries = Object.entries(byKind).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" aria-label="By kind">
      {entries.map(([kind, value]) => (
        <Badge key={kind} variant="default" radius="sm" tt="none" fw={500}>
          {kind in KIND_LABELS ? KIND_LABELS[kind as keyof typeof KIND_LABELS] : kind === 'organization' ? 'Outside organizations' : kind}:{' '}
          {count.format(value)}
        </Badge>
      ))}
    </Group>
  );
}

/** The primary assets among the reached nodes, as links (the ones a risk owner asks about first). */
export function PrimaryAffected({ orgSlug, items, max = 12 }: { orgSlug: string; items: readonly Reached[]; max?: number }) {
  const primary = items.filter((item) => item.category === 'primary');
  if (primary.length === 0) return null;
  const shown = primary.slice(0, max);
  return (
    <Group gap="xs" wrap="wrap" data-testid="primary-affected">
      {shown.map((item) => (
        <Badge
          key={item.node.id}
          variant="light"
          color="grape"
          radius="sm"
          tt="none"
          fw={500}
          style={{ overflow: 'visible', height: 'auto', paddingBlock: 2 }}
        >
          <NodeLink orgSlug={orgSlug} node={item.node} />
        </Badge>
      ))}
      {primary.length > shown.length && (
        <Text size="sm" c="dimmed">
          and {count.format(primary.length - shown.length)} more
        </Text>
      )}
    </Group>
  );
}

const PAGE = 25;

/** Every reached node, nearest first, paged in the browser (the API already capped the list). */
export function ReachedTable({
  orgSlug,
  items,
  label,
  viaNames,
}: {
  orgSlug: string;
  items: readonly Reached[];
  label: string;
  viaNames: ReadonlyMap<string, NodeRef>;
}) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const shown = items.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing={6} aria-label={label} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th w={180}>Kind</Table.Th>
              <Table.Th w={125}>Category</Table.Th>
              <Table.Th w={130}>Distance</Table.Th>
              <Table.Th>Through</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => {
              // Distance 1 is reached straight from the start, which the page is about: no need to name it.
              const via = item.via && item.distance > 1 ? viaNames.get(item.via) : undefined;
              return (
                <Table.Tr key={item.node.id} data-testid="reached-row">
                  <Table.Td>
                    <NodeLink orgSlug={orgSlug} node={item.node} fw={item.category === 'primary' ? 700 : undefined} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{nodeKindLabel(item.node)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {item.category ? (
                      <CategoryBadge category={item.category} size="sm" />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{hops(item.distance)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {via ? (
                      <NodeLink orgSlug={orgSlug} node={via} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {count.format((page - 1) * PAGE + 1)}–{count.format(Math.min(page * PAGE, items.length))} of {count.format(items.length)}
          </Text>
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control,
            })}
          />
        </Group>
      )}
    </Stack>
  );
}
