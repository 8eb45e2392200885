import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Role } from '../../api/api-types';
import { can } from '../../session/roles';

/** The organization's members for pickers and names, when the role may list them (a viewer may not). */
export function useMemberList(orgSlug: string, role: Role) {
  const isAllowed = can(role, 'members:read');
  const members = useQuery({
    queryKey: ['org', orgSlug, 'members'],
    enabled: isAllowed,
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/members', { params: { path: { org: orgSlug } } })),
  });
  return { ...members, items: isAllowed ? (members.data?.items ?? []) : null };
}
