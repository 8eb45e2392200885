import { Alert, List, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { toProblem } from '../../api/api-problem';

const SHOWN = 20;

/** Why a file was refused: the problem's detail, then each bad place in the file with its message. */
export function ImportProblem({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const problem = toProblem(error);
  const places = problem.fieldProblems;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      <Text size="sm">{problem.detail}</Text>
      {places.length > 0 && (
        <List size="sm" mt="xs" spacing={2} aria-label="Problems in the file">
          {places.slice(0, SHOWN).map((place) => (
            <List.Item key={`${place.path}:${place.message}`}>
              <span className="mono">{place.path}</span>: {place.message}
            </List.Item>
          ))}
        </List>
      )}
      {places.length > SHOWN && (
        <Text size="sm" mt={4}>
          …and {places.length - SHOWN} more.
        </Text>
      )}
    </Alert>
  );
}
