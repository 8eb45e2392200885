import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import type {
  AcceptanceInput,
  AssessmentInput,
  CreateScenarioInput,
  HeatMapQuery,
  RegisterQuery,
  ReviewInput,
  TreatmentInput,
  UpdateScenarioInput,
} from './scenario-types';

/** Rows per page of the register. */
export const REGISTER_PAGE_SIZE = 25;

/** The version the edit was made on, as the API's optimistic-concurrency header (a stale one → 409). */
const ifMatch = (version: number): { 'If-Match': string } => ({ 'If-Match': `"${version}"` });

export function useRegister(orgSlug: string, query: RegisterQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-register', query],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/scenarios', { params: { path: { org: orgSlug }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useHeatMap(orgSlug: string, query: HeatMapQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-heat-map', query],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/scenarios/heat-map', { params: { path: { org: orgSlug }, query } })),
    placeholderData: keepPreviousData,
  });
}

export function useScenario(orgSlug: string, scenarioId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-scenario', scenarioId],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/scenarios/{scenarioId}', { params: { path: { org: orgSlug, scenarioId } } })),
  });
}

export function useScenarioHistory(orgSlug: string, scenarioId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-scenario', scenarioId, 'history'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/scenarios/{scenarioId}/history', { params: { path: { org: orgSlug, scenarioId } } })),
  });
}

export function useAcceptances(orgSlug: string, scenarioId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-scenario', scenarioId, 'acceptances'],
    queryFn: () =>
      unwrap(api.GET('/api/orgs/{org}/scenarios/{scenarioId}/acceptances', { params: { path: { org: orgSlug, scenarioId } } })),
  });
}

/** The criteria version a scenario was rated with: its scales, matrix and acceptance rules. */
export function useCriteriaVersion(orgSlug: string, criteriaId: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-criteria', criteriaId, 'version', version],
    enabled: criteriaId !== undefined && version !== undefined,
    staleTime: Infinity, // a version never changes
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/risk/criteria/{criteriaId}/versions/{version}', {
          params: { path: { org: orgSlug, criteriaId: criteriaId!, version: version! } },
        }),
      ),
  });
}

/** What the dependency graph suggests for a new scenario about an asset, on a set's scale (null: the default set). */
export function useAssetRiskSuggestion(orgSlug: string, assetId: string | null, criteriaId: string | null) {
  return useQuery({
    queryKey: ['org', orgSlug, 'risk-suggestion', assetId, criteriaId],
    enabled: assetId !== null,
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/assets/{assetId}/risk-suggestion', {
          params: { path: { org: orgSlug, assetId: assetId! }, query: criteriaId ? { criteriaId } : {} },
        }),
      ),
  });
}

/** Risk sources (threats of kind source): few, so all of them, by name. */
export function useRiskSources(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'threats', 'sources'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/threats', { params: { path: { org: orgSlug }, query: { kind: 'source' } } })),
  });
}

export function useCreateScenario(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateScenarioInput) =>
    unwrap(api.POST('/api/orgs/{org}/scenarios', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useUpdateScenario(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ version, ...body }: UpdateScenarioInput & { version: number }) =>
    unwrap(
      api.PATCH('/api/orgs/{org}/scenarios/{scenarioId}', {
        params: { path: { org: orgSlug, scenarioId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  );
}

export function useDeleteScenario(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, (version: number) =>
    unwrap<void>(
      api.DELETE('/api/orgs/{org}/scenarios/{scenarioId}', { params: { path: { org: orgSlug, scenarioId } }, headers: ifMatch(version) }),
    ),
  );
}

export function useAssessScenario(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ version, ...body }: AssessmentInput & { version: number }) =>
    unwrap(
      api.PUT('/api/orgs/{org}/scenarios/{scenarioId}/assessment', {
        params: { path: { org: orgSlug, scenarioId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  );
}

export function useTreatScenario(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ version, ...body }: TreatmentInput & { version: number }) =>
    unwrap(
      api.PUT('/api/orgs/{org}/scenarios/{scenarioId}/treatment', {
        params: { path: { org: orgSlug, scenarioId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  );
}

export function useAcceptRisk(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ version, ...body }: AcceptanceInput & { version: number }) =>
    unwrap(
      api.POST('/api/orgs/{org}/scenarios/{scenarioId}/acceptances', {
        params: { path: { org: orgSlug, scenarioId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  );
}

export function useWithdrawAcceptance(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, (acceptanceId: string) =>
    unwrap(
      api.POST('/api/orgs/{org}/scenarios/{scenarioId}/acceptances/{acceptanceId}/withdraw', {
        params: { path: { org: orgSlug, scenarioId, acceptanceId } },
      }),
    ),
  );
}

export function useReviewScenario(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ version, ...body }: ReviewInput & { version: number }) =>
    unwrap(
      api.POST('/api/orgs/{org}/scenarios/{scenarioId}/reviews', {
        params: { path: { org: orgSlug, scenarioId } },
        body,
        headers: ifMatch(version),
      }),
    ),
  );
}

/** Where the browser downloads the report of the register as filtered (same origin: the session cookie goes along). */
export function reportUrl(orgSlug: string, format: 'csv' | 'xlsx' | 'pdf', filters: URLSearchParams): string {
  const params = new URLSearchParams(filters);
  params.set('format', format);
  return `/api/orgs/${encodeURIComponent(orgSlug)}/scenarios/report?${params.toString()}`;
}
