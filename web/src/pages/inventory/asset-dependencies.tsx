import { ActionIcon, Button, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconUnlink } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AddDependencyModal, type DependencyDirection } from './add-dependency-modal';
import type { AssetDetail, DependencyLink } from './inventory-types';
import { NodeLink } from './node-link';
import { SectionCard } from './section-card';
import { useDeleteDependency } from './use-inventory';
import { DEPENDENCY_LABELS, nodeKindLabel } from './vocabulary';

function RemoveDependencyButton({ orgSlug, link, sentence }: { orgSlug: string; link: DependencyLink; sentence: string }) {
  const remove = useDeleteDependency(orgSlug);
  const [isConfirming, setConfirming] = useState(false);
  const cancel = (): void => {
    remove.reset();
    setConfirming(false);
  };
  return (
    <>
      <Tooltip label="Remove dependency" withArrow>
        <ActionIcon variant="subtle" color="red" onClick={() => setConfirming(true)} aria-label={`Remove dependency: ${sentence}`}>
          <IconUnlink size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <ConfirmDialog
        opened={isConfirming}
        title="Remove dependency"
        confirmLabel="Remove dependency"
        isDestructive
        onConfirm={() => remove.mutate(link.dependencyId, { onSuccess: () => setConfirming(false) })}
        onCancel={cancel}
        isPending={remove.isPending}
        error={remove.error}
      >
        Remove “{sentence}”? Blast radius, upstream exposure and effective protection needs change with it.
      </ConfirmDialog>
    </>
  );
}

interface LinksTableProps {
  orgSlug: string;
  assetName: string;
  links: readonly DependencyLink[];
  direction: DependencyDirection;
  canWrite: boolean;
  label: string;
}

function LinksTable({ orgSlug, assetName, links, direction, canWrite, label }: LinksTableProps) {
  if (links.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {direction === 'depends-on' ? 'It relies on nothing recorded.' : 'Nothing recorded relies on it.'}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6} aria-label={label} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>How</Table.Th>
            <Table.Th>{direction === 'depends-on' ? 'Relies on' : 'Relied on by'}</Table.Th>
            <Table.Th w={150}>Kind</Table.Th>
            {canWrite && <Table.Th w={44} aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((link) => {
            const sentence =
              direction === 'depends-on'
                ? `${assetName} ${DEPENDENCY_LABELS[link.type]} ${link.node.name}`
                : `${link.node.name} ${DEPENDENCY_LABELS[link.type]} ${assetName}`;
            return (
              <Table.Tr key={link.dependencyId} data-testid={direction === 'depends-on' ? 'depends-on-row' : 'dependent-row'}>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {DEPENDENCY_LABELS[link.type]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NodeLink orgSlug={orgSlug} node={link.node} />
                  {link.description && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {link.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{nodeKindLabel(link.node)}</Text>
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <RemoveDependencyButton orgSlug={orgSlug} link={link} sentence={sentence} />
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

const shownOf = (shown: number, total: number): string =>
  shown < total ? `Showing the first ${shown} of ${total}` : total === 1 ? '1 dependency' : `${total} dependencies`;

/** Dependencies both ways: what the asset relies on, and what relies on it. */
export function AssetDependencies({ orgSlug, asset, canWrite }: { orgSlug: string; asset: AssetDetail; canWrite: boolean }) {
  const [adding, setAdding] = useState<{ direction: DependencyDirection; round: number } | null>(null);
  const [round, setRound] = useState(0);
  const startAdding = (direction: DependencyDirection): void => {
    setRound((value) => value + 1);
    setAdding({ direction, round: round + 1 });
  };
  const addButton = (direction: DependencyDirection, label: string) =>
    canWrite && (
      <Button
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => startAdding(direction)}
        aria-label={label}
      >
        Add
      </Button>
    );
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SectionCard
          title="Relies on"
          description={`What it needs to work. ${shownOf(asset.dependsOn.length, asset.dependsOnCount)}.`}
          actions={addButton('depends-on', 'Add something it relies on')}
          testId="depends-on"
        >
          <LinksTable
            orgSlug={orgSlug}
            assetName={asset.name}
            links={asset.dependsOn}
            direction="depends-on"
            canWrite={canWrite}
            label="What it relies on"
          />
        </SectionCard>
        <SectionCard
          title="Relied on by"
          description={`What needs it to work. ${shownOf(asset.dependents.length, asset.dependentsCount)}.`}
          actions={addButton('dependent', 'Add something that relies on it')}
          testId="dependents"
        >
          <LinksTable
            orgSlug={orgSlug}
            assetName={asset.name}
            links={asset.dependents}
            direction="dependent"
            canWrite={canWrite}
            label="What relies on it"
          />
        </SectionCard>
      </SimpleGrid>
      {adding && (
        <AddDependencyModal
          key={adding.round}
          orgSlug={orgSlug}
          asset={asset}
          opened
          initialDirection={adding.direction}
          onClose={() => setAdding(null)}
        />
      )}
    </>
  );
}
