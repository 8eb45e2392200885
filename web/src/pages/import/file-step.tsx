import { Alert, FileInput, Group, Radio, Stack, Text } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { MAX_IMPORT_BYTES, type ImportFormat } from './import-api';
import type { LoadedFile } from './use-import';

const FORMATS: { value: ImportFormat; label: string; description: string; accept: string }[] = [
  { value: 'csv', label: 'CSV', description: 'One kind of record per file: assets, dependencies or external organizations; you map the columns next.', accept: '.csv,text/csv,text/plain' },
  { value: 'json', label: 'Bulwark JSON', description: 'Assets, dependencies and external organizations together, as Bulwark exports them.', accept: '.json,application/json' },
  { value: 'cyclonedx', label: 'CycloneDX SBOM', description: 'A CycloneDX 1.2–1.6 JSON bill of materials: components become software assets, suppliers organizations.', accept: '.json,.cdx.json,application/json' },
];

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

interface FileStepProps {
  format: ImportFormat;
  onFormatChange: (format: ImportFormat) => void;
  file: LoadedFile | null;
  onFile: (file: LoadedFile | null) => void;
}

/** Step 1: the format and the file, read as text in the browser (at most 20 MiB). */
export function FileStep({ format, onFormatChange, file, onFile }: FileStepProps) {
  const [picked, setPicked] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isDragging, setIsDragging] = useState(false);
  // Part of the file's key, so reading the same file again re-runs the dry run.
  const loads = useRef(0);

  const read = async (chosen: File | null): Promise<void> => {
    setPicked(chosen);
    setError(null);
    if (!chosen) return onFile(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      onFile(null);
      return setError(`${chosen.name} is ${formatSize(chosen.size)}; files of at most ${formatSize(MAX_IMPORT_BYTES)} can be imported. Split it and import the parts.`);
    }
    try {
      const content = await chosen.text();
      if (content.trim() === '') {
        onFile(null);
        return setError(`${chosen.name} is empty.`);
      }
      loads.current += 1;
      onFile({ key: `${chosen.name}:${chosen.size}:${chosen.lastModified}:${loads.current}`, name: chosen.name, size: chosen.size, content });
    } catch {
      onFile(null);
      setError(`${chosen.name} could not be read.`);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setIsDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void read(dropped);
  };

  return (
    <Stack gap="md">
      <Radio.Group label="Format" value={format} onChange={(value) => onFormatChange(value as ImportFormat)}>
        <Stack gap="xs" mt="xs">
          {FORMATS.map((option) => (
            <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
          ))}
        </Stack>
      </Radio.Group>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed var(--mantine-color-${isDragging ? 'indigo-5' : 'gray-4'})`,
          borderRadius: 'var(--mantine-radius-md)',
          padding: 'var(--mantine-spacing-md)',
          background: isDragging ? 'var(--mantine-color-indigo-0)' : undefined,
        }}
      >
        <FileInput
          label="File"
          description="Choose a file, or drop it here. At most 20 MiB; it is read in your browser and sent as text."
          placeholder="Choose a file"
          accept={FORMATS.find((option) => option.value === format)?.accept}
          value={picked}
          onChange={(chosen) => void read(chosen)}
          leftSection={<IconFileUpload size={18} aria-hidden />}
          clearable
          error={error}
        />
      </div>
      {file && (
        <Alert variant="light" color="indigo" title="Ready">
          <Group gap="xs">
            <Text size="sm" fw={600} data-testid="import-file-name">
              {file.name}
            </Text>
            <Text size="sm" c="dimmed">
              {formatSize(file.size)}
            </Text>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
