import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import type { Job } from '../../api/use-job';
import { unwrapDelete } from './named-by-scenarios';
import type { AttackImportSummary, CreateThreatInput, ThreatQuery, UpdateThreatInput } from './threat-types';

/** Rows the threats table asks for; past this the page asks to narrow the filters (ATT&CK Enterprise has ~1,700 entries). */
export const THREAT_LIST_LIMIT = 500;

export function useThreats(orgSlug: string, query: ThreatQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'threats', 'list', query],
    queryFn: () =>
      unwrap(api.GET('/api/orgs/{org}/threats', { params: { path: { org: orgSlug }, query: { limit: THREAT_LIST_LIMIT, ...query } } })),
    placeholderData: keepPreviousData,
  });
}

export function useThreat(orgSlug: string, threatId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'threats', 'one', threatId],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/threats/{threatId}', { params: { path: { org: orgSlug, threatId } } })),
  });
}

export function useThreatRelations(orgSlug: string, threatId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'threats', 'one', threatId, 'relations'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/threats/{threatId}/relations', { params: { path: { org: orgSlug, threatId } } })),
  });
}

export function useCreateThreat(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateThreatInput) =>
    unwrap(api.POST('/api/orgs/{org}/threats', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useUpdateThreat(orgSlug: string, threatId: string) {
  return useOrgMutation(orgSlug, (body: UpdateThreatInput) =>
    unwrap(api.PATCH('/api/orgs/{org}/threats/{threatId}', { params: { path: { org: orgSlug, threatId } }, body })),
  );
}

export function useDeleteThreat(orgSlug: string) {
  return useOrgMutation(orgSlug, (threatId: string) =>
    unwrapDelete(api.DELETE('/api/orgs/{org}/threats/{threatId}', { params: { path: { org: orgSlug, threatId } } })),
  );
}

const ATTACK_IMPORT = '/api/orgs/{org}/threats/imports/attack';

/**
 * Sends an ATT&CK bundle as it was read from the file (re-serializing 45 MB of JSON would only cost time).
 * The dry run answers 200 with what the import would do; the import itself 202 with its job.
 */
function postBundle(orgSlug: string, bundle: string, dryRun: boolean) {
  return unwrap(
    api.POST(ATTACK_IMPORT, {
      params: { path: { org: orgSlug }, query: { dryRun: dryRun ? 'true' : 'false' } },
      body: bundle,
      bodySerializer: (text: unknown) => text as string,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** What importing the bundle would do; nothing is written, so no cached read needs refreshing. */
export function useCheckAttackBundle(orgSlug: string) {
  return useMutation({
    mutationFn: async (bundle: string): Promise<AttackImportSummary> => {
      const answer = await postBundle(orgSlug, bundle, true);
      if ('job' in answer) throw new Error('The server queued an import instead of checking the bundle');
      return answer;
    },
  });
}

/** Queues the import; follow the job with useJob (api/use-job.ts), which refreshes the threats once it is done. */
export function useStartAttackImport(orgSlug: string) {
  return useMutation({
    mutationFn: async (bundle: string): Promise<Job> => {
      const answer = await postBundle(orgSlug, bundle, false);
      if (!('job' in answer)) throw new Error('The server answered without queuing the import');
      return answer.job;
    },
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A finished ATT&CK import job's summary, or null when the job holds none (not finished, failed, another kind). */
export function attackSummaryOf(job: Job | undefined): AttackImportSummary | null {
  const result = job?.status === 'succeeded' ? job.result : null;
  if (
    !isRecord(result) ||
    typeof result.origin !== 'string' ||
    !isRecord(result.kinds) ||
    !isRecord(result.relations) ||
    !isRecord(result.skipped)
  )
    return null;
  return result as AttackImportSummary;
}
