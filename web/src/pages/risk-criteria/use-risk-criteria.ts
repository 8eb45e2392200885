import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import { useOrgMutation } from '../../api/use-org-mutation';

type Ok<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;
type Created<Operation> = Operation extends { responses: { 201: { content: { 'application/json': infer Body } } } } ? Body : never;
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

export type CriteriaSummary = Ok<paths['/api/orgs/{org}/risk/criteria']['get']>['items'][number];
export type Criteria = Ok<paths['/api/orgs/{org}/risk/criteria/{criteriaId}']['get']>;
export type CriteriaDefinition = Criteria['definition'];
export type CriteriaTemplate = Ok<paths['/api/orgs/{org}/risk/criteria/templates']['get']>['items'][number];
export type CreateCriteriaInput = JsonBody<paths['/api/orgs/{org}/risk/criteria']['post']>;
export type ImportCriteriaInput = JsonBody<paths['/api/orgs/{org}/risk/criteria/import']['post']>;
export type ImportCriteriaResult = Ok<paths['/api/orgs/{org}/risk/criteria/import']['post']>;
export type CreatedCriteria = Created<paths['/api/orgs/{org}/risk/criteria']['post']>;

export function useCriteriaList(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-criteria'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/risk/criteria', { params: { path: { org: orgSlug } } })),
  });
}

export function useCriteria(orgSlug: string, criteriaId: string | null) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-criteria', criteriaId],
    enabled: criteriaId !== null,
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/risk/criteria/{criteriaId}', { params: { path: { org: orgSlug, criteriaId: criteriaId! } } })),
  });
}

export function useCriteriaTemplates(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-criteria-templates'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/risk/criteria/templates', { params: { path: { org: orgSlug } } })),
  });
}

export function useCreateCriteria(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateCriteriaInput) => unwrap(api.POST('/api/orgs/{org}/risk/criteria', { params: { path: { org: orgSlug } }, body })));
}

export function useImportCriteria(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: ImportCriteriaInput) => unwrap(api.POST('/api/orgs/{org}/risk/criteria/import', { params: { path: { org: orgSlug } }, body })));
}

export function useMakeDefaultCriteria(orgSlug: string) {
  return useOrgMutation(orgSlug, (criteriaId: string) =>
    unwrap(api.POST('/api/orgs/{org}/risk/criteria/{criteriaId}/default', { params: { path: { org: orgSlug, criteriaId } } })),
  );
}

/** Where the browser downloads an export (same origin: the session cookie goes along). */
export const exportUrl = (orgSlug: string, criteriaId: string, format: 'bulwark' | 'ciso-assistant'): string =>
  `/api/orgs/${encodeURIComponent(orgSlug)}/risk/criteria/${criteriaId}/export?format=${format}`;
