import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: ReactNode;
}

/** One headline figure. */
export function StatCard({ label, value, hint, icon }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={label}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon variant="light" color="indigo" size={26} radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Text size="sm" c="dimmed" fw={600} lh={1.3}>
          {label}
        </Text>
      </Group>
      <Text fz={28} fw={700} lh={1.2} mt={10} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}
