import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useId } from 'react';

interface OneTimeSecretProps {
  /** What the secret is, e.g. "API token secret". */
  label: string;
  secret: string;
  /** Why it matters and what to do with it. */
  warning: string;
}

/** A secret the server returns once (API token, initial password): shown in a copyable box with a warning. */
export function OneTimeSecret({ label, secret, warning }: OneTimeSecretProps) {
  const labelId = useId();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Copy it now: you will not see it again">
        {warning}
      </Alert>
      <Text size="sm" fw={600} id={labelId}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          aria-labelledby={labelId}
          data-testid="one-time-secret"
          style={{ flex: 1, fontSize: 'var(--mantine-font-size-sm)', wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
        >
          {secret}
        </Code>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy to clipboard'} withArrow>
              <ActionIcon variant="default" size="lg" onClick={copy} aria-label={copied ? `${label} copied` : `Copy ${label.toLowerCase()}`}>
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
