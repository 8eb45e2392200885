import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useOrganizationSummary(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'summary'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}', { params: { path: { org: orgSlug } } })),
  });
}
