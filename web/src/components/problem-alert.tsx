import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { isPathOf, toProblem } from '../api/api-problem';

interface ProblemAlertProps {
  error: unknown;
  /** What was being attempted, e.g. "Could not load the audit trail". */
  title?: string;
  /** The fields the form shows errors next to; when every field problem is among them, the alert only points there. */
  fields?: readonly string[];
}

/** Shows an API failure: the problem's `detail`, under a title that says what did not happen. */
export function ProblemAlert({ error, title, fields = [] }: ProblemAlertProps) {
  if (!error) return null;
  const problem = toProblem(error);
  const isShownByFields = problem.fieldProblems.length > 0 && problem.fieldProblems.every((field) => fields.some((name) => isPathOf(field.path, name)));
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title ?? problem.title} role="alert">
      {isShownByFields ? 'Check the highlighted fields.' : problem.detail}
    </Alert>
  );
}
