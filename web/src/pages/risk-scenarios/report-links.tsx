import { Button, Group, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { filterParams, type RegisterView } from './use-register-view';
import { reportUrl } from './use-scenarios';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'xlsx', label: 'XLSX' },
  { format: 'pdf', label: 'PDF' },
] as const;

/**
 * The risk report of the register as filtered now. Plain links: the browser downloads with the session cookie,
 * and the file name comes from the server.
 */
export function ReportLinks({ orgSlug, view }: { orgSlug: string; view: RegisterView }) {
  const filters = filterParams(view, { withCell: true });
  return (
    <Group gap={6} wrap="nowrap" role="group" aria-label="Download the report">
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Report:
      </Text>
      {FORMATS.map(({ format, label }) => (
        <Button
          key={format}
          component="a"
          href={reportUrl(orgSlug, format, filters)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          aria-label={`Download the report as ${label}`}
        >
          {label}
        </Button>
      ))}
    </Group>
  );
}
