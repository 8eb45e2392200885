import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEdit, IconGraph } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format';
import { orgPath } from '../../router/org-path';
import { linkProps, navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { AssetDependencies } from './asset-dependencies';
import { AssetFormModal } from './asset-form-modal';
import { BlastRadiusCard, UpstreamCard } from './asset-reach-cards';
import { CategoryBadge, StatusBadge } from './badges';
import { DeleteAssetButton } from './delete-asset-button';
import { EffectiveProtection } from './effective-protection';
import { Field, FieldList } from './field-list';
import type { AssetDetail, Scale } from './inventory-types';
import { LevelBadge } from './levels';
import { SectionCard } from './section-card';
import { useAsset, useScale } from './use-inventory';
import { useRouteParam } from './use-route-param';
import { KIND_LABELS } from './vocabulary';
import { BackLink, DetailPlaceholder } from './detail-frame';

function duration(minutes: number | null): string | null {
  if (minutes === null) return null;
  if (minutes === 0) return '0 minutes (no loss or downtime tolerated)';
  if (minutes % 1440 === 0) return `${minutes / 1440} ${minutes === 1440 ? 'day' : 'days'}`;
  if (minutes % 60 === 0) return `${minutes / 60} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${minutes} minutes`;
}

function AssetFields({ orgSlug, asset, scale }: { orgSlug: string; asset: AssetDetail; scale: Scale | undefined }) {
  return (
    <SectionCard title="Details">
      <FieldList cols={4}>
        <Field label="Kind">{KIND_LABELS[asset.kind]}</Field>
        <Field label="Category">
          <CategoryBadge category={asset.category} />
        </Field>
        <Field label="Status">
          <StatusBadge status={asset.status} />
        </Field>
        <Field label="Operated by">
          {asset.operator ? (
            <Anchor {...linkProps(orgPath(orgSlug, `external-organizations/${asset.operator.id}`))} size="sm">
              {asset.operator.name}
            </Anchor>
          ) : (
            'Your organization'
          )}
        </Field>
        <Field label="Owner">{asset.owner}</Field>
        <Field label="Custodian">{asset.custodian}</Field>
        <Field label="Location">{asset.location}</Field>
        <Field label="Tags">
          {asset.tags.length > 0 && (
            <Group gap={4} component="span">
              {asset.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label="Confidentiality (own)">
          <LevelBadge scale={scale} level={asset.confidentiality} />
        </Field>
        <Field label="Integrity (own)">
          <LevelBadge scale={scale} level={asset.integrity} />
        </Field>
        <Field label="Availability (own)">
          <LevelBadge scale={scale} level={asset.availability} />
        </Field>
        <Field label="Criticality (highest of the three)">
          <LevelBadge scale={scale} level={asset.criticality} />
        </Field>
        <Field label="Recovery time objective (RTO)">{duration(asset.rtoMinutes)}</Field>
        <Field label="Recovery point objective (RPO)">{duration(asset.rpoMinutes)}</Field>
        <Field label="Created">{formatDateTime(asset.createdAt)}</Field>
        <Field label="Last changed">
          {formatDateTime(asset.updatedAt)} (version {asset.version})
        </Field>
        <Field label="Description" span>
          {asset.description && <span style={{ whiteSpace: 'pre-wrap' }}>{asset.description}</span>}
        </Field>
      </FieldList>
    </SectionCard>
  );
}

function ExternalIds({ asset }: { asset: AssetDetail }) {
  const ids = asset.externalIds;
  const mono = (value: string | null) => value && <span className="mono">{value}</span>;
  return (
    <SectionCard title="External ids" description="Keys in other systems; imports match assets on them.">
      <FieldList cols={4}>
        <Field label="CMDB id">{mono(ids.cmdbId)}</Field>
        <Field label="Package URL (purl)">{mono(ids.purl)}</Field>
        <Field label="CPE">{mono(ids.cpe)}</Field>
        <Field label="Other id">{mono(ids.other)}</Field>
      </FieldList>
    </SectionCard>
  );
}

/** One asset: its fields, dependencies both ways and what the graph analytics say about it. */
export function AssetPage() {
  const { org } = useCurrentOrg();
  const assetId = useRouteParam('assets/:assetId', 'assetId');
  const canWrite = can(org.role, 'inventory:write');
  const canWriteRisks = can(org.role, 'risk:write');
  const asset = useAsset(org.slug, assetId);
  const scale = useScale(org.slug);
  const [editRound, setEditRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const data = asset.data;
  const back = { to: orgPath(org.slug, 'assets'), label: 'Inventory' };
  if (!data) {
    return (
      <DetailPlaceholder
        back={back}
        title="Asset"
        notFoundTitle="Asset not found"
        error={asset.error}
        isPending={asset.isPending}
        what="asset"
      />
    );
  }

  return (
    <Stack gap="md">
      <BackLink {...back} />
      <PageHeader
        title={data.name}
        description={
          <Group gap="xs" component="span">
            <span>{KIND_LABELS[data.kind]}</span>
            <CategoryBadge category={data.category} />
            <StatusBadge status={data.status} />
          </Group>
        }
        actions={
          (canWrite || canWriteRisks) && (
            <>
              {canWriteRisks && (
                <Button
                  component="a"
                  variant="light"
                  leftSection={<IconAlertTriangle size={16} aria-hidden />}
                  {...linkProps(orgPath(org.slug, `risk/scenarios?new=1&asset=${data.id}`))}
                >
                  New risk scenario
                </Button>
              )}
              {canWrite && (
                <>
                  <Button
                    leftSection={<IconEdit size={16} aria-hidden />}
                    onClick={() => {
                      setEditRound((round) => round + 1);
                      setEditing(true);
                    }}
                  >
                    Edit
                  </Button>
                  <DeleteAssetButton
                    orgSlug={org.slug}
                    asset={data}
                    variant="button"
                    onDeleted={() => navigate(orgPath(org.slug, 'assets'), { replace: true })}
                  />
                </>
              )}
            </>
          )
        }
      />
      <AssetFields orgSlug={org.slug} asset={data} scale={scale.data} />
      <EffectiveProtection orgSlug={org.slug} assetId={data.id} scale={scale.data} />
      <AssetDependencies orgSlug={org.slug} asset={data} canWrite={canWrite} />
      <BlastRadiusCard orgSlug={org.slug} assetId={data.id} />
      <UpstreamCard orgSlug={org.slug} assetId={data.id} />
      {/* Slot for the graph view, built separately in pages/graph/ at assets/:assetId/graph. */}
      <Card withBorder radius="md" padding="md" component="section" aria-label="Neighbourhood graph" data-testid="neighbourhood-graph-slot">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={2}>
            <Text fw={700} fz="lg" component="h2" m={0}>
              Neighbourhood graph
            </Text>
            <Text size="sm" c="dimmed">
              See this asset among what it relies on and what relies on it.
            </Text>
          </Stack>
          <Button
            component="a"
            variant="light"
            leftSection={<IconGraph size={16} aria-hidden />}
            {...linkProps(orgPath(org.slug, `assets/${data.id}/graph`))}
          >
            Open the graph
          </Button>
        </Group>
      </Card>
      <ExternalIds asset={data} />
      {canWrite && (
        <AssetFormModal
          key={editRound}
          orgSlug={org.slug}
          scale={scale.data}
          opened={isEditing}
          onClose={() => setEditing(false)}
          asset={data}
          onReload={async () => (await asset.refetch()).data}
        />
      )}
    </Stack>
  );
}
