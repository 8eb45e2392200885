import { orgPath } from '../../router/org-path';
import type { GraphNode } from './graph-types';

/** The page of a node: an asset's, or an external organization's. */
export const nodePagePath = (orgSlug: string, node: Pick<GraphNode, 'id' | 'kind'>): string =>
  orgPath(orgSlug, node.kind === 'organization' ? `external-organizations/${encodeURIComponent(node.id)}` : `assets/${encodeURIComponent(node.id)}`);

/** The graph centred on an asset, keeping the view's settings (`search` starts with `?`, or is empty). */
export const graphPath = (orgSlug: string, assetId: string, search = ''): string => `${orgPath(orgSlug, `assets/${encodeURIComponent(assetId)}/graph`)}${search}`;
