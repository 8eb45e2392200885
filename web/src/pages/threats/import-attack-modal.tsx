import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AttackImportProgress } from './attack-import-progress';
import { AttackSummary } from './attack-summary';
import { ImportProblem } from './import-problem';
import type { AttackImportSummary } from './threat-types';
import { useCheckAttackBundle, useStartAttackImport } from './use-threats';

/** The API's limit for a bundle (Enterprise ATT&CK is about 45 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Imports a MITRE ATT&CK STIX bundle in two steps: a dry run shows what would be added and changed, then the
 * import itself, a background job whose progress and result show here. A refused bundle lists each bad place
 * in the file; nothing is written.
 */
export function ImportAttackModal({ orgSlug, opened, onClose }: { orgSlug: string; opened: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [bundle, setBundle] = useState<string | null>(null);
  const [preview, setPreview] = useState<AttackImportSummary | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const checking = useCheckAttackBundle(orgSlug);
  const starting = useStartAttackImport(orgSlug);
  const tooLarge = file !== null && file.size > MAX_BYTES;

  const choose = (chosen: File | null): void => {
    setFile(chosen);
    setBundle(null);
    setPreview(null);
    checking.reset();
    starting.reset();
  };
  const check = async (): Promise<void> => {
    if (!file || tooLarge) return;
    const text = await file.text();
    setBundle(text);
    setPreview(await checking.mutateAsync(text));
  };
  const commit = async (): Promise<void> => {
    if (bundle) setJobId((await starting.mutateAsync(bundle)).id);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Import ATT&CK bundle</Text>} size="lg" centered>
      {jobId ? (
        <Stack>
          <AttackImportProgress orgSlug={orgSlug} jobId={jobId} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            A STIX 2.1 bundle as MITRE publishes it (enterprise-attack.json, ics-attack.json, mobile-attack.json). Techniques, groups,
            software, tactics and mitigations come in read-only; importing a newer version updates them.
          </Text>
          <FileInput
            label="Bundle file"
            placeholder="Choose a .json file"
            accept=".json,application/json"
            value={file}
            onChange={choose}
            error={tooLarge ? 'The file is larger than 64 MB' : undefined}
            clearable
          />
          <ImportProblem error={checking.error ?? starting.error} title="The bundle was refused; nothing was changed" />
          {preview && (
            <Stack gap="xs" aria-live="polite">
              <Text fw={600}>The import would make these changes:</Text>
              <AttackSummary summary={preview} />
            </Stack>
          )}
          {preview && starting.isPending && (
            <Alert color="blue" variant="light" title="Sending the bundle…">
              The server checks it again, then imports it in the background.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {preview ? (
              <Button onClick={() => void commit().catch(() => undefined)} loading={starting.isPending}>
                Import
              </Button>
            ) : (
              <Button onClick={() => void check().catch(() => undefined)} disabled={!file || tooLarge} loading={checking.isPending}>
                Check the bundle
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
