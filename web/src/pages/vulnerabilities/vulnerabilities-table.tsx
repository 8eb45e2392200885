import { ActionIcon, Anchor, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { orgPath } from '../../router/org-path';
import { linkProps } from '../../router/router';
import { DeleteVulnerabilityButton } from './delete-vulnerability-button';
import { CvssBadge, EpssValue, KevMark, VulnerabilityStatusBadge } from './vulnerability-badges';
import { vulnerabilityName } from './vulnerability-labels';
import type { Vulnerability } from './vulnerability-types';

const ASSETS_SHOWN = 4;

function AffectedAssets({ orgSlug, assets }: { orgSlug: string; assets: Vulnerability['assets'] }) {
  if (assets.length === 0) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {assets.slice(0, ASSETS_SHOWN).map((asset) => (
        <Anchor key={asset.id} {...linkProps(orgPath(orgSlug, `assets/${asset.id}`))} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {asset.name}
        </Anchor>
      ))}
      {assets.length > ASSETS_SHOWN && (
        <Text size="xs" c="dimmed">
          and {assets.length - ASSETS_SHOWN} more
        </Text>
      )}
    </Stack>
  );
}

interface VulnerabilitiesTableProps {
  orgSlug: string;
  items: readonly Vulnerability[];
  canWrite: boolean;
  onEdit: (vulnerability: Vulnerability) => void;
}

export function VulnerabilitiesTable({ orgSlug, items, canWrite, onEdit }: VulnerabilitiesTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover aria-label="Vulnerabilities" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>CVE</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th w={140}>CVSS</Table.Th>
            <Table.Th w={80} ta="right">
              EPSS
            </Table.Th>
            <Table.Th w={150}>Known exploited</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={140}>Affected assets</Table.Th>
            {canWrite && (
              <Table.Th w={84}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((vulnerability) => (
            <Table.Tr key={vulnerability.id} data-testid="vulnerability-row">
              <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                {vulnerability.cveId ?? '—'}
              </Table.Td>
              <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                {vulnerability.title}
              </Table.Td>
              <Table.Td>
                <CvssBadge vulnerability={vulnerability} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <EpssValue vulnerability={vulnerability} />
              </Table.Td>
              <Table.Td>
                <KevMark vulnerability={vulnerability} />
              </Table.Td>
              <Table.Td>
                <VulnerabilityStatusBadge status={vulnerability.status} />
              </Table.Td>
              <Table.Td>
                <AffectedAssets orgSlug={orgSlug} assets={vulnerability.assets} />
              </Table.Td>
              {canWrite && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label="Edit" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => onEdit(vulnerability)}
                        aria-label={`Edit ${vulnerabilityName(vulnerability)}`}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <DeleteVulnerabilityButton orgSlug={orgSlug} vulnerability={vulnerability} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
