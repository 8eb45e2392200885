import { and, eq, or } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { EXTERNAL_ID_COLUMNS, assetColumns, fieldsOfNew, fieldsOfPatch, type AssetFields, type AssetRow } from './assets-row.ts';
import type { TCreateAsset } from './assets.schema.ts';
import { anyOf, batchDigest, writeRows } from './batch-sql.ts';
import { adjustAssetCount, beginInventoryWrite } from './inventory-state.ts';
import { assets, externalOrganizations } from './inventory.table.ts';
import { levelIssues } from './scale.ts';
import { auditChange, changedFields } from './write-kit.ts';

/** One asset of a batch: kind, name and at least one external id; absent fields keep their value on update. */
export type AssetUpsert = Pick<TCreateAsset, 'kind' | 'name' | 'externalIds'> & Partial<Omit<TCreateAsset, 'kind' | 'name' | 'externalIds'>>;

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** The id of each input item, in input order. */
  ids: string[];
}

const RECORD_TYPE = `id uuid, kind text, name text, description text, owner text, custodian text, operator_id uuid,
  confidentiality smallint, integrity smallint, availability smallint, rto_minutes integer, rpo_minutes integer, status text,
  location text, tags text[], cmdb_id text, purl text, cpe text, other_id text, version integer, created_at timestamptz, updated_at timestamptz`;
const INSERT_COLUMNS = RECORD_TYPE.split(',').map((c) => c.trim().split(' ')[0]!);
const UPDATE_COLUMNS = INSERT_COLUMNS.filter((c) => c !== 'created_at');

function record(id: string, fields: AssetFields, version: number, createdAt: Date, updatedAt: Date): Record<string, unknown> {
  return {
    id, kind: fields.kind, name: fields.name, description: fields.description, owner: fields.owner, custodian: fields.custodian,
    operator_id: fields.operatorId, confidentiality: fields.confidentiality, integrity: fields.integrity, availability: fields.availability,
    rto_minutes: fields.rtoMinutes, rpo_minutes: fields.rpoMinutes, status: fields.status, location: fields.location, tags: fields.tags,
    cmdb_id: fields.cmdbId, purl: fields.purl, cpe: fields.cpe, other_id: fields.otherId, version,
    created_at: createdAt.toISOString(), updated_at: updatedAt.toISOString(),
  };
}

const keysOf = (item: AssetUpsert) => EXTERNAL_ID_COLUMNS.filter((c) => item.externalIds[c.field]).map((c) => ({ ...c, value: item.externalIds[c.field]! }));

/** Problems of the batch as a whole: levels, missing keys, keys used twice, unknown operators. */
async function batchIssues(tx: Queryable, orgId: string, items: readonly AssetUpsert[], levels: Parameters<typeof levelIssues>[0], prefix: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    issues.push(...levelIssues(levels, item, `${prefix}.${i}`));
    const keys = keysOf(item);
    if (keys.length === 0) issues.push({ path: `${prefix}.${i}.externalIds`, message: 'at least one external id is needed to match on re-import' });
    for (const key of keys) {
      const other = seen.get(`${key.field}\u0000${key.value}`);
      if (other !== undefined && other !== i) issues.push({ path: `${prefix}.${i}.externalIds.${key.field}`, message: `same as ${prefix}.${other}` });
      seen.set(`${key.field}\u0000${key.value}`, i);
    }
  });
  const operatorIds = [...new Set(items.map((item) => item.operatorId).filter((id): id is string => !!id))];
  if (operatorIds.length > 0) {
    const found = await tx.select({ id: externalOrganizations.id }).from(externalOrganizations).where(and(eq(externalOrganizations.orgId, orgId), anyOf('id::text', operatorIds)));
    const known = new Set(found.map((row) => row.id));
    items.forEach((item, i) => {
      if (item.operatorId && !known.has(item.operatorId)) issues.push({ path: `${prefix}.${i}.operatorId`, message: `no external organization ${item.operatorId}` });
    });
  }
  return issues;
}

