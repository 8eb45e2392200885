import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { ImportProblem } from '../threats/import-problem';

interface FileImportModalProps<Result> {
  title: string;
  /** What file to choose, and what importing it does. */
  intro: ReactNode;
  accept: string;
  maxBytes: number;
  /** Sends the file's text; resolves with the server's answer. */
  send: (file: File) => Promise<Result>;
  isPending: boolean;
  error: unknown;
  onReset: () => void;
  /** The answer, as counts. */
  describe: (result: Result) => ReactNode;
  onClose: () => void;
}

/** Choose a file, send it, show what the server did (or each bad place in the file). */
export function FileImportModal<Result>({
  title,
  intro,
  accept,
  maxBytes,
  send,
  isPending,
  error,
  onReset,
  describe,
  onClose,
}: FileImportModalProps<Result>) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ value: Result } | null>(null);
  const tooLarge = file !== null && file.size > maxBytes;
  const submit = async (): Promise<void> => {
    if (file && !tooLarge) setResult({ value: await send(file) });
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{title}</Text>} size="lg" centered>
      {result ? (
        <Stack>
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Imported" role="status">
            {describe(result.value)}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed" component="div">
            {intro}
          </Text>
          <FileInput
            label="File"
            placeholder="Choose a file"
            accept={accept}
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              onReset();
            }}
            error={tooLarge ? `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` : undefined}
            clearable
          />
          <ImportProblem error={error} title="The file was refused; nothing was changed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void submit().catch(() => undefined)} disabled={!file || tooLarge} loading={isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
