import { Badge, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { NodeLink } from './node-link';
import { DistanceTable, KindCounts, PrimaryAffected } from './reach';
import { SectionCard } from './section-card';
import { useBlastRadius, useUpstream } from './use-inventory';

const count = new Intl.NumberFormat('en');
const plural = (value: number, one: string, many: string): string => `${count.format(value)} ${value === 1 ? one : many}`;

/** Blast radius: what is affected if this asset fails or is compromised. */
export function BlastRadiusCard({ orgSlug, assetId }: { orgSlug: string; assetId: string }) {
  const blast = useBlastRadius(orgSlug, assetId);
  const data = blast.data;
  return (
    <SectionCard
      title="Blast radius"
      description="What is affected if this asset fails or is compromised: everything relying on it, directly or not."
      testId="blast-radius"
    >
      <ProblemAlert error={blast.error} title="Could not compute the blast radius" />
      {blast.isPending && <Skeleton height={120} />}
      {data &&
        (data.total === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing relies on this asset.
          </Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm" data-testid="blast-radius-summary">
              <strong>{plural(data.total, 'asset or organization', 'assets and organizations')}</strong> affected, of which{' '}
              <strong>{plural(data.primaryAffected, 'primary asset', 'primary assets')}</strong>.
            </Text>
            <KindCounts byKind={data.byKind} />
            <DistanceTable items={data.items} truncated={data.truncated} label="Blast radius by distance" />
            {data.primaryAffected > 0 && (
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed">
                  Primary assets affected
                </Text>
                <PrimaryAffected orgSlug={orgSlug} items={data.items} />
              </Stack>
            )}
          </Stack>
        ))}
    </SectionCard>
  );
}

const tierName = (tier: number): string => (tier === 1 ? 'Third party' : tier === 2 ? 'Fourth party' : `Tier ${tier}`);

/** Upstream exposure: everything the asset relies on, and the outside organizations in that chain. */
export function UpstreamCard({ orgSlug, assetId }: { orgSlug: string; assetId: string }) {
  const upstream = useUpstream(orgSlug, assetId);
  const data = upstream.data;
  return (
    <SectionCard
      title="Upstream exposure"
      description="What this asset relies on, directly or not, and the outside organizations in that supply chain."
      testId="upstream-exposure"
    >
      <ProblemAlert error={upstream.error} title="Could not compute the upstream exposure" />
      {upstream.isPending && <Skeleton height={120} />}
      {data &&
        (data.total === 0 ? (
          <Text size="sm" c="dimmed">
            This asset relies on nothing recorded in the inventory.
          </Text>
        ) : (
          <Stack gap="sm">
            <Text size="sm">
              Relies on <strong>{plural(data.total, 'asset or organization', 'assets and organizations')}</strong>, including{' '}
              <strong>{plural(data.organizations.length, 'outside organization', 'outside organizations')}</strong>.
            </Text>
            {data.organizations.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing={6} aria-label="Outside organizations upstream">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Outside organization</Table.Th>
                      <Table.Th w={120}>Tier</Table.Th>
                      <Table.Th>Through</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.organizations.map((organization) => (
                      <Table.Tr key={organization.node.id}>
                        <Table.Td>
                          <NodeLink orgSlug={orgSlug} node={organization.node} fw={600} />
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={organization.tier === 1 ? 'orange' : 'gray'} radius="sm" tt="none">
                            {tierName(organization.tier)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" component="div">
                            {organization.path.length <= 2
                              ? 'Directly'
                              : organization.path.slice(1, -1).map((node, index) => (
                                  <Fragment key={node.id}>
                                    {index > 0 && ' → '}
                                    <NodeLink orgSlug={orgSlug} node={node} />
                                  </Fragment>
                                ))}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <DistanceTable items={data.items} truncated={data.truncated} label="Upstream by distance" withPrimary={false} />
          </Stack>
        ))}
    </SectionCard>
  );
}
