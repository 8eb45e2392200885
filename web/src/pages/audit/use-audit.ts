import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditQuery } from '../../api/api-types';
import { api, unwrap } from '../../api/client';

/** Filters the audit page offers; empty strings mean "any". */
export type AuditFilters = Pick<AuditQuery, 'action' | 'targetType' | 'from' | 'to'>;

const PAGE_SIZE = 50;

/** The newest entries (for the home page). */
export function useLatestAuditEntries(orgSlug: string, limit: number, isEnabled: boolean) {
  return useQuery({
    queryKey: ['org', orgSlug, 'audit', 'latest', limit],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/audit', { params: { path: { org: orgSlug }, query: { limit } } })),
    enabled: isEnabled,
  });
}

/** The audit trail, newest first, one page at a time ("Load older" follows nextCursor). */
export function useAuditTrail(orgSlug: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['org', orgSlug, 'audit', 'trail', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/orgs/{org}/audit', { params: { path: { org: orgSlug }, query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } } })),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Recomputes the organization's hash chain on the server (an action the user asks for, not a cached read). */
export function useVerifyChain(orgSlug: string) {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/orgs/{org}/audit/verify', { params: { path: { org: orgSlug } } })),
  });
}
