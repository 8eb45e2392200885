import { Badge, Button, Divider, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { Field, FieldList } from '../inventory/field-list';
import { DeleteThreatButton } from './delete-threat-button';
import { DeprecatedBadge, ExternalId, KindBadge } from './threat-badges';
import { ThreatFormModal } from './threat-form-modal';
import { CATEGORY_LABELS, isImported, originLabel } from './threat-labels';
import { ThreatRelations } from './threat-relations';
import type { Threat } from './threat-types';
import { TacticBadges } from './threats-table';
import { useThreat } from './use-threats';

interface ThreatDrawerProps {
  orgSlug: string;
  /** The threat shown; null keeps the drawer closed. */
  threatId: string | null;
  canWrite: boolean;
  onOpen: (threatId: string) => void;
  /** Goes back to the threat shown before a related one was opened; absent when there is none. */
  onBack?: () => void;
  onClose: () => void;
}

/** One threat beside the list: what it is, what it relates to, and (for your own) edit and delete. */
export function ThreatDrawer({ orgSlug, threatId, canWrite, onOpen, onBack, onClose }: ThreatDrawerProps) {
  return (
    <Drawer
      opened={threatId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={<Text fw={700}>Threat</Text>}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {threatId && (
        <ThreatDetails
          key={threatId}
          orgSlug={orgSlug}
          threatId={threatId}
          canWrite={canWrite}
          onOpen={onOpen}
          onBack={onBack}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

function ThreatDetails({ orgSlug, threatId, canWrite, onOpen, onBack, onClose }: ThreatDrawerProps & { threatId: string }) {
  const threat = useThreat(orgSlug, threatId);
  const [editing, setEditing] = useState(0);
  if (!threat.data)
    return (
      <Stack>
        <ProblemAlert error={threat.error} title="Could not load the threat" />
        {threat.isPending && <Skeleton height={240} />}
      </Stack>
    );
  const item = threat.data;
  const isOwn = !isImported(item);
  return (
    <Stack gap="md">
      {onBack && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} aria-hidden />} onClick={onBack} w="fit-content">
          Back
        </Button>
      )}
      <Stack gap={6}>
        <Text component="h2" fw={700} fz="xl" m={0} style={{ overflowWrap: 'anywhere' }}>
          {item.name}
        </Text>
        <Group gap={6}>
          <KindBadge kind={item.kind} />
          {item.category && (
            <Badge variant="outline" color="grape" radius="sm" tt="none">
              {CATEGORY_LABELS[item.category]}
            </Badge>
          )}
          {item.deprecated && <DeprecatedBadge />}
        </Group>
      </Stack>
      {isOwn && canWrite && (
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing((n) => n + 1)}>
            Edit
          </Button>
          <DeleteThreatButton orgSlug={orgSlug} threat={item} onDeleted={onClose} />
        </Group>
      )}
      {!isOwn && (
        <Text size="xs" c="dimmed">
          Imported from {originLabel(item)}: read-only. Import a newer catalogue to update it.
        </Text>
      )}
      <FieldList cols={2}>
        <Field label="External id">{item.externalId || item.url ? <ExternalId threat={item} /> : null}</Field>
        <Field label="Origin">{originLabel(item)}</Field>
        {item.tactics.length > 0 && (
          <Field label="Tactics" span>
            <TacticBadges tactics={item.tactics} />
          </Field>
        )}
        {(item.platforms.length > 0 || !isOwn) && (
          <Field label="Platforms" span>
            {item.platforms.join(', ')}
          </Field>
        )}
        <Field label="Aliases" span>
          {item.aliases.join(', ')}
        </Field>
      </FieldList>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600}>
          Description
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={item.description ? undefined : 'dimmed'}>
          {item.description ?? 'None'}
        </Text>
      </Stack>
      <Divider />
      <ThreatRelations orgSlug={orgSlug} threatId={item.id} onOpen={onOpen} />
      {editing > 0 && (
        <ThreatFormModal
          key={editing}
          orgSlug={orgSlug}
          opened
          onClose={() => setEditing(0)}
          threat={item}
          onReload={async (): Promise<Threat | undefined> => (await threat.refetch()).data}
        />
      )}
    </Stack>
  );
}
