import { Anchor, Group, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { linkProps } from '../../router/router';

/** The link back to the list a detail page belongs to. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Anchor {...linkProps(to)} size="sm">
      <Group gap={4} component="span" display="inline-flex">
        <IconArrowLeft size={14} aria-hidden />
        {label}
      </Group>
    </Anchor>
  );
}

/** A detail page before its record arrived: loading, or why it could not be loaded (404 reads "not found"). */
export function DetailPlaceholder(props: {
  back: { to: string; label: string };
  title: string;
  notFoundTitle: string;
  error: unknown;
  isPending: boolean;
  what: string;
}) {
  return (
    <Stack gap="md">
      <BackLink {...props.back} />
      <PageHeader title={props.error ? props.notFoundTitle : props.title} />
      <ProblemAlert error={props.error} title={`Could not load the ${props.what}`} />
      {props.isPending && <Skeleton height={340} />}
    </Stack>
  );
}
