import { canonicalJson, sha256Hex } from '../util/digest.ts';

/** The hash before an organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every field that the entry hash covers. Changing any of them breaks the chain from that entry on. */
export interface ChainedEntry {
  orgId: string;
  seq: number;
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  beforeDigest: string | null;
  afterDigest: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
  prevHash: string;
}

export function hashEntry(entry: ChainedEntry): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      orgId: entry.orgId,
      seq: entry.seq,
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      beforeDigest: entry.beforeDigest,
      afterDigest: entry.afterDigest,
      summary: entry.summary,
      requestId: entry.requestId,
      prevHash: entry.prevHash,
    }),
  );
}

export type ChainFault =
  | { kind: 'gap'; expectedSeq: number; foundSeq: number; entryId: string }
  | { kind: 'broken-link'; seq: number; entryId: string }
  | { kind: 'bad-hash'; seq: number; entryId: string }
  | { kind: 'head-mismatch'; headSeq: number; lastSeq: number };

/**
 * Walks entries in `seq` order (pass them as an async or sync iterable, so a long chain streams) and
 * returns the first fault. The head (last seq and hash stored on the organization) catches a removed tail,
 * which links alone cannot.
 */
export async function verifyChain(
  entries: AsyncIterable<ChainedEntry & { hash: string }> | Iterable<ChainedEntry & { hash: string }>,
  head: { seq: number; hash: string },
): Promise<{ ok: true; count: number } | { ok: false; count: number; fault: ChainFault }> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { ok: false, count, fault: { kind: 'gap', expectedSeq, foundSeq: entry.seq, entryId: entry.id } };
    }
    if (entry.prevHash !== prevHash) return { ok: false, count, fault: { kind: 'broken-link', seq: entry.seq, entryId: entry.id } };
    if (hashEntry(entry) !== entry.hash) return { ok: false, count, fault: { kind: 'bad-hash', seq: entry.seq, entryId: entry.id } };
    prevHash = entry.hash;
    expectedSeq += 1;
    count += 1;
  }
  if (head.seq !== count || head.hash !== prevHash) {
    return { ok: false, count, fault: { kind: 'head-mismatch', headSeq: head.seq, lastSeq: count } };
  }
  return { ok: true, count };
}

export function describeFault(fault: ChainFault): string {
  switch (fault.kind) {
    case 'gap':
      return `entry ${fault.entryId} has seq ${fault.foundSeq} where ${fault.expectedSeq} was expected (an entry was removed or reordered)`;
    case 'broken-link':
      return `entry ${fault.entryId} (seq ${fault.seq}) does not link to the entry before it`;
    case 'bad-hash':
      return `entry ${fault.entryId} (seq ${fault.seq}) was altered: its content does not match its hash`;
    case 'head-mismatch':
      return `the chain ends at seq ${fault.lastSeq} but the organization's head says ${fault.headSeq} (entries were removed from the end or the head was altered)`;
  }
}
