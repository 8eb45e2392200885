import { Badge } from '@mantine/core';
import type { Role } from '../api/api-types';
import { ROLE_LABELS } from '../session/roles';

const ROLE_COLORS: Record<Role, string> = {
  owner: 'grape',
  admin: 'indigo',
  'risk-manager': 'blue',
  'compliance-manager': 'blue',
  'incident-responder': 'blue',
  'sharing-liaison': 'blue',
  auditor: 'teal',
  viewer: 'gray',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light" radius="sm" tt="none" fw={600} style={{ flexShrink: 0 }}>
      {ROLE_LABELS[role]}
    </Badge>
  );
}
