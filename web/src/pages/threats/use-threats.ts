import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import { unwrapDelete } from './named-by-scenarios';
import type { CreateThreatInput, ThreatQuery, UpdateThreatInput } from './threat-types';

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

/**
 * Sends an ATT&CK bundle as it was read from the file (re-serializing 45 MB of JSON would only cost time);
 * `dryRun` reports what the import would do and writes nothing.
 */
export function useImportAttack(orgSlug: string) {
  return useOrgMutation(orgSlug, ({ bundle, dryRun }: { bundle: string; dryRun: boolean }) =>
    unwrap(
      api.POST('/api/orgs/{org}/threats/imports/attack', {
        params: { path: { org: orgSlug }, query: { dryRun: dryRun ? 'true' : 'false' } },
        body: bundle,
        bodySerializer: (text: unknown) => text as string,
        headers: { 'Content-Type': 'application/json' },
      }),
    ),
  );
}
