import { Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../lib/format';
import { orgPath } from '../../router/org-path';
import { linkProps, navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { CategoryBadge, OrgCriticalityBadge, StatusBadge } from './badges';
import { ContractDates } from './contract-dates';
import { DeleteExternalOrgButton } from './delete-external-org-button';
import { ExternalOrgFormModal } from './external-org-form-modal';
import { RelationshipBadges } from './external-orgs-page';
import { Field, FieldList } from './field-list';
import type { ExternalOrganization, NodeRef } from './inventory-types';
import { DistanceTable, KindCounts, PrimaryAffected, ReachedTable } from './reach';
import { SectionCard } from './section-card';
import { useAssetPage, useExternalOrganization, useOrganizationDependents } from './use-inventory';
import { useRouteParam } from './use-route-param';
import { KIND_LABELS } from './vocabulary';
import { BackLink, DetailPlaceholder } from './detail-frame';

const count = new Intl.NumberFormat('en');

function Contacts({ organization }: { organization: ExternalOrganization }) {
  return (
    <SectionCard title="Contacts">
      {organization.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contacts recorded.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-label="Contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Phone</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organization.contacts.map((contact, index) => (
                <Table.Tr key={`${contact.name}-${index}`}>
                  <Table.Td>{contact.name}</Table.Td>
                  <Table.Td>{contact.role ?? '—'}</Table.Td>
                  <Table.Td>
                    {contact.email ? (
                      <Anchor href={`mailto:${contact.email}`} size="sm">
                        {contact.email}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {contact.phone ? (
                      <Anchor href={`tel:${contact.phone.replace(/\s+/g, '')}`} size="sm">
                        {contact.phone}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

/** The assets it operates: the first page, with a link to the inventory filtered on it. */
function OperatedAssets({ orgSlug, organization }: { orgSlug: string; organization: ExternalOrganization }) {
  const assets = useAssetPage(orgSlug, { operatorId: organization.id, sort: 'criticality', limit: 10 });
  const data = assets.data;
  const inventoryLink = orgPath(orgSlug, `assets?operator=${organization.id}`);
  return (
    <SectionCard
      title="Assets it operates"
      description="Assets this organization runs for you (they count as provided by it)."
      actions={
        data && data.total > 0 ? (
          <Anchor {...linkProps(inventoryLink)} size="sm">
            All {count.format(data.total)} in the inventory
          </Anchor>
        ) : undefined
      }
      testId="operated-assets"
    >
      <ProblemAlert error={assets.error} title="Could not load the assets it operates" />
      {assets.isPending && <Skeleton height={80} />}
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          It operates none of your assets.
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-label="Assets it operates" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={170}>Kind</Table.Th>
                <Table.Th w={120}>Category</Table.Th>
                <Table.Th w={130}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((asset) => (
                <Table.Tr key={asset.id}>
                  <Table.Td>
                    <Anchor {...linkProps(orgPath(orgSlug, `assets/${asset.id}`))} size="sm">
                      {asset.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{KIND_LABELS[asset.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <CategoryBadge category={asset.category} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={asset.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > data.items.length && (
        <Text size="xs" c="dimmed">
          The {data.items.length} most critical of {count.format(data.total)}.
        </Text>
      )}
    </SectionCard>
  );
}

/** Its blast radius: if this organization fails, these assets and primary assets are affected. */
function Dependents({ orgSlug, organization }: { orgSlug: string; organization: ExternalOrganization }) {
  const dependents = useOrganizationDependents(orgSlug, organization.id);
  const data = dependents.data;
  const names = useMemo(() => {
    const map = new Map<string, NodeRef>();
    if (data) {
      map.set(data.start.id, data.start);
      for (const item of data.items) map.set(item.node.id, item.node);
    }
    return map;
  }, [data]);
  return (
    <SectionCard
      title="What depends on it"
      description="Its blast radius: what is affected if this organization fails or is compromised, directly or through other assets."
      testId="org-dependents"
    >
      <ProblemAlert error={dependents.error} title="Could not compute what depends on it" />
      {dependents.isPending && <Skeleton height={200} />}
      {data &&
        (data.total === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing in the inventory relies on this organization.
          </Text>
        ) : (
          <Stack gap="md">
            <Text size="sm" data-testid="org-dependents-summary">
              If {organization.name} fails,{' '}
              <strong>
                {count.format(data.total)} {data.total === 1 ? 'asset is' : 'assets are'}
              </strong>{' '}
              affected, of which{' '}
              <strong>
                {count.format(data.primaryAffected)} {data.primaryAffected === 1 ? 'primary asset' : 'primary assets'}
              </strong>
              .
            </Text>
            <KindCounts byKind={data.byKind} />
            {data.primaryAffected > 0 && (
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed">
                  Primary assets affected
                </Text>
                <PrimaryAffected orgSlug={orgSlug} items={data.items} max={20} />
              </Stack>
            )}
            <DistanceTable items={data.items} truncated={data.truncated} label="Affected by distance" />
            <ReachedTable orgSlug={orgSlug} items={data.items} label="Everything affected, nearest first" viaNames={names} />
          </Stack>
        ))}
    </SectionCard>
  );
}

/** One outside organization: details, contacts, the assets it operates and everything that depends on it. */
export function ExternalOrgPage() {
  const { org } = useCurrentOrg();
  const id = useRouteParam('external-organizations/:orgId', 'orgId');
  const canWrite = can(org.role, 'inventory:write');
  const organization = useExternalOrganization(org.slug, id);
  const [editRound, setEditRound] = useState(0);
  const [isEditing, setEditing] = useState(false);
  const data = organization.data;
  const back = { to: orgPath(org.slug, 'external-organizations'), label: 'Outside organizations' };
  if (!data) {
    return (
      <DetailPlaceholder
        back={back}
        title="Outside organization"
        notFoundTitle="Organization not found"
        error={organization.error}
        isPending={organization.isPending}
        what="organization"
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
            <RelationshipBadges types={data.relationshipTypes} />
            <OrgCriticalityBadge criticality={data.criticality} />
          </Group>
        }
        actions={
          canWrite && (
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
              <DeleteExternalOrgButton
                orgSlug={org.slug}
                organization={data}
                onDeleted={() => navigate(orgPath(org.slug, 'external-organizations'), { replace: true })}
              />
            </>
          )
        }
      />
      <SectionCard title="Details">
        <FieldList cols={4}>
          <Field label="Criticality to you">
            <OrgCriticalityBadge criticality={data.criticality} />
          </Field>
          <Field label="Contract">
            <ContractDates start={data.contractStart} end={data.contractEnd} />
          </Field>
          <Field label="Country">{data.country}</Field>
          <Field label="Website">
            {data.website && (
              <Anchor href={data.website} target="_blank" rel="noreferrer noopener" size="sm">
                {data.website}
              </Anchor>
            )}
          </Field>
          <Field label="External id">{data.externalId && <span className="mono">{data.externalId}</span>}</Field>
          <Field label="Direct reliance">
            {data.operatedAssets} operated {data.operatedAssets === 1 ? 'asset' : 'assets'}, {data.directDependents}{' '}
            {data.directDependents === 1 ? 'dependency' : 'dependencies'} on it
          </Field>
          <Field label="Tags">
            {data.tags.length > 0 && (
              <Group gap={4} component="span">
                {data.tags.map((tag) => (
                  <Badge key={tag} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
          <Field label="Last changed">
            {formatDateTime(data.updatedAt)} (version {data.version})
          </Field>
          <Field label="Notes" span>
            {data.notes && <span style={{ whiteSpace: 'pre-wrap' }}>{data.notes}</span>}
          </Field>
        </FieldList>
      </SectionCard>
      <Dependents orgSlug={org.slug} organization={data} />
      <OperatedAssets orgSlug={org.slug} organization={data} />
      <Contacts organization={data} />
      {canWrite && (
        <ExternalOrgFormModal
          key={editRound}
          orgSlug={org.slug}
          opened={isEditing}
          onClose={() => setEditing(false)}
          organization={data}
          onReload={async () => (await organization.refetch()).data}
        />
      )}
    </Stack>
  );
}
