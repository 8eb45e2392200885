import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ProblemAlert } from '../../components/problem-alert';

interface SaveErrorProps {
  /** What was being saved, as the alert names it: "asset", "organization". */
  what: string;
  error: unknown;
  /** A 409 VERSION_CONFLICT: someone saved first. */
  isConflict: boolean;
  isEdit: boolean;
  fields: readonly string[];
  onReload: (() => void) | undefined;
  isReloading: boolean;
}

/**
 * Why a form's save failed. A version conflict says so plainly and offers to load the latest version (the
 * user's typing is not saved over someone else's change); anything else is the API's problem, by field.
 */
export function SaveError({ what, error, isConflict, isEdit, fields, onReload, isReloading }: SaveErrorProps) {
  if (!isConflict)
    return <ProblemAlert error={error} title={isEdit ? `Could not save the ${what}` : `Could not add the ${what}`} fields={fields} />;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={`Someone else changed this ${what} while you were editing`}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Your changes were not saved, so theirs are not overwritten. Load the latest version to see what changed (this replaces what you
          typed here), then make your edit again.
        </Text>
        <Button size="xs" variant="light" color="orange" onClick={onReload} loading={isReloading} disabled={!onReload}>
          Load the latest version
        </Button>
      </Stack>
    </Alert>
  );
}
