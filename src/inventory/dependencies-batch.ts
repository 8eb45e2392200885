import { and, eq } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import type { UpsertResult } from './assets-batch.ts';
import { anyOf, batchDigest, writeRows } from './batch-sql.ts';
import { resolveNodes } from './dependency-nodes.ts';
import { beginInventoryWrite } from './inventory-state.ts';
import { dependencies } from './inventory.table.ts';
import type { DependencyType } from './vocabulary.ts';
import { auditChange } from './write-kit.ts';

export interface DependencyUpsert {
  sourceId: string;
  /** An asset or an external organization. */
  targetId: string;
  type: DependencyType;
  /** Absent keeps the current description of an existing edge. */
  description?: string | null | undefined;
}

const RECORD_TYPE = 'id uuid, source_id uuid, target_asset_id uuid, target_org_id uuid, type text, description text, created_at timestamptz, updated_at timestamptz';
const INSERT_COLUMNS = ['id', 'source_id', 'target_asset_id', 'target_org_id', 'type', 'description', 'created_at', 'updated_at'];

const edgeKey = (sourceId: string, targetId: string, type: string): string => `${sourceId}|${targetId}|${type}`;

/**
 * Creates or updates many dependencies inside the caller's transaction, keyed on (source, target, type):
 * an existing edge only has its description updated, and an edge repeated within the batch counts once.
 * @throws UNPROCESSABLE naming `${prefix}.${i}.sourceId|targetId` for unknown ids and self-loops (nothing is written)
 */
export async function upsertDependencies(
  tx: Queryable,
  access: OrgAccess,
  items: readonly DependencyUpsert[],
  options: { prefix?: string; source?: string } = {},
): Promise<UpsertResult> {
  const prefix = options.prefix ?? 'items';
  await beginInventoryWrite(tx, access.orgId);
  const nodes = await resolveNodes(tx, access.orgId, items.flatMap((item) => [item.sourceId, item.targetId]));
  const issues: FieldIssue[] = [];
  items.forEach((item, i) => {
    const source = nodes.get(item.sourceId);
    if (!source || source.isOrganization) issues.push({ path: `${prefix}.${i}.sourceId`, message: `no asset ${item.sourceId}` });
    if (item.sourceId === item.targetId) issues.push({ path: `${prefix}.${i}.targetId`, message: 'same as the source' });
    else if (!nodes.has(item.targetId)) issues.push({ path: `${prefix}.${i}.targetId`, message: `no asset or external organization ${item.targetId}` });
  });
  if (issues.length > 0) throw unprocessable(`${issues.length} problem(s) in the batch; nothing was written`, issues);

  const sources = [...new Set(items.map((item) => item.sourceId))];
  const existing = await tx
    .select()
    .from(dependencies)
    .where(and(eq(dependencies.orgId, access.orgId), anyOf('source_id::text', sources)));
  const byKey = new Map(existing.map((row) => [edgeKey(row.sourceId, (row.targetAssetId ?? row.targetOrgId)!, row.type), row]));
  const now = new Date().toISOString();
  const inserts: Record<string, unknown>[] = [];
  const insertedById = new Map<string, Record<string, unknown>>();
  const updates = new Map<string, Record<string, unknown>>();
  const ids = items.map((item) => {
    const key = edgeKey(item.sourceId, item.targetId, item.type);
    const found = byKey.get(key);
    if (found) {
      if (item.description !== undefined && item.description !== found.description) {
        found.description = item.description;
        const inserted = insertedById.get(found.id);
        if (inserted) inserted.description = item.description;
        else updates.set(found.id, { id: found.id, description: item.description, updated_at: now });
      }
      return found.id;
    }
    const isOrganization = nodes.get(item.targetId)!.isOrganization;
    const row = {
      id: newId(),
      source_id: item.sourceId,
      target_asset_id: isOrganization ? null : item.targetId,
      target_org_id: isOrganization ? item.targetId : null,
      type: item.type,
      description: item.description ?? null,
      created_at: now,
      updated_at: now,
    };
    inserts.push(row);
    insertedById.set(row.id, row);
    byKey.set(key, { orgId: access.orgId, id: row.id, sourceId: row.source_id, targetAssetId: row.target_asset_id, targetOrgId: row.target_org_id, type: row.type, description: row.description, createdAt: new Date(now), updatedAt: new Date(now) });
    return row.id;
  });
  await writeRows(tx, 'insert', 'dependencies', access.orgId, RECORD_TYPE, INSERT_COLUMNS, inserts);
  await writeRows(tx, 'update', 'dependencies', access.orgId, RECORD_TYPE, ['id', 'description', 'updated_at'], [...updates.values()]);
  const result = { created: inserts.length, updated: updates.size, unchanged: items.length - inserts.length - updates.size, ids };
  if (inserts.length + updates.size > 0) {
    await auditChange(tx, access, {
      action: 'dependency.batch-upserted',
      targetType: 'dependency-batch',
      targetId: newId(),
      after: batchDigest(inserts, [...updates.values()]),
      summary: { created: result.created, updated: result.updated, unchanged: result.unchanged, ...(options.source ? { source: options.source } : {}) },
    });
  }
  return result;
}
