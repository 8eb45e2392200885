import { getTableColumns } from 'drizzle-orm';
import { assets } from './inventory.table.ts';
import type { TAsset, TCreateAsset, TUpdateAsset } from './assets.schema.ts';
import { categoryOf, type AssetKind, type LifecycleStatus } from './vocabulary.ts';

/** An asset as stored, without the generated search vector (which no reader needs). */
export type AssetRow = Omit<typeof assets.$inferSelect, 'search'>;

const { search: _search, ...columns } = getTableColumns(assets);
/** The query builder's selection of an AssetRow. */
export const assetColumns = columns;

/** A timestamp as the API writes it (toISOString's format, milliseconds truncated as the driver does). */
const isoSql = (column: string): string => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The same selection in plain SQL (for store.query), aliased to AssetRow's property names. Timestamps come
 * as ISO text: parsing them into Dates and formatting them back was a tenth of a list page's server time.
 */
export const ASSET_SELECT_SQL = `org_id as "orgId", id, kind, name, description, owner, custodian, operator_id as "operatorId",
  confidentiality, integrity, availability, criticality, rto_minutes as "rtoMinutes", rpo_minutes as "rpoMinutes", status,
  location, tags, cmdb_id as "cmdbId", purl, cpe, other_id as "otherId", version, ${isoSql('created_at')} as "createdAt", ${isoSql('updated_at')} as "updatedAt"`;

/** An AssetRow from the query builder (Date timestamps) or from ASSET_SELECT_SQL (ISO text). */
export type AssetRowIn = Omit<AssetRow, 'createdAt' | 'updatedAt'> & { createdAt: Date | string; updatedAt: Date | string };

const iso = (value: Date | string): string => (typeof value === 'string' ? value : value.toISOString());

export function presentAsset(row: AssetRowIn): TAsset {
  const kind = row.kind as AssetKind;
  return {
    id: row.id,
    kind,
    category: categoryOf(kind),
    name: row.name,
    description: row.description,
    owner: row.owner,
    custodian: row.custodian,
    operatorId: row.operatorId,
    confidentiality: row.confidentiality,
    integrity: row.integrity,
    availability: row.availability,
    criticality: row.criticality,
    rtoMinutes: row.rtoMinutes,
    rpoMinutes: row.rpoMinutes,
    status: row.status as LifecycleStatus,
    location: row.location,
    tags: row.tags,
    externalIds: { cmdbId: row.cmdbId, purl: row.purl, cpe: row.cpe, other: row.otherId },
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Writable columns. */
export type AssetFields = Omit<AssetRow, 'orgId' | 'id' | 'criticality' | 'version' | 'createdAt' | 'updatedAt'>;

/** Columns for a new asset: everything not given is null (status in-use, no tags). */
export function fieldsOfNew(input: TCreateAsset): AssetFields {
  const ids = input.externalIds;
  return {
    kind: input.kind,
    name: input.name,
    description: input.description ?? null,
    owner: input.owner ?? null,
    custodian: input.custodian ?? null,
    operatorId: input.operatorId ?? null,
    confidentiality: input.confidentiality ?? null,
    integrity: input.integrity ?? null,
    availability: input.availability ?? null,
    rtoMinutes: input.rtoMinutes ?? null,
    rpoMinutes: input.rpoMinutes ?? null,
    status: input.status,
    location: input.location ?? null,
    tags: input.tags,
    cmdbId: ids.cmdbId ?? null,
    purl: ids.purl ?? null,
    cpe: ids.cpe ?? null,
    otherId: ids.other ?? null,
  };
}

/** The columns a patch sets (absent = unchanged, null = cleared); external ids merge key by key. */
export function fieldsOfPatch(patch: Omit<TUpdateAsset, 'version'>): Partial<AssetFields> {
  const { externalIds, ...rest } = patch;
  const out: Partial<AssetFields> = {};
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(out, { [key]: value });
  if (externalIds?.cmdbId !== undefined) out.cmdbId = externalIds.cmdbId;
  if (externalIds?.purl !== undefined) out.purl = externalIds.purl;
  if (externalIds?.cpe !== undefined) out.cpe = externalIds.cpe;
  if (externalIds?.other !== undefined) out.otherId = externalIds.other;
  return out;
}

export const EXTERNAL_ID_COLUMNS = [
  { column: 'cmdbId', field: 'cmdbId', sql: 'cmdb_id' },
  { column: 'purl', field: 'purl', sql: 'purl' },
  { column: 'cpe', field: 'cpe', sql: 'cpe' },
  { column: 'otherId', field: 'other', sql: 'other_id' },
] as const;
