import { Badge } from '@mantine/core';
import type { ApiToken } from '../../api/api-types';

const STATUS: Record<ApiToken['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
};

export function TokenStatusBadge({ status }: { status: ApiToken['status'] }) {
  const { label, color } = STATUS[status];
  return (
    <Badge color={color} variant="light" radius="sm" tt="none" style={{ overflow: 'visible' }}>
      {label}
    </Badge>
  );
}
