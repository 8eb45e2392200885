import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useOrgMutation } from '../../api/use-org-mutation';

type Ok<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

export type ControlList = Ok<paths['/api/orgs/{org}/controls']['get']>;
export type Control = ControlList['items'][number];
export type ControlQuery = NonNullable<paths['/api/orgs/{org}/controls']['get']['parameters']['query']>;
export type CreateControlInput = JsonBody<paths['/api/orgs/{org}/controls']['post']>;

export function useControls(orgSlug: string, query: ControlQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'controls', query],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/controls', { params: { path: { org: orgSlug }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateControl(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateControlInput) =>
    unwrap(api.POST('/api/orgs/{org}/controls', { params: { path: { org: orgSlug } }, body })),
  );
}
