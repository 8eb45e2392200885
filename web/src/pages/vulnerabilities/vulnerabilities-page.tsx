import { Button, Center, Menu, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { ImportEpssModal, ImportKevModal } from './import-feeds';
import { VulnerabilitiesTable } from './vulnerabilities-table';
import {
  NO_VULNERABILITY_FILTERS,
  toVulnerabilityQuery,
  VulnerabilityFilters,
  type VulnerabilityFilterValues,
} from './vulnerability-filters';
import { VulnerabilityFormModal } from './vulnerability-form-modal';
import type { Vulnerability } from './vulnerability-types';
import { useVulnerabilities } from './use-vulnerabilities';

type Dialog = { which: 'create' | 'kev' | 'epss' } | { which: 'edit'; vulnerability: Vulnerability };

/** Vulnerabilities: CVEs and findings with CVSS, EPSS, CISA KEV status and the assets they affect. */
export function VulnerabilitiesPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'risk:write');
  const [filters, setFilters] = useState<VulnerabilityFilterValues>(NO_VULNERABILITY_FILTERS);
  const vulnerabilities = useVulnerabilities(org.slug, toVulnerabilityQuery(filters));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = (): void => setDialog(null);
  const items = vulnerabilities.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Vulnerabilities"
        description="Weaknesses in your assets, with their CVSS score, EPSS probability and whether CISA knows them to be exploited. Risk scenarios name them."
        actions={
          canWrite && (
            <>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconFileImport size={18} aria-hidden />}
                    rightSection={<IconChevronDown size={14} aria-hidden />}
                  >
                    Import
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setDialog({ which: 'kev' })}>Import KEV catalogue</Menu.Item>
                  <Menu.Item onClick={() => setDialog({ which: 'epss' })}>Import EPSS CSV</Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ which: 'create' })}>
                Add vulnerability
              </Button>
            </>
          )
        }
      />
      <VulnerabilityFilters value={filters} onChange={setFilters} />
      <ProblemAlert error={vulnerabilities.error} title="Could not load the vulnerabilities" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {vulnerabilities.isPending && <Skeleton height={240} />}
        {vulnerabilities.data && items.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">No vulnerabilities match.</Text>
          </Center>
        )}
        {items.length > 0 && (
          <VulnerabilitiesTable
            orgSlug={org.slug}
            items={items}
            canWrite={canWrite}
            onEdit={(vulnerability) => setDialog({ which: 'edit', vulnerability })}
          />
        )}
      </Paper>
      {vulnerabilities.data?.truncated && <Text c="dimmed">Only the first {items.length} are shown: narrow the filters.</Text>}
      {dialog?.which === 'create' && <VulnerabilityFormModal orgSlug={org.slug} onClose={close} />}
      {dialog?.which === 'edit' && (
        <VulnerabilityFormModal key={dialog.vulnerability.id} orgSlug={org.slug} vulnerability={dialog.vulnerability} onClose={close} />
      )}
      {dialog?.which === 'kev' && <ImportKevModal orgSlug={org.slug} onClose={close} />}
      {dialog?.which === 'epss' && <ImportEpssModal orgSlug={org.slug} onClose={close} />}
    </Stack>
  );
}
