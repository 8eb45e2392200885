import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { DEPENDENCY_TYPES, type DependencyType } from './graph-types';
import { NODE_CAP } from './neighbourhood';

export interface TraversalOptions {
  depth: number;
  types: readonly DependencyType[];
}

/** `types` for the query string: omitted when every type is followed. */
const typesParam = (types: readonly DependencyType[]): string | undefined => (types.length === DEPENDENCY_TYPES.length ? undefined : types.join(','));

/** The asset's neighbourhood both ways to a depth, with every edge between its nodes (one request). */
export function useNeighbourhood(orgSlug: string, assetId: string, { depth, types }: TraversalOptions) {
  const query = { maxDepth: depth, limit: NODE_CAP, types: typesParam(types) };
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'neighbourhood', assetId, query],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}/neighbourhood', { params: { path: { org: orgSlug, id: assetId }, query } })),
    placeholderData: keepPreviousData,
  });
}

const assetDetailQuery = (orgSlug: string, assetId: string) => ({
  queryKey: ['org', orgSlug, 'assets', assetId, 'detail'],
  queryFn: () => unwrap(api.GET('/api/orgs/{org}/assets/{id}', { params: { path: { org: orgSlug, id: assetId } } })),
  staleTime: 30_000,
});

/** One asset with its operator and its dependencies both ways (the first 500 each). */
export function useAssetDetail(orgSlug: string, assetId: string | null) {
  return useQuery({ ...assetDetailQuery(orgSlug, assetId ?? ''), enabled: assetId !== null });
}

/** The organization's protection scale, to name requirement levels. */
export function useProtectionScale(orgSlug: string) {
  return useQuery({
    queryKey: ['org', orgSlug, 'inventory', 'scale'],
    queryFn: () => unwrap(api.GET('/api/orgs/{org}/inventory/scale', { params: { path: { org: orgSlug } } })),
    staleTime: 60_000,
  });
}
