import { Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { RoleBadge } from '../../components/role-badge';
import { formatDate } from '../../lib/format';
import { useCurrentOrg } from '../../session/current-org';
import { can } from '../../session/roles';
import { HomeFigures } from './home-figures';
import { RecentActivity } from './recent-activity';
import { useOrganizationSummary } from './use-organization-summary';

/** The organization at a glance: its figures, the latest changes, and what the user's role is. */
export function HomePage() {
  const { org, user } = useCurrentOrg();
  const summary = useOrganizationSummary(org.slug);
  const mayReadAudit = can(org.role, 'audit:read');

  return (
    <Stack gap="lg">
      <PageHeader
        title={org.name}
        description={
          <Group gap={6} component="span">
            <span>Welcome, {user.name}. Your role here:</span>
            <RoleBadge role={org.role} />
            <span>· Organization since {formatDate(org.createdAt)}</span>
          </Group>
        }
      />
      <ProblemAlert error={summary.error} title="Could not load the organization's figures" />
      {summary.isPending ? <Skeleton height={110} radius="md" /> : summary.data && <HomeFigures figures={summary.data.figures} />}
      {mayReadAudit ? (
        <RecentActivity orgSlug={org.slug} />
      ) : (
        <Paper withBorder radius="md" p="md">
          <Text c="dimmed" size="sm">
            Your role does not include the audit trail. Owners, administrators and auditors can read it.
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
