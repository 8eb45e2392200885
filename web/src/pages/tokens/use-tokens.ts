import { useQuery } from '@tanstack/react-query';
import type { CreateTokenInput } from '../../api/api-types';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';

export function useTokens(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'tokens'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/tokens', { params: { path: { org: orgSlug } } })),
  });
}

export function useCreateToken(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateTokenInput) => unwrap(api.POST('/api/orgs/{org}/tokens', { params: { path: { org: orgSlug } }, body })));
}

export function useRevokeToken(orgSlug: string) {
  return useOrgMutation(orgSlug, (tokenId: string) => unwrap(api.DELETE('/api/orgs/{org}/tokens/{tokenId}', { params: { path: { org: orgSlug, tokenId } } })));
}
