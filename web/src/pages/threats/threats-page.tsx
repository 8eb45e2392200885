import { Button, Center, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { ImportAttackModal } from './import-attack-modal';
import { NO_THREAT_FILTERS, ThreatFilters, type ThreatFilterValues } from './threat-filters';
import { ThreatDrawer } from './threat-drawer';
import { ThreatFormModal } from './threat-form-modal';
import type { ThreatQuery } from './threat-types';
import { ThreatsTable } from './threats-table';
import { useThreats } from './use-threats';

const toQuery = (filters: ThreatFilterValues): ThreatQuery => ({
  ...(filters.kind ? { kind: filters.kind } : {}),
  ...(filters.category ? { category: filters.category } : {}),
  ...(filters.q ? { q: filters.q } : {}),
  ...(filters.includeDeprecated ? { includeDeprecated: 'true' } : {}),
});

/**
 * Threats: the organization's own risk sources and threat events, and the ATT&CK catalogue it imported. A row
 * opens the threat in a drawer with its related threats; a related one opens in its place (Back returns).
 */
export function ThreatsPage() {
  const { org } = useCurrentOrg();
  const canWrite = can(org.role, 'risk:write');
  const [filters, setFilters] = useState<ThreatFilterValues>(NO_THREAT_FILTERS);
  const threats = useThreats(org.slug, toQuery(filters));
  const [dialog, setDialog] = useState<{ which: 'create' | 'import'; round: number } | null>(null);
  /** The threats opened, the one shown last. */
  const [trail, setTrail] = useState<string[]>([]);
  const items = threats.data?.items ?? [];
  const openDialog = (which: 'create' | 'import'): void => setDialog({ which, round: (dialog?.round ?? 0) + 1 });

  return (
    <Stack gap="md">
      <PageHeader
        title="Threats"
        description="Who or what may cause harm (risk sources) and what may happen (threat events), with the MITRE ATT&CK techniques, groups and software you imported. Risk scenarios name them as causes."
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => openDialog('import')}>
                Import ATT&CK bundle
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => openDialog('create')}>
                New risk source / threat event
              </Button>
            </>
          )
        }
      />
      <ThreatFilters value={filters} onChange={setFilters} />
      <ProblemAlert error={threats.error} title="Could not load the threats" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {threats.isPending && <Skeleton height={240} />}
        {threats.data && items.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">No threats match.</Text>
          </Center>
        )}
        {items.length > 0 && <ThreatsTable items={items} onOpen={(threat) => setTrail([threat.id])} />}
      </Paper>
      {threats.data?.truncated && <Text c="dimmed">Only the first {items.length} are shown: narrow the filters.</Text>}
      <ThreatDrawer
        orgSlug={org.slug}
        threatId={trail.at(-1) ?? null}
        canWrite={canWrite}
        onOpen={(id) => setTrail((current) => [...current, id])}
        onBack={trail.length > 1 ? () => setTrail((current) => current.slice(0, -1)) : undefined}
        onClose={() => setTrail([])}
      />
      {dialog?.which === 'create' && (
        <ThreatFormModal
          key={dialog.round}
          orgSlug={org.slug}
          opened
          onClose={() => setDialog(null)}
          onCreated={(created) => setTrail([created.id])}
        />
      )}
      {dialog?.which === 'import' && <ImportAttackModal key={dialog.round} orgSlug={org.slug} opened onClose={() => setDialog(null)} />}
    </Stack>
  );
}
