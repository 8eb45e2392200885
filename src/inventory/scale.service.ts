import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { unprocessable } from '../platform/errors/catalogue.ts';
import { beginInventoryWrite, readInventoryHead } from './inventory-state.ts';
import { scaleFrom, type ProtectionScale } from './scale.ts';
import type { TPutScale } from './scale.schema.ts';
import { rowsOf } from './sql-rows.ts';

export async function getScale(store: Store, access: Pick<OrgAccess, 'orgId'>): Promise<ProtectionScale> {
  return (await readInventoryHead(store, access.orgId)).scale;
}

/**
 * Replaces the protection scale. A scale with fewer levels than an asset uses is refused (422): lowering
 * requirements silently would misstate what the assets need.
 */
export async function setScale(store: Store, access: OrgAccess, input: TPutScale): Promise<ProtectionScale> {
  return store.db.transaction(async (tx) => {
    const { scale: before } = await beginInventoryWrite(tx, access.orgId);
    // criticality = the highest of an asset's three levels; its index makes this one index probe.
    const [used] = await rowsOf<{ top: number | null; n: number }>(
      tx,
      sql`select max(criticality)::int as top, count(*) filter (where criticality > ${input.levels.length})::int as n
            from assets where org_id = ${access.orgId}`,
    );
    if (used?.top && used.top > input.levels.length) {
      throw unprocessable(`${used.n} asset(s) use levels above ${input.levels.length} (up to ${used.top}); lower them first`, [
        { path: 'body.levels', message: `must have at least ${used.top} levels` },
      ]);
    }
    const stored = input.levels.map((level) => (level.description ? { name: level.name, description: level.description } : { name: level.name }));
    await tx.execute(sql`update inventory_state set protection_scale = ${JSON.stringify(stored)}::jsonb where org_id = ${access.orgId}`);
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      action: 'inventory.scale-changed',
      targetType: 'protection-scale',
      targetId: access.orgId,
      before: before.levels,
      after: stored,
      summary: { levels: stored.map((level) => level.name) },
      requestId: access.requestId,
    });
    return scaleFrom(stored);
  });
}
