import { Anchor, Button, Group, Menu, NavLink, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconDownload, IconFileImport, IconPlus, IconStar } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { CriteriaDetails } from './criteria-details';
import { ImportCriteriaModal } from './import-criteria-modal';
import { exportUrl, useCreateCriteria, useCriteria, useCriteriaList, useMakeDefaultCriteria } from './use-risk-criteria';

const TEMPLATES = [
  { template: '5x5', label: 'Standard 5×5' },
  { template: '4x4', label: 'Standard 4×4' },
  { template: '3x3', label: 'Simple 3×3' },
] as const;

/** Risk criteria: the organization's scales, matrices and acceptance rules, one set at a time. */
export function RiskCriteriaPage() {
  const { org } = useCurrentOrg();
  const list = useCriteriaList(org.slug);
  const [picked, setPicked] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const selectedId = picked ?? items.find((item) => item.isDefault)?.id ?? items[0]?.id ?? null;
  const selected = useCriteria(org.slug, selectedId);
  const create = useCreateCriteria(org.slug);
  const makeDefault = useMakeDefaultCriteria(org.slug);
  const [importing, { open: openImport, close: closeImport }] = useDisclosure(false);
  const [importRound, setImportRound] = useState(0);
  const mayEdit = can(org.role, 'risk:criteria');

  const fromTemplate = async (template: (typeof TEMPLATES)[number]): Promise<void> => {
    const taken = new Set(items.map((item) => item.name.toLowerCase()));
    let name: string = template.label;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${template.label} (${n})`;
    const created = await create.mutateAsync({ template: template.template, name, makeDefault: false });
    setPicked(created.id);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title="Risk criteria"
        description="How risks are rated: likelihood and consequence scales, the matrix that gives the risk level, and who may accept a risk at each level."
        actions={
          mayEdit && (
            <Group gap="xs" wrap="nowrap">
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button leftSection={<IconPlus size={18} aria-hidden />} rightSection={<IconChevronDown size={16} aria-hidden />} loading={create.isPending}>
                    New from template
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {TEMPLATES.map((template) => (
                    <Menu.Item key={template.template} onClick={() => void fromTemplate(template)}>
                      {template.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
              <Button
                variant="default"
                leftSection={<IconFileImport size={18} aria-hidden />}
                onClick={() => {
                  setImportRound((round) => round + 1);
                  openImport();
                }}
              >
                Import
              </Button>
            </Group>
          )
        }
      />
      <ProblemAlert error={list.error ?? create.error ?? makeDefault.error} title="Something went wrong with the risk criteria" />
      {list.isPending && <Skeleton height={320} />}
      {list.data && items.length === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed">No risk criteria yet. {mayEdit ? 'Start from a template or import a CISO Assistant library.' : 'A risk manager defines them.'}</Text>
        </Paper>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
          <Paper withBorder radius="md" p="xs" component="nav" aria-label="Criteria sets">
            {items.map((item) => (
              <NavLink
                key={item.id}
                component="button"
                aria-current={item.id === selectedId ? 'true' : undefined}
                active={item.id === selectedId}
                label={item.name}
                description={`version ${item.version}${item.isDefault ? ' · default' : ''}`}
                onClick={() => setPicked(item.id)}
                leftSection={item.isDefault ? <IconStar size={16} aria-label="default" /> : undefined}
              />
            ))}
          </Paper>
          <Stack style={{ gridColumn: 'span 3' }} gap="sm">
            {selected.isPending && <Skeleton height={320} />}
            <ProblemAlert error={selected.error} title="Could not load these criteria" />
            {selected.data && (
              <>
                <Group gap="md">
                  <Anchor href={exportUrl(org.slug, selected.data.id, 'ciso-assistant')} download>
                    <Group gap={4}>
                      <IconDownload size={16} aria-hidden /> CISO Assistant YAML
                    </Group>
                  </Anchor>
                  <Anchor href={exportUrl(org.slug, selected.data.id, 'bulwark')} download>
                    <Group gap={4}>
                      <IconDownload size={16} aria-hidden /> Bulwark JSON
                    </Group>
                  </Anchor>
                  {mayEdit && !selected.data.isDefault && (
                    <Button size="xs" variant="light" loading={makeDefault.isPending} onClick={() => makeDefault.mutate(selected.data.id)}>
                      Use for new assessments
                    </Button>
                  )}
                </Group>
                <CriteriaDetails criteria={selected.data} />
              </>
            )}
          </Stack>
        </SimpleGrid>
      )}
      <ImportCriteriaModal key={importRound} orgSlug={org.slug} opened={importing} onClose={closeImport} />
    </Stack>
  );
}
