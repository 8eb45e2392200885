import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJob, previewImport, startImport, type ImportEntity, type ImportFormat } from './import-api';

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

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** Polls the job every 500 ms until it finishes; then the organization's cached reads are refreshed. */
export function useImportJob(orgSlug: string, jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['org', orgSlug, 'jobs', jobId],
    queryFn: async () => {
      const job = await getJob(orgSlug, jobId ?? '');
      if (FINISHED.has(job.status)) {
        void queryClient.invalidateQueries({ queryKey: ['org', orgSlug], predicate: (query) => query.queryKey[2] !== 'jobs' && query.queryKey[3] !== 'import-preview' });
      }
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 500),
    retry: 2,
  });
}
