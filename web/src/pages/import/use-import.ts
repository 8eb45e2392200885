import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useJob } from '../../api/use-job';
import { previewImport, startImport, type ImportEntity, type ImportFormat } from './import-api';

/** The file being imported: its text and a key that changes whenever another file (or the same one again) is read. */
export interface LoadedFile {
  key: string;
  name: string;
  size: number;
  content: string;
}

export interface ImportChoices {
  format: ImportFormat;
  /** CSV only. */
  entity: ImportEntity;
  /** CSV only: the columns the user mapped by hand (others map themselves by name). */
  mapping: Record<string, string>;
}

const csvPart = (choices: ImportChoices) => (choices.format === 'csv' ? { entity: choices.entity, mapping: choices.mapping } : {});

/** The dry run for the file and choices; re-runs when they change (the file's text is not part of the key). */
export function useImportPreview(orgSlug: string, file: LoadedFile | null, choices: ImportChoices, isEnabled: boolean) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'import-preview', file?.key ?? null, choices.format, csvPart(choices)],
    queryFn: () => previewImport(orgSlug, { format: choices.format, content: file?.content ?? '', ...csvPart(choices) }),
    enabled: isEnabled && file !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

/** Queues the import; every cached read of the organization is refetched once the job is done (see useImportJob). */
export function useStartImport(orgSlug: string) {
  return useMutation({
    mutationFn: ({ file, choices, skipInvalid }: { file: LoadedFile; choices: ImportChoices; skipInvalid: boolean }) =>
      startImport(orgSlug, { format: choices.format, content: file.content, ...csvPart(choices), skipInvalid }),
  });
}

/** Follows the import job (api/use-job.ts); the dry run's answer stays cached (it would now say "unchanged"). */
export function useImportJob(orgSlug: string, jobId: string | null) {
  return useJob(orgSlug, jobId, { keep: (queryKey) => queryKey[3] === 'import-preview' });
}
