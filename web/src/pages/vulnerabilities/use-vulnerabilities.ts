import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import { unwrapDelete } from '../threats/named-by-scenarios';
import type { CreateVulnerabilityInput, UpdateVulnerabilityInput, VulnerabilityQuery } from './vulnerability-types';

/** Rows the table asks for; past this the page asks to narrow the filters. */
export const VULNERABILITY_LIST_LIMIT = 500;

export function useVulnerabilities(orgSlug: string, query: VulnerabilityQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'vulnerabilities', 'list', query],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/vulnerabilities', {
          params: { path: { org: orgSlug }, query: { limit: VULNERABILITY_LIST_LIMIT, ...query } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The latest version of one vulnerability, fetched on demand (after a version conflict). */
export const fetchVulnerability = (orgSlug: string, vulnerabilityId: string) =>
  unwrap(api.GET('/api/orgs/{org}/vulnerabilities/{vulnerabilityId}', { params: { path: { org: orgSlug, vulnerabilityId } } }));

export function useCreateVulnerability(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateVulnerabilityInput) =>
    unwrap(api.POST('/api/orgs/{org}/vulnerabilities', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useUpdateVulnerability(orgSlug: string, vulnerabilityId: string) {
  return useOrgMutation(orgSlug, (body: UpdateVulnerabilityInput) =>
    unwrap(api.PATCH('/api/orgs/{org}/vulnerabilities/{vulnerabilityId}', { params: { path: { org: orgSlug, vulnerabilityId } }, body })),
  );
}

export function useDeleteVulnerability(orgSlug: string) {
  return useOrgMutation(orgSlug, (vulnerabilityId: string) =>
    unwrapDelete(api.DELETE('/api/orgs/{org}/vulnerabilities/{vulnerabilityId}', { params: { path: { org: orgSlug, vulnerabilityId } } })),
  );
}

/** CISA's known_exploited_vulnerabilities.json, sent as read from the file. */
export function useImportKev(orgSlug: string) {
  return useOrgMutation(orgSlug, (catalogue: string) =>
    unwrap(
      api.POST('/api/orgs/{org}/vulnerabilities/kev', {
        params: { path: { org: orgSlug } },
        body: catalogue,
        bodySerializer: (text: unknown) => text as string,
        headers: { 'Content-Type': 'application/json' },
      }),
    ),
  );
}

/** FIRST's daily EPSS CSV, sent as text/csv. */
export function useImportEpss(orgSlug: string) {
  return useOrgMutation(orgSlug, (csv: string) =>
    unwrap(
      api.POST('/api/orgs/{org}/vulnerabilities/epss', {
        params: { path: { org: orgSlug } },
        body: csv,
        bodySerializer: (text: string) => text,
        headers: { 'Content-Type': 'text/csv' },
      }),
    ),
  );
}
