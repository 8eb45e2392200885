import { Badge, Button, Center, Group, Paper, Select, Skeleton, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { CONCEPT_LABELS, options, STATUS_LABELS } from './control-labels';
import { CreateControlModal } from './create-control-modal';
import { useControls, type Control, type ControlQuery } from './use-controls';

const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as Control['status'][]).map((value) => ({ value, label: STATUS_LABELS[value].label }));

function money(control: Control): string {
  const parts = [
    control.oneOffCost !== null ? `${control.oneOffCost.toLocaleString('en-GB')} once` : null,
    control.yearlyCost !== null ? `${control.yearlyCost.toLocaleString('en-GB')} a year` : null,
  ].filter(Boolean);
  return parts.length ? `${parts.join(' + ')} ${control.currency ?? ''}` : '—';
}

/** Applied controls: the organization's own security measures, which risk treatment and frameworks use. */
export function ControlsPage() {
  const { org } = useCurrentOrg();
  const [status, setStatus] = useState<string | null>(null);
  const [concept, setConcept] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const query: ControlQuery = {
    ...(status ? { status: status as Control['status'] } : {}),
    ...(concept ? { concept: concept as Control['attributes']['concepts'][number] } : {}),
    ...(overdueOnly ? { overdue: 'true' } : {}),
    ...(q ? { q } : {}),
  };
  const controls = useControls(org.slug, query);
  const [creating, { open, close }] = useDisclosure(false);
  const [round, setRound] = useState(0);
  const items = controls.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Applied controls"
        description="Your own security measures: who owns them, where they stand, what they cost and what they do. Risk treatment plans and frameworks refer to them."
        actions={
          can(org.role, 'controls:write') && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={() => {
                setRound((n) => n + 1);
                open();
              }}
            >
              Add control
            </Button>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Group align="flex-end" gap="md">
          <TextInput
            label="Search"
            placeholder="Title or reference"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select label="Status" placeholder="Any" data={STATUS_OPTIONS} value={status} onChange={setStatus} clearable />
          <Select label="Concept" placeholder="Any" data={options(CONCEPT_LABELS)} value={concept} onChange={setConcept} clearable />
          <Switch label="Overdue only" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} />
        </Group>
      </Paper>
      <ProblemAlert error={controls.error} title="Could not load the controls" />
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        {controls.isPending && <Skeleton height={240} />}
        {controls.data && items.length === 0 && (
          <Center p="xl">
            <Text c="dimmed">No applied controls match.</Text>
          </Center>
        )}
        {items.length > 0 && (
          <Table striped highlightOnHover aria-label="Applied controls">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reference</Table.Th>
                <Table.Th>Title</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Concepts</Table.Th>
                <Table.Th>Effectiveness</Table.Th>
                <Table.Th>Cost</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((control) => (
                <Table.Tr key={control.id} data-testid="control-row">
                  <Table.Td className="mono">{control.refId ?? '—'}</Table.Td>
                  <Table.Td fw={600}>{control.title}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_LABELS[control.status].color} style={{ minWidth: 'max-content' }}>
                      {STATUS_LABELS[control.status].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{control.owner ?? '—'}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start" style={{ whiteSpace: 'nowrap' }}>
                      <span>{control.dueDate ?? '—'}</span>
                      {control.overdue && (
                        <Badge color="red" variant="light" size="sm">
                          overdue
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {control.attributes.concepts.map((c) => (
                        <Badge key={c} variant="outline" size="sm">
                          {CONCEPT_LABELS[c]}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{control.effectiveness !== null ? `${control.effectiveness} %` : '—'}</Table.Td>
                  <Table.Td>{money(control)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {controls.data?.truncated && <Text c="dimmed">Only the first {items.length} are shown: narrow the filters.</Text>}
      <CreateControlModal key={round} orgSlug={org.slug} opened={creating} onClose={close} />
    </Stack>
  );
}
