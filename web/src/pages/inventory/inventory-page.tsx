import { Button, Center, Group, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { orgPath } from '../../router/org-path';
import { navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { AssetFilters } from './asset-filters';
import { AssetFormModal } from './asset-form-modal';
import { AssetsTable } from './assets-table';
import { toAssetQuery, useAssetListView } from './use-asset-list-url';
import { ASSET_PAGE_SIZE, useAssetPage, useExternalOrganizations, useScale } from './use-inventory';

const count = new Intl.NumberFormat('en');

/** The inventory: every asset, searched, filtered and sorted by the server, one keyset page at a time. */
export function InventoryPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'inventory:write');
  const { view, update, goNext, goPrevious, reset, page, hasPrevious } = useAssetListView(org.slug);
  const assets = useAssetPage(org.slug, toAssetQuery(view));
  const scale = useScale(org.slug);
  const organizations = useExternalOrganizations(org.slug);
  const operatorNames = useMemo(
    () => new Map((organizations.data?.items ?? []).map((organization) => [organization.id, organization.name])),
    [organizations.data],
  );
  const [creatingRound, setCreatingRound] = useState(0);
  const [isCreating, setCreating] = useState(false);

  const data = assets.data;
  const items = data?.items ?? [];
  const isFiltered =
    view.q !== '' ||
    view.kind !== undefined ||
    view.category !== undefined ||
    view.status !== undefined ||
    view.tag !== '' ||
    view.operatorId !== '';
  const first = page !== null ? (page - 1) * ASSET_PAGE_SIZE + 1 : null;

  return (
    <Stack gap="md">
      <PageHeader
        title="Inventory"
        description="Your assets: the information and business processes you value (primary) and everything they rely on (supporting)."
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => {
                setCreatingRound((round) => round + 1);
                setCreating(true);
              }}
            >
              Add asset
            </Button>
          )
        }
      />
      <AssetFilters view={view} organizations={organizations.data?.items ?? []} onChange={update} onReset={reset} />
      <ProblemAlert error={assets.error} title="Could not load the inventory" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden', position: 'relative' }} aria-busy={assets.isFetching}>
        {assets.isPending && <Skeleton height={420} />}
        {data && items.length === 0 && (
          <Center p="xl">
            <Stack gap="xs" align="center">
              <Text c="dimmed">
                {isFiltered ? 'No assets match this search and these filters.' : hasPrevious ? 'No more assets.' : 'No assets yet.'}
              </Text>
              {isFiltered && (
                <Button variant="light" size="xs" onClick={reset}>
                  Clear filters
                </Button>
              )}
            </Stack>
          </Center>
        )}
        {items.length > 0 && (
          <div style={{ opacity: assets.isPlaceholderData ? 0.55 : 1, transition: 'opacity 120ms' }}>
            <AssetsTable
              orgSlug={org.slug}
              assets={items}
              scale={scale.data}
              operatorNames={operatorNames}
              sort={view.sort}
              onSort={(sort) => update({ sort })}
              canWrite={canWrite}
            />
          </div>
        )}
      </Paper>
      {data && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap="xs">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="asset-count">
              {items.length === 0
                ? `${data.totalIsEstimate ? '≈ ' : ''}${count.format(data.total)} ${data.total === 1 ? 'asset' : 'assets'}`
                : first !== null
                  ? `Showing ${count.format(first)}–${count.format(first + items.length - 1)} of ${data.totalIsEstimate ? '≈ ' : ''}${count.format(data.total)} ${data.total === 1 ? 'asset' : 'assets'}`
                  : `Showing ${items.length} of ${data.totalIsEstimate ? '≈ ' : ''}${count.format(data.total)} assets`}
              {data.totalIsEstimate && ' (estimated)'}
            </Text>
            {assets.isFetching && !assets.isPending && <Loader size="xs" aria-label="Loading" />}
          </Group>
          <Group gap="xs">
            {page !== null && (hasPrevious || data.nextCursor) && (
              <Text size="sm" c="dimmed">
                Page {page}
              </Text>
            )}
            <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden />} onClick={goPrevious} disabled={!hasPrevious}>
              Previous
            </Button>
            <Button
              variant="default"
              rightSection={<IconChevronRight size={16} aria-hidden />}
              onClick={() => data.nextCursor && goNext(data.nextCursor)}
              disabled={!data.nextCursor || assets.isPlaceholderData}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}
      {canWrite && (
        <AssetFormModal
          key={creatingRound}
          orgSlug={org.slug}
          scale={scale.data}
          opened={isCreating}
          onClose={() => setCreating(false)}
          onCreated={(created) => navigate(orgPath(org.slug, `assets/${created.id}`))}
        />
      )}
    </Stack>
  );
}
