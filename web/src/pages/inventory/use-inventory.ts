import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useOrgMutation } from '../../api/use-org-mutation';
import type {
  AssetQuery,
  CreateAssetInput,
  CreateDependencyInput,
  CreateExternalOrganizationInput,
  UpdateAssetInput,
  UpdateExternalOrganizationInput,
} from './inventory-types';

/** Rows per page of the inventory table; the API pages with a keyset cursor, never by offset. */
export const ASSET_PAGE_SIZE = 50;

/** The tenant's protection scale (level → name), read by every page that shows C/I/A levels. */
export function useScale(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'scale'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/inventory/scale', { params: { path: { org: orgSlug } } })),
    staleTime: 5 * 60_000,
  });
}

/** One page of assets; the previous page stays on screen while the next loads. */
export function useAssetPage(orgSlug: string, query: AssetQuery) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'assets', query],
    queryFn: () =>
      unwrap(api.GET('/api/orgs/{org}/assets', { params: { path: { org: orgSlug }, query: { limit: ASSET_PAGE_SIZE, ...query } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAsset(orgSlug: string, assetId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'asset', assetId],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id: assetId } } })),
  });
}

export function useProtection(orgSlug: string, assetId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'asset', assetId, 'protection'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}/protection', { params: { path: { org: orgSlug, id: assetId } } })),
  });
}

/** At most this many affected nodes are listed; the totals always cover everything. */
export const REACH_LIMIT = 2000;

export function useBlastRadius(orgSlug: string, assetId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'asset', assetId, 'blast-radius'],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/assets/{id}/blast-radius', {
          params: { path: { org: orgSlug, id: assetId }, query: { limit: REACH_LIMIT } },
        }),
      ),
  });
}

export function useUpstream(orgSlug: string, assetId: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'asset', assetId, 'upstream'],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/assets/{id}/upstream', { params: { path: { org: orgSlug, id: assetId }, query: { limit: REACH_LIMIT } } }),
      ),
  });
}

export function useExternalOrganizations(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'external-organizations'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/external-organizations', { params: { path: { org: orgSlug } } })),
  });
}

export function useExternalOrganization(orgSlug: string, id: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'external-organization', id],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/external-organizations/{id}', { params: { path: { org: orgSlug, id } } })),
  });
}

/** Everything that relies on an outside organization, directly or not: its blast radius. */
export function useOrganizationDependents(orgSlug: string, id: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'external-organization', id, 'dependents'],
    queryFn: () =>
      unwrap(
        api.GET('/api/orgs/{org}/external-organizations/{id}/dependents', {
          params: { path: { org: orgSlug, id }, query: { limit: REACH_LIMIT } },
        }),
      ),
  });
}

/** Concentration risk for the outside organizations (the API ranks them; 200 is its maximum). */
export function useConcentration(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'concentration'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/inventory/concentration', { params: { path: { org: orgSlug }, query: { topK: 200 } } })),
  });
}

export function useCreateAsset(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateAssetInput) =>
    unwrap(api.POST('/api/orgs/{org}/assets', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useUpdateAsset(orgSlug: string, assetId: string) {
  return useOrgMutation(orgSlug, (body: UpdateAssetInput) =>
    unwrap(api.PATCH('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id: assetId } }, body })),
  );
}

export function useDeleteAsset(orgSlug: string) {
  return useOrgMutation(orgSlug, ({ id, cascade }: { id: string; cascade: boolean }) =>
    unwrap(
      api.DELETE('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id }, query: { cascade: cascade ? 'true' : 'false' } } }),
    ),
  );
}

/** A dependency either way: the source (an asset) relies on the target (an asset or an outside organization). */
export function useCreateDependency(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateDependencyInput) =>
    unwrap(api.POST('/api/orgs/{org}/dependencies', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useDeleteDependency(orgSlug: string) {
  return useOrgMutation(orgSlug, (dependencyId: string) =>
    unwrap(api.DELETE('/api/orgs/{org}/dependencies/{id}', { params: { path: { org: orgSlug, id: dependencyId } } })),
  );
}

export function useCreateExternalOrganization(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: CreateExternalOrganizationInput) =>
    unwrap(api.POST('/api/orgs/{org}/external-organizations', { params: { path: { org: orgSlug } }, body })),
  );
}

export function useUpdateExternalOrganization(orgSlug: string, id: string) {
  return useOrgMutation(orgSlug, (body: UpdateExternalOrganizationInput) =>
    unwrap(api.PATCH('/api/orgs/{org}/external-organizations/{id}', { params: { path: { org: orgSlug, id } }, body })),
  );
}

export function useDeleteExternalOrganization(orgSlug: string) {
  return useOrgMutation(orgSlug, ({ id, cascade }: { id: string; cascade: boolean }) =>
    unwrap(
      api.DELETE('/api/orgs/{org}/external-organizations/{id}', {
        params: { path: { org: orgSlug, id }, query: { cascade: cascade ? 'true' : 'false' } },
      }),
    ),
  );
}
