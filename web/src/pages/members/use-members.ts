import { useQuery } from '@tanstack/react-query';
import type { AddMemberInput, Role } from '../../api/api-types';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import { SESSION_KEY } from '../../session/session-key';

export function useMembers(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'members'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/members', { params: { path: { org: orgSlug } } })),
  });
}

export function useAddMember(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: AddMemberInput) => unwrap(api.POST('/api/orgs/{org}/members', { params: { path: { org: orgSlug } }, body })));
}

// Changing or removing a membership may be your own: the session's organizations and roles are refetched too.
export function useChangeMemberRole(orgSlug: string) {
  return useOrgMutation(
    orgSlug,
    ({ userId, role }: { userId: string; role: Role }) => unwrap(api.PATCH('/api/orgs/{org}/members/{userId}', { params: { path: { org: orgSlug, userId } }, body: { role } })),
    [SESSION_KEY],
  );
}

export function useRemoveMember(orgSlug: string) {
  return useOrgMutation(orgSlug, (userId: string) => unwrap<void>(api.DELETE('/api/orgs/{org}/members/{userId}', { params: { path: { org: orgSlug, userId } } })), [SESSION_KEY]);
}
