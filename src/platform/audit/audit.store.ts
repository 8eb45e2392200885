import { eq, sql } from 'drizzle-orm';
import { checkedQuery } from '../auth/token-check.ts';
import type { Actor, OrgAccess } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { organizations } from '../orgs/orgs.table.ts';
import { digestOf, sha256Hex } from '../util/digest.ts';
import { newId } from '../util/ids.ts';
import { auditEntries } from './audit.table.ts';
import { hashEntry, type ChainedEntry } from './audit.chain.ts';

export interface AuditInput {
  actor: Actor;
  action: string;
  targetType: string;
  targetId: string;
  /** The state before and after the change; only their digests are stored. Omit secrets before passing. */
  before?: unknown;
  after?: unknown;
  summary?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Appends one entry to the organization's chain. Call it inside the transaction that makes the change:
 * the row lock on the organization serialises writers, so seq and prev_hash never race.
 * The lock is FOR NO KEY UPDATE, not FOR UPDATE: the change itself usually inserts a row whose foreign key
 * already holds FOR KEY SHARE on this organization, and two writers upgrading that to FOR UPDATE deadlock.
 */
export async function appendAudit(tx: Queryable, orgId: string, input: AuditInput, now: Date = new Date()): Promise<ChainedEntry & { hash: string }> {
  const [head] = await tx
    .select({ seq: organizations.auditSeq, hash: organizations.auditHead })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for('no key update');
  if (!head) throw new Error(`organization ${orgId} does not exist`);
  const entry: ChainedEntry = {
    orgId,
    seq: head.seq + 1,
    id: newId(),
    occurredAt: now,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    beforeDigest: input.before === undefined ? null : digestOf(input.before),
    afterDigest: input.after === undefined ? null : digestOf(input.after),
    summary: input.summary ?? {},
    requestId: input.requestId ?? null,
    prevHash: head.hash,
  };
  const hash = hashEntry(entry);
  await tx.insert(auditEntries).values({ ...entry, hash });
  await tx.update(organizations).set({ auditSeq: entry.seq, auditHead: hash }).where(eq(organizations.id, orgId));
  return { ...entry, hash };
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Return entries with seq below this (keyset paging, newest first). */
  beforeSeq?: number | undefined;
  limit: number;
}

export interface AuditRow {
  seq: number;
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  before_digest: string | null;
  after_digest: string | null;
  summary: Record<string, unknown>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * The SQL of the audit list: newest first, keyset-paged on seq. Exported so that bench/http runs exactly
 * this query on the bare driver as the floor the endpoint is measured against.
 * ORDER BY names `audit_entries.seq`: a bare `seq` would mean the float8 output column of the same name,
 * which no index serves (a full scan and sort of the org's trail per page instead of a backward index scan).
 */
export function auditListQuery(orgId: string, filter: AuditFilter): { text: string; params: unknown[] } {
  const where = ['org_id = $1'];
  const params: unknown[] = [orgId];
  const add = (clause: string, value: unknown): void => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.action) add(filter.action.endsWith('.*') ? 'action like ?' : 'action = ?', filter.action.endsWith('.*') ? `${filter.action.slice(0, -1)}%` : filter.action);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.targetType) add('target_type = ?', filter.targetType);
  if (filter.targetId) add('target_id = ?', filter.targetId);
  if (filter.from) add('occurred_at >= ?', filter.from.toISOString());
  if (filter.to) add('occurred_at < ?', filter.to.toISOString());
  if (filter.beforeSeq !== undefined) add('seq < ?', filter.beforeSeq);
  params.push(filter.limit);
  const text = `select seq::int8::float8 as seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
            actor_type, actor_id, actor_label, action, target_type, target_id, before_digest, after_digest,
            summary, request_id, prev_hash, hash
       from audit_entries where ${where.join(' and ')} order by audit_entries.seq desc limit $${params.length}`;
  return { text, params };
}

/**
 * Plain SQL on the driver: this is the hottest list in the product and the query builder costs more than
 * the query (see bench/http).
 */
export async function listAudit(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, filter: AuditFilter): Promise<AuditRow[]> {
  const { text, params } = auditListQuery(access.orgId, filter);
  // One prepared statement per filter combination (the text differs only by which filters are present).
  return checkedQuery<AuditRow>(store, access, text, params, { name: `bulwark_audit_list_${sha256Hex(text).slice(0, 16)}` });
}

/**
 * Streams an organization's chain in seq order up to `uptoSeq` (the head read before streaming, so entries
 * appended meanwhile do not look like a mismatch), a page at a time.
 */
export async function* streamChain(store: Store, orgId: string, uptoSeq: number, pageSize = 5000): AsyncGenerator<ChainedEntry & { hash: string }> {
  let after = 0;
  for (;;) {
    const rows = await store.db
      .select()
      .from(auditEntries)
      .where(sql`${auditEntries.orgId} = ${orgId} and ${auditEntries.seq} > ${after} and ${auditEntries.seq} <= ${uptoSeq}`)
      .orderBy(auditEntries.seq)
      .limit(pageSize);
    for (const row of rows) yield row;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}
