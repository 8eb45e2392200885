/**
 * The inventory's fixed vocabularies, as the API and the store spell them (kebab-case). The graph module
 * has its own codes (src/inventory/graph/types.ts); graph-codes.ts maps between the two.
 */

/**
 * Primary assets are what the organization values for itself (ISO/IEC 27005): information, and business
 * processes or services. Supporting assets are what they rely on.
 */
export const PRIMARY_ASSET_KINDS = ['information', 'business-process'] as const;
export const SUPPORTING_ASSET_KINDS = ['software', 'host', 'network', 'storage', 'cloud-resource', 'site', 'person'] as const;
export const ASSET_KINDS = [...PRIMARY_ASSET_KINDS, ...SUPPORTING_ASSET_KINDS] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_CATEGORIES = ['primary', 'supporting'] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export function categoryOf(kind: AssetKind): AssetCategory {
  return (PRIMARY_ASSET_KINDS as readonly string[]).includes(kind) ? 'primary' : 'supporting';
}

/** The kinds of a category, for filtering in SQL. */
export function kindsOf(category: AssetCategory): readonly AssetKind[] {
  return category === 'primary' ? PRIMARY_ASSET_KINDS : SUPPORTING_ASSET_KINDS;
}

export const LIFECYCLE_STATUSES = ['planned', 'in-use', 'being-retired', 'retired'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const RELATIONSHIP_TYPES = [
  'supplier',
  'service-provider',
  'cloud-provider',
  'managed-service-provider',
  'customer',
  'partner',
  'regulator',
  'csirt',
  'sharing-peer',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** Criticality of an outside organization to the tenant: a fixed four-level scale. */
export const ORGANIZATION_CRITICALITY = { 1: 'low', 2: 'medium', 3: 'high', 4: 'critical' } as const;

/**
 * Dependency types. An edge always runs from the dependent (source) to what it relies on (target), so
 * "if the target fails or is compromised, the source is affected": Payments depends-on Payment API,
 * web-01 runs-on hypervisor-3, Card data stores (is kept on) card-db, Payroll processes Payroll data,
 * vm-17 provided-by Nimbus Cloud, web-01 connects-to DMZ.
 */
export const DEPENDENCY_TYPES = ['depends-on', 'runs-on', 'stores', 'connects-to', 'provided-by', 'processes'] as const;
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];
