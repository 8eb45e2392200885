import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { linkProps } from '../../router/router';

interface NotFoundPageProps {
  /** Where "go back" leads, e.g. the organization's home. */
  homePath: string;
  title?: string;
  message?: string;
}

/** An unknown page, or one the role may not open (the API answers 404 for both, and so do we). */
export function NotFoundPage({ homePath, title = 'Page not found', message = 'There is no page at this address, or your role does not include it.' }: NotFoundPageProps) {
  return (
    <Stack gap="lg">
      <PageHeader title={title} />
      <Paper withBorder p="lg" radius="md">
        <Text mb="sm">{message}</Text>
        <Anchor {...linkProps(homePath)}>Go to the home page</Anchor>
      </Paper>
    </Stack>
  );
}