/** Existing assets that share an external id with the batch, indexed by "field\0value". */
async function matchesOf(tx: Queryable, orgId: string, items: readonly AssetUpsert[]): Promise<Map<string, AssetRow>> {
  const conditions = EXTERNAL_ID_COLUMNS.map((c) => ({ c, values: [...new Set(items.map((item) => item.externalIds[c.field]).filter((v): v is string => !!v))] }))
    .filter(({ values }) => values.length > 0)
    .map(({ c, values }) => anyOf(c.sql, values));
  const byKey = new Map<string, AssetRow>();
  if (conditions.length === 0) return byKey;
  const rows = await tx.select(assetColumns).from(assets).where(and(eq(assets.orgId, orgId), or(...conditions)));
  for (const row of rows) for (const c of EXTERNAL_ID_COLUMNS) if (row[c.column]) byKey.set(`${c.field}\u0000${row[c.column]}`, row);
  return byKey;
}

/**
 * Creates or updates many assets inside the caller's transaction (an import is all-or-nothing), matching
 * each item to an existing asset by any of its external ids. Running the same batch twice changes
 * nothing the second time. One audit entry records the batch (counts, and the digest of every row written).
 * @throws UNPROCESSABLE naming `${prefix}.${i}.…` for every bad item (nothing is written)
 */
export async function upsertAssets(tx: Queryable, access: OrgAccess, items: readonly AssetUpsert[], options: { prefix?: string; source?: string } = {}): Promise<UpsertResult> {
  const prefix = options.prefix ?? 'items';
  const { scale } = await beginInventoryWrite(tx, access.orgId);
  const issues = await batchIssues(tx, access.orgId, items, scale, prefix);
  const byKey = await matchesOf(tx, access.orgId, items);
  const claimed = new Map<string, number>();
  const targets = items.map((item, i) => {
    const found = [...new Set(keysOf(item).map((key) => byKey.get(`${key.field}\u0000${key.value}`)).filter((row): row is AssetRow => !!row))];
    if (found.length > 1) issues.push({ path: `${prefix}.${i}.externalIds`, message: `matches several assets: ${found.map((row) => row.name).join(', ')}` });
    const row = found[0];
    if (row && claimed.has(row.id)) issues.push({ path: `${prefix}.${i}.externalIds`, message: `matches the same asset as ${prefix}.${claimed.get(row.id)}` });
    if (row) claimed.set(row.id, i);
    return row;
  });
  if (issues.length > 0) throw unprocessable(`${issues.length} problem(s) in the batch; nothing was written`, issues);

  const now = new Date();
  const inserts: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const ids = items.map((item, i) => {
    const current = targets[i];
    if (!current) {
      const id = newId();
      inserts.push(record(id, fieldsOfNew({ ...item, status: item.status ?? 'in-use', tags: item.tags ?? [] }), 1, now, now));
      return id;
    }
    const patch = fieldsOfPatch(item);
    if (changedFields(current, patch).length > 0) updates.push(record(current.id, { ...current, ...patch }, current.version + 1, current.createdAt, now));
    return current.id;
  });
  await writeRows(tx, 'insert', 'assets', access.orgId, RECORD_TYPE, INSERT_COLUMNS, inserts);
  await writeRows(tx, 'update', 'assets', access.orgId, RECORD_TYPE, UPDATE_COLUMNS, updates);
  await adjustAssetCount(tx, access.orgId, inserts.length);
  const result = { created: inserts.length, updated: updates.length, unchanged: items.length - inserts.length - updates.length, ids };
  if (inserts.length + updates.length > 0) {
    await auditChange(tx, access, {
      action: 'asset.batch-upserted',
      targetType: 'asset-batch',
      targetId: newId(),
      after: batchDigest(inserts, updates),
      summary: { created: result.created, updated: result.updated, unchanged: result.unchanged, ...(options.source ? { source: options.source } : {}) },
    });
  }
  return result;
}

