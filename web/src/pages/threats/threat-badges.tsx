import { Anchor, Badge, Group } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { KIND_COLORS, KIND_LABELS } from './threat-labels';
import type { Threat, ThreatKind } from './threat-types';

const badge = { radius: 'sm', tt: 'none', fw: 600, style: { whiteSpace: 'nowrap', overflow: 'visible' } } as const;

export function KindBadge({ kind, size }: { kind: ThreatKind; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" size={size} {...badge}>
      {KIND_LABELS[kind]}
    </Badge>
  );
}

export function DeprecatedBadge() {
  return (
    <Badge color="gray" variant="outline" size="sm" {...badge}>
      Deprecated
    </Badge>
  );
}

/** The external id, linked to the catalogue's page when there is one (opens in a new tab). */
export function ExternalId({ threat }: { threat: Pick<Threat, 'externalId' | 'url' | 'name'> }) {
  if (!threat.externalId && !threat.url) return <span aria-label="none">—</span>;
  const text = threat.externalId ?? 'Link';
  if (!threat.url) return <span className="mono">{text}</span>;
  return (
    <Anchor
      href={threat.url}
      target="_blank"
      rel="noopener noreferrer"
      size="sm"
      aria-label={`${text}: ${threat.name} (opens in a new tab)`}
    >
      <Group component="span" gap={2} wrap="nowrap" display="inline-flex">
        <span className="mono">{text}</span>
        <IconExternalLink size={12} aria-hidden />
      </Group>
    </Anchor>
  );
}
