import { Alert, Button, FileInput, Group, List, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { useImportCriteria, type ImportCriteriaResult } from './use-risk-criteria';

const MAX_BYTES = 2_000_000;

/** Imports a Bulwark criteria export or a CISO Assistant library; shows what was created and assumed. */
export function ImportCriteriaModal({ orgSlug, opened, onClose }: { orgSlug: string; opened: boolean; onClose: () => void }) {
  const [format, setFormat] = useState<'ciso-assistant' | 'bulwark'>('ciso-assistant');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [result, setResult] = useState<ImportCriteriaResult | null>(null);
  const importing = useImportCriteria(orgSlug);

  const submit = async (): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    setResult(await importing.mutateAsync({ format, content: await file.text() }));
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import risk criteria" size="lg">
      {result ? (
        <Stack>
          <Text>Imported:</Text>
          <List>
            {result.items.map((item) => (
              <List.Item key={item.criteria.id}>
                {item.criteria.name} — {item.created ? 'new' : `version ${item.criteria.version}`}
              </List.Item>
            ))}
          </List>
          {result.notes.map((note) => (
            <Alert key={note} color="yellow" title="Check before use">
              {note}
            </Alert>
          ))}
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <SegmentedControl
            aria-label="File format"
            value={format}
            onChange={(value) => setFormat(value as typeof format)}
            data={[
              { value: 'ciso-assistant', label: 'CISO Assistant library (YAML)' },
              { value: 'bulwark', label: 'Bulwark export (JSON)' },
            ]}
          />
          <FileInput
            label="File"
            placeholder="Choose a file"
            accept={format === 'bulwark' ? '.json,application/json' : '.yaml,.yml'}
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setTooLarge(false);
            }}
            error={tooLarge ? 'The file is larger than 2 MB' : undefined}
          />
          <ProblemAlert error={importing.error} title="The file could not be imported; nothing was changed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} disabled={!file} loading={importing.isPending}>
              Import
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
