import { sql } from 'drizzle-orm';
import type { Queryable, Store } from '../platform/db/store.ts';
import { inventoryState } from './inventory.table.ts';
import { scaleFrom, type ProtectionScale, type StoredLevel } from './scale.ts';

/**
 * Opens an inventory write: moves the organization's inventory version (so every process's graph cache
 * reloads) and returns the protection scale to validate against. Call it first in every transaction that
 * changes the inventory. The row lock it takes serialises inventory writers of one organization, so
 * check-then-write (duplicates, references) cannot race; it is taken before appendAudit's lock on the
 * organization, in that order everywhere.
 */
export async function beginInventoryWrite(tx: Queryable, orgId: string): Promise<{ version: number; scale: ProtectionScale }> {
  const [row] = await tx
    .insert(inventoryState)
    .values({ orgId, inventoryVersion: 1 })
    .onConflictDoUpdate({ target: inventoryState.orgId, set: { inventoryVersion: sql`${inventoryState.inventoryVersion} + 1` } })
    .returning({ version: inventoryState.inventoryVersion, scale: inventoryState.protectionScale });
  const version = row!.version;
  if (version % JOURNAL_PRUNE_EVERY === 0) await pruneJournal(tx, orgId, version - JOURNAL_KEPT);
  return { version, scale: scaleFrom(row!.scale) };
}

/** Versions of graph changes kept in inventory_changes: a process whose graph is older reloads it. */
const JOURNAL_KEPT = 1000;
const JOURNAL_PRUNE_EVERY = 100;

async function pruneJournal(tx: Queryable, orgId: string, upTo: number): Promise<void> {
  if (upTo <= 0) return;
  await tx.execute(sql`delete from inventory_changes where org_id = ${orgId} and version <= ${upTo}`);
  await tx.execute(sql`update inventory_state set journal_from = greatest(journal_from, ${upTo}) where org_id = ${orgId}`);
}

/** Keeps the exact asset count in step; call inside the write transaction after inserting or deleting assets. */
export async function adjustAssetCount(tx: Queryable, orgId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await tx.execute(sql`update inventory_state set asset_count = asset_count + ${delta} where org_id = ${orgId}`);
}

export interface InventoryHead {
  version: number;
  assetCount: number;
  scale: ProtectionScale;
}

/** One primary-key lookup: cheap enough to run on every analytics request. */
export async function readInventoryHead(store: Store, orgId: string): Promise<InventoryHead> {
  const rows = await store.query<{ version: number; asset_count: number; protection_scale: StoredLevel[] | null }>(
    'select inventory_version::float8 as version, asset_count, protection_scale from inventory_state where org_id = $1',
    [orgId],
  );
  const row = rows[0];
  return { version: row?.version ?? 0, assetCount: row?.asset_count ?? 0, scale: scaleFrom(row?.protection_scale ?? null) };
}
