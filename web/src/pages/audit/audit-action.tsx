import { Text } from '@mantine/core';

const DOMAIN_COLORS: Record<string, string> = {
  token: 'orange',
  member: 'blue',
  session: 'gray',
  user: 'cyan',
  organization: 'grape',
  job: 'teal',
};

/**
 * An action such as `token.created`, tinted by its domain so a page of entries scans quickly. It wraps rather
 * than truncates: an audit reader must always see the whole action.
 */
export function AuditAction({ action }: { action: string }) {
  const color = DOMAIN_COLORS[action.split('.')[0] ?? ''] ?? 'gray';
  return (
    <Text
      component="span"
      ff="monospace"
      fz="xs"
      fw={600}
      px={6}
      py={2}
      bg={`${color}.0`}
      c={`${color}.9`}
      style={{ display: 'inline-block', borderRadius: 'var(--mantine-radius-sm)', overflowWrap: 'anywhere', border: `1px solid var(--mantine-color-${color}-2)` }}
    >
      {action}
    </Text>
  );
}
