import type { AssetCategory, AssetKind, AssetSort, AssetStatus, DependencyType, NodeRef, RelationshipType } from './inventory-types';

/**
 * How the inventory's fixed vocabularies read in the UI. The records are keyed by the API's own unions, so a
 * value added on the server fails the type check here until it has a label.
 */
export const KIND_LABELS: Record<AssetKind, string> = {
  information: 'Information',
  'business-process': 'Business process / service',
  software: 'Software',
  host: 'Host',
  network: 'Network',
  storage: 'Storage',
  'cloud-resource': 'Cloud resource',
  site: 'Site',
  person: 'Person',
};

export const CATEGORY_LABELS: Record<AssetCategory, string> = { primary: 'Primary', supporting: 'Supporting' };

export const STATUS_LABELS: Record<AssetStatus, string> = {
  planned: 'Planned',
  'in-use': 'In use',
  'being-retired': 'Being retired',
  retired: 'Retired',
};

export const SORT_LABELS: Record<AssetSort, string> = {
  name: 'Name, A → Z',
  '-name': 'Name, Z → A',
  kind: 'Kind, then name',
  criticality: 'Most critical first',
  '-updatedAt': 'Recently changed first',
  updatedAt: 'Least recently changed first',
};

export const RELATIONSHIP_LABELS: Record<RelationshipType, string> = {
  supplier: 'Supplier',
  'service-provider': 'Service provider',
  'cloud-provider': 'Cloud provider',
  'managed-service-provider': 'Managed service provider',
  customer: 'Customer',
  partner: 'Partner',
  regulator: 'Regulator',
  csirt: 'CSIRT',
  'sharing-peer': 'Sharing peer',
};

/** Read from the dependent's side: "Payments — depends on → Payment API". */
export const DEPENDENCY_LABELS: Record<DependencyType, string> = {
  'depends-on': 'depends on',
  'runs-on': 'runs on',
  stores: 'is stored on',
  'connects-to': 'connects to',
  'provided-by': 'is provided by',
  processes: 'processes',
};

export const ORG_CRITICALITY_LABELS: Record<number, string> = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Critical' };
export const ORG_CRITICALITY_COLORS: Record<number, string> = { 1: 'gray', 2: 'blue', 3: 'orange', 4: 'red' };

const options = <T extends string>(labels: Record<T, string>): { value: T; label: string }[] =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export const KIND_OPTIONS = options(KIND_LABELS);
export const CATEGORY_OPTIONS = options(CATEGORY_LABELS);
export const STATUS_OPTIONS = options(STATUS_LABELS);
export const SORT_OPTIONS = options(SORT_LABELS);
export const RELATIONSHIP_OPTIONS = options(RELATIONSHIP_LABELS);
export const DEPENDENCY_OPTIONS = options(DEPENDENCY_LABELS);

export const isAssetKind = (value: string | null): value is AssetKind => value !== null && value in KIND_LABELS;
export const isCategory = (value: string | null): value is AssetCategory => value !== null && value in CATEGORY_LABELS;
export const isStatus = (value: string | null): value is AssetStatus => value !== null && value in STATUS_LABELS;
export const isSort = (value: string | null): value is AssetSort => value !== null && value in SORT_LABELS;

/** "Host", or "Outside organization" for an external organization node. */
export const nodeKindLabel = (node: NodeRef): string => (node.kind === 'organization' ? 'Outside organization' : KIND_LABELS[node.kind]);
