import { eq } from 'drizzle-orm';
import type { OrgAccess } from '../context.ts';
import type { Store } from '../db/store.ts';
import { notFound } from '../errors/catalogue.ts';
import { organizations } from '../orgs/orgs.table.ts';
import { describeFault, verifyChain, type ChainFault } from './audit.chain.ts';
import type { TAuditEntry, TAuditPage, TAuditQuery, TChainVerification } from './audit.schema.ts';
import { listAudit, streamChain, type AuditRow } from './audit.store.ts';

function present(row: AuditRow): TAuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    occurredAt: row.occurred_at,
    actor: { type: row.actor_type as TAuditEntry['actor']['type'], id: row.actor_id, label: row.actor_label },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    beforeDigest: row.before_digest,
    afterDigest: row.after_digest,
    summary: row.summary,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function listAuditEntries(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: TAuditQuery): Promise<TAuditPage> {
  const rows = await listAudit(store, access, {
    action: query.action,
    actorId: query.actorId,
    targetType: query.targetType,
    targetId: query.targetId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeSeq: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit).map(present);
  return { items: page, nextCursor: rows.length > query.limit ? page[page.length - 1]!.seq : null };
}

function faultEntryId(fault: ChainFault): string | null {
  return 'entryId' in fault ? fault.entryId : null;
}

export async function verifyOrgChain(store: Store, orgId: string): Promise<TChainVerification> {
  const [head] = await store.db
    .select({ seq: organizations.auditSeq, hash: organizations.auditHead })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!head) throw notFound('Organization');
  const result = await verifyChain(streamChain(store, orgId, head.seq), head);
  if (result.ok) return { ok: true, entries: result.count, fault: null, firstBadEntryId: null };
  return { ok: false, entries: result.count, fault: describeFault(result.fault), firstBadEntryId: faultEntryId(result.fault) };
}
