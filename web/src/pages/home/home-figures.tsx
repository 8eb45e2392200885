import { SimpleGrid } from '@mantine/core';
import { IconActivity, IconClockHour4, IconKey, IconListCheck, IconUsers } from '@tabler/icons-react';
import type { OrganizationSummary } from '../../api/api-types';
import { StatCard } from '../../components/stat-card';
import { formatDateTime, formatRelative } from '../../lib/format';

const number = new Intl.NumberFormat('en');

/** The organization's headline figures, as the API counts them. */
export function HomeFigures({ figures }: { figures: OrganizationSummary['figures'] }) {
  const { lastActivityAt } = figures;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="md">
      <StatCard label="Members" value={number.format(figures.members)} icon={<IconUsers size={16} />} />
      <StatCard label="Active tokens" value={number.format(figures.activeTokens)} icon={<IconKey size={16} />} />
      <StatCard label="Audit entries" value={number.format(figures.auditEntries)} hint="All time" icon={<IconListCheck size={16} />} />
      <StatCard label="Changes, 7 days" value={number.format(figures.changesLast7Days)} icon={<IconActivity size={16} />} />
      <StatCard
        label="Last activity"
        value={lastActivityAt ? formatRelative(lastActivityAt) : 'None yet'}
        hint={lastActivityAt ? formatDateTime(lastActivityAt) : undefined}
        icon={<IconClockHour4 size={16} />}
      />
    </SimpleGrid>
  );
}
