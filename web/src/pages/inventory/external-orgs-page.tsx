import { Anchor, Badge, Button, Center, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { orgPath } from '../../router/org-path';
import { linkProps, navigate } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { OrgCriticalityBadge } from './badges';
import { ContractDates } from './contract-dates';
import { ExternalOrgFormModal } from './external-org-form-modal';
import type { ConcentrationEntry, ExternalOrganization, RelationshipType, Scale } from './inventory-types';
import { levelName } from './levels';
import { useConcentration, useExternalOrganizations, useScale } from './use-inventory';
import { RELATIONSHIP_LABELS, RELATIONSHIP_OPTIONS } from './vocabulary';

type OrgSort = 'name' | 'concentration' | 'criticality';
const SORTS: { value: OrgSort; label: string }[] = [
  { value: 'concentration', label: 'Most relied on first' },
  { value: 'criticality', label: 'Most critical first' },
  { value: 'name', label: 'Name, A → Z' },
];

export function RelationshipBadges({ types }: { types: readonly RelationshipType[] }) {
  return (
    <Group gap={4} wrap="wrap">
      {types.map((type) => (
        <Badge key={type} variant="light" color="indigo" radius="sm" tt="none" fw={500} style={{ overflow: 'visible' }}>
          {RELATIONSHIP_LABELS[type]}
        </Badge>
      ))}
    </Group>
  );
}

function Concentration({ entry, scale }: { entry: ConcentrationEntry | undefined; scale: Scale | undefined }) {
  if (!entry || entry.primaryDependents === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  const top = levelName(scale, entry.criticalityMax);
  return (
    <Tooltip label={`Sum of their criticality levels: ${entry.criticalitySum}`} withArrow>
      <Text size="sm" component="span">
        <strong>{entry.primaryDependents}</strong> {entry.primaryDependents === 1 ? 'primary asset' : 'primary assets'}
        {top && (
          <Text span size="xs" c="dimmed">
            {' '}
            · up to {top}
          </Text>
        )}
      </Text>
    </Tooltip>
  );
}

function sortOrganizations(
  items: readonly ExternalOrganization[],
  concentration: ReadonlyMap<string, ConcentrationEntry>,
  sort: OrgSort,
): ExternalOrganization[] {
  const byName = (a: ExternalOrganization, b: ExternalOrganization): number => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  const weight = (organization: ExternalOrganization): [number, number] => {
    const entry = concentration.get(organization.id);
    return [entry?.primaryDependents ?? 0, entry?.criticalitySum ?? 0];
  };
  return [...items].sort((a, b) => {
    if (sort === 'criticality') return b.criticality - a.criticality || byName(a, b);
    if (sort === 'concentration') {
      const [aCount, aSum] = weight(a);
      const [bCount, bSum] = weight(b);
      return bCount - aCount || bSum - aSum || byName(a, b);
    }
    return byName(a, b);
  });
}

/** The organizations the tenant relates to, with how much of the inventory hangs on each (concentration risk). */
export function ExternalOrgsPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'inventory:write');
  const organizations = useExternalOrganizations(org.slug);
  const concentration = useConcentration(org.slug);
  const scale = useScale(org.slug);
  const [search, setSearch] = useState('');
  const [relationship, setRelationship] = useState<string | null>(null);
  const [sort, setSort] = useState<OrgSort>('concentration');
  const [creatingRound, setCreatingRound] = useState(0);
  const [isCreating, setCreating] = useState(false);

  const concentrationById = useMemo(
    () => new Map((concentration.data?.organizations ?? []).map((entry) => [entry.node.id, entry])),
    [concentration.data],
  );
  const all = organizations.data?.items ?? [];
  const needle = search.trim().toLowerCase();
  const shown = sortOrganizations(
    all.filter(
      (organization) =>
        (!needle || organization.name.toLowerCase().includes(needle)) &&
        (!relationship || organization.relationshipTypes.includes(relationship as RelationshipType)),
    ),
    concentrationById,
    sort,
  );

  return (
    <Stack gap="md">
      <PageHeader
        title="Outside organizations"
        description="Suppliers, providers, partners, regulators and peers, with how many of your primary assets depend on each."
        actions={
          canWrite && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => {
                setCreatingRound((round) => round + 1);
                setCreating(true);
              }}
            >
              Add organization
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md" role="search" aria-label="Filter outside organizations">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Search"
            placeholder="Part of the name"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label="Relationship"
            placeholder="Any"
            data={RELATIONSHIP_OPTIONS}
            value={relationship}
            onChange={setRelationship}
            clearable
            w={240}
          />
          <Select
            label="Sort"
            data={SORTS}
            value={sort}
            onChange={(value) => value && setSort(value as OrgSort)}
            allowDeselect={false}
            w={220}
          />
        </Group>
      </Paper>
      <ProblemAlert error={organizations.error} title="Could not load the outside organizations" />
      <ProblemAlert error={concentration.error} title="Could not compute the concentration figures" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {organizations.isPending && <Skeleton height={320} />}
        {organizations.data && shown.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">{all.length === 0 ? 'No outside organizations yet.' : 'No organization matches.'}</Text>
          </Center>
        )}
        {shown.length > 0 && (
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover aria-label="Outside organizations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={210}>Relationship</Table.Th>
                  <Table.Th w={100}>Criticality</Table.Th>
                  <Table.Th w={200}>Contract</Table.Th>
                  <Table.Th w={100} ta="right">
                    Operates
                  </Table.Th>
                  <Table.Th w={250}>Primary assets depending on it</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((organization) => (
                  <Table.Tr key={organization.id} data-testid="external-org-row">
                    <Table.Td>
                      <Anchor
                        {...linkProps(orgPath(org.slug, `external-organizations/${organization.id}`))}
                        size="sm"
                        fw={600}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {organization.name}
                      </Anchor>
                      {organization.country && (
                        <Text size="xs" c="dimmed">
                          {organization.country}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RelationshipBadges types={organization.relationshipTypes} />
                    </Table.Td>
                    <Table.Td>
                      <OrgCriticalityBadge criticality={organization.criticality} />
                    </Table.Td>
                    <Table.Td>
                      <ContractDates start={organization.contractStart} end={organization.contractEnd} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {organization.operatedAssets} {organization.operatedAssets === 1 ? 'asset' : 'assets'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {concentration.isPending ? (
                        <Skeleton height={14} width={120} />
                      ) : (
                        <Concentration entry={concentrationById.get(organization.id)} scale={scale.data} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {organizations.data && (
        <Text size="sm" c="dimmed">
          {shown.length === all.length
            ? `${all.length} ${all.length === 1 ? 'organization' : 'organizations'}`
            : `${shown.length} of ${all.length} organizations`}
          . “Primary assets depending on it” counts the information and business processes that rely on the organization, directly or
          through other assets.
        </Text>
      )}
      {canWrite && (
        <ExternalOrgFormModal
          key={creatingRound}
          orgSlug={org.slug}
          opened={isCreating}
          onClose={() => setCreating(false)}
          onCreated={(created) => navigate(orgPath(org.slug, `external-organizations/${created.id}`))}
        />
      )}
    </Stack>
  );
}
