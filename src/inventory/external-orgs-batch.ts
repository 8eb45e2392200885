import { and, eq } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import type { UpsertResult } from './assets-batch.ts';
import type { TCreateExternalOrganization } from './external-orgs.schema.ts';
import { definedOnly } from './write-kit.ts';
import { beginInventoryWrite } from './inventory-state.ts';
import { externalOrganizations } from './inventory.table.ts';
import { auditChange, changedFields } from './write-kit.ts';

/** One organization of a batch; absent fields keep their value on update. */
export type ExternalOrganizationUpsert = Pick<TCreateExternalOrganization, 'name' | 'relationshipTypes'> & Partial<TCreateExternalOrganization>;

type OrgRow = typeof externalOrganizations.$inferSelect;
const e = externalOrganizations;

/**
 * Creates or updates external organizations inside the caller's transaction, matching on the external id
 * when the item has one, else on the name (case-insensitive). One audit entry records the batch.
 */
export async function upsertExternalOrganizations(
  tx: Queryable,
  access: OrgAccess,
  items: readonly ExternalOrganizationUpsert[],
  options: { prefix?: string; source?: string } = {},
): Promise<UpsertResult> {
  const prefix = options.prefix ?? 'items';
  await beginInventoryWrite(tx, access.orgId);
  const existing = await tx.select().from(e).where(eq(e.orgId, access.orgId));
  const byExternalId = new Map(existing.filter((row) => row.externalId).map((row) => [row.externalId!, row]));
  const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row]));
  const issues: FieldIssue[] = [];
  const claimed = new Map<string, number>();
  const targets = items.map((item, i) => {
    const row = (item.externalId ? byExternalId.get(item.externalId) : undefined) ?? byName.get(item.name.toLowerCase());
    const other = byName.get(item.name.toLowerCase());
    if (row && other && other.id !== row.id) issues.push({ path: `${prefix}.${i}.name`, message: `another organization is named ${other.name}` });
    if (row && claimed.has(row.id)) issues.push({ path: `${prefix}.${i}`, message: `the same organization as ${prefix}.${claimed.get(row.id)}` });
    if (row) claimed.set(row.id, i);
    if (item.contractStart && item.contractEnd && item.contractEnd < item.contractStart) issues.push({ path: `${prefix}.${i}.contractEnd`, message: 'before contractStart' });
    return row;
  });
  if (issues.length > 0) throw unprocessable(`${issues.length} problem(s) in the batch; nothing was written`, issues);

  const now = new Date();
  const written: OrgRow[] = [];
  let created = 0;
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const current = targets[i];
    if (!current) {
      const row: OrgRow = {
        orgId: access.orgId, id: newId(), name: item.name, relationshipTypes: item.relationshipTypes, criticality: item.criticality ?? 2,
        contacts: item.contacts ?? [], contractStart: item.contractStart ?? null, contractEnd: item.contractEnd ?? null, country: item.country ?? null,
        website: item.website ?? null, notes: item.notes ?? null, tags: item.tags ?? [], externalId: item.externalId ?? null,
        version: 1, createdAt: now, updatedAt: now,
      };
      await tx.insert(e).values(row);
      byName.set(row.name.toLowerCase(), row);
      written.push(row);
      created++;
      ids.push(row.id);
      continue;
    }
    ids.push(current.id);
    const patch = definedOnly(item);
    if (changedFields(current, patch).length === 0) continue;
    const next: OrgRow = { ...current, ...patch, version: current.version + 1, updatedAt: now };
    await tx.update(e).set(next).where(and(eq(e.orgId, access.orgId), eq(e.id, current.id)));
    written.push(next);
  }
  const result = { created, updated: written.length - created, unchanged: items.length - written.length, ids };
  if (written.length > 0) {
    await auditChange(tx, access, {
      action: 'external-organization.batch-upserted',
      targetType: 'external-organization-batch',
      targetId: newId(),
      after: written,
      summary: { created: result.created, updated: result.updated, unchanged: result.unchanged, ...(options.source ? { source: options.source } : {}) },
    });
  }
  return result;
}
