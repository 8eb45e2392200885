import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label and its value in a definition list (render inside <FieldList>). */
export function Field({ label, children, span }: { label: string; children: ReactNode; span?: boolean }) {
  const isEmpty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2} style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }} {...(isEmpty ? { c: 'dimmed' } : {})}>
        {isEmpty ? '—' : children}
      </Text>
    </Stack>
  );
}

export function FieldList({ children, cols = 3 }: { children: ReactNode; cols?: number }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: cols }} spacing="lg" verticalSpacing="md" m={0}>
      {children}
    </SimpleGrid>
  );
}
