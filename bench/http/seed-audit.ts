import { and, eq } from 'drizzle-orm';
import { hashEntry, type ChainedEntry } from '../../src/platform/audit/audit.chain.ts';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { auditEntries } from '../../src/platform/audit/audit.table.ts';
import { createToken } from '../../src/platform/auth/tokens.service.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/platform/context.ts';
import type { Store } from '../../src/platform/db/store.ts';
import { createOrganization } from '../../src/platform/orgs/orgs.service.ts';
import { organizations } from '../../src/platform/orgs/orgs.table.ts';
import { createUser } from '../../src/platform/orgs/users.service.ts';
import { randomSecret, sha256Hex } from '../../src/platform/util/digest.ts';
import { newId } from '../../src/platform/util/ids.ts';

export const BENCH_ORG_SLUG = 'bench';
const ROWS_PER_INSERT = 1000;

export interface BenchOrg {
  orgId: string;
  /** The secret of an auditor API token bound to the org (owned by its owner). */
  token: string;
  owner: Actor;
  tokenActor: Actor;
}

/** The org "bench", its owner and an auditor token, made through the real services (so audited too). */
export async function createBenchOrg(store: Store): Promise<BenchOrg> {
  const owner = await createUser(store, SYSTEM_ACTOR, { email: 'owner@bench.example', name: 'Bench Owner', password: randomSecret(18) });
  const org = await createOrganization(store, SYSTEM_ACTOR, { slug: BENCH_ORG_SLUG, name: 'Bench Ltd', ownerUserId: owner.id });
  const ownerActor: Actor = { type: 'user', id: owner.id, label: owner.email };
  const access = { orgId: org.id, orgSlug: org.slug, role: 'owner' as const, actor: ownerActor, userId: owner.id, requestId: null };
  const { token, secret } = await createToken(store, access, { name: 'bench auditor', role: 'auditor' });
  return { orgId: org.id, token: secret, owner: ownerActor, tokenActor: { type: 'token', id: token.id, label: `${token.name} (token of ${owner.email})` } };
}

/** A small deterministic PRNG (mulberry32), so every run seeds the same mix. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Change = 'create' | 'update' | 'delete';
interface EventKind {
  action: string;
  targetType: string;
  change: Change;
  weight: number;
  summary: (n: number, pick: <T>(items: readonly T[]) => T) => Record<string, unknown>;
}

const ROLES = ['viewer', 'auditor', 'risk-manager', 'incident-responder', 'admin'] as const;
/** A plausible month of a security team's trail: inventory churn dominates, tokens and members are rarer. */
const EVENTS: EventKind[] = [
  { action: 'asset.created', targetType: 'asset', change: 'create', weight: 18, summary: (n, pick) => ({ name: `host-${n}.corp.example`, kind: pick(['server', 'workstation', 'network-device', 'cloud-account', 'application']) }) },
  { action: 'asset.updated', targetType: 'asset', change: 'update', weight: 24, summary: (_n, pick) => ({ changed: pick([['owner'], ['criticality'], ['owner', 'location'], ['tags'], ['exposure', 'criticality']]) }) },
  { action: 'asset.deleted', targetType: 'asset', change: 'delete', weight: 3, summary: (n) => ({ name: `host-${n}.corp.example` }) },
  { action: 'risk.created', targetType: 'risk', change: 'create', weight: 6, summary: (n, pick) => ({ title: `Risk R-${n}`, likelihood: pick([1, 2, 3, 4, 5]), impact: pick([1, 2, 3, 4, 5]) }) },
  { action: 'risk.updated', targetType: 'risk', change: 'update', weight: 8, summary: (_n, pick) => ({ changed: pick([['likelihood'], ['impact', 'owner'], ['treatment']]) }) },
  { action: 'risk.accepted', targetType: 'risk', change: 'update', weight: 2, summary: (_n, pick) => ({ until: pick(['2026-06-30', '2026-12-31']), approvedBy: 'ciso@bench.example' }) },
  { action: 'control.assessed', targetType: 'control', change: 'update', weight: 12, summary: (_n, pick) => ({ framework: pick(['ISO 27001:2022', 'NIST CSF 2.0', 'CIS v8']), control: pick(['A.5.15', 'A.8.12', 'PR.AA-01', 'DE.CM-01', '4.1']), result: pick(['effective', 'partially-effective', 'ineffective']) }) },
  { action: 'incident.opened', targetType: 'incident', change: 'create', weight: 4, summary: (n, pick) => ({ title: `INC-${n}`, severity: pick(['low', 'medium', 'high', 'critical']) }) },
  { action: 'incident.updated', targetType: 'incident', change: 'update', weight: 7, summary: (_n, pick) => ({ status: pick(['triaged', 'contained', 'eradicated', 'recovered']) }) },
  { action: 'incident.closed', targetType: 'incident', change: 'update', weight: 3, summary: (_n, pick) => ({ resolution: pick(['resolved', 'false-positive', 'duplicate']) }) },
  { action: 'member.added', targetType: 'user', change: 'create', weight: 2, summary: (n, pick) => ({ email: `analyst${n}@bench.example`, role: pick(ROLES) }) },
  { action: 'member.role-changed', targetType: 'user', change: 'update', weight: 1, summary: (_n, pick) => ({ from: pick(ROLES), to: pick(ROLES) }) },
  { action: 'token.created', targetType: 'token', change: 'create', weight: 4, summary: (n, pick) => ({ name: `ci-${n}`, role: pick(ROLES), owner: 'owner@bench.example', expiresAt: null }) },
  { action: 'token.revoked', targetType: 'token', change: 'delete', weight: 3, summary: (n) => ({ name: `ci-${n}` }) },
  { action: 'organization.updated', targetType: 'organization', change: 'update', weight: 1, summary: () => ({ changed: ['name'] }) },
];
const TOTAL_WEIGHT = EVENTS.reduce((sum, e) => sum + e.weight, 0);

/** Makes entries seq `first`..`first+count-1`, chained from `prevHash`, one chunk at a time. */
function* generateEntries(orgId: string, head: { seq: number; hash: string; at: Date }, count: number, actors: Actor[]): Generator<(ChainedEntry & { hash: string })[]> {
  const random = prng(0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Targets already created, per type, so updates and deletions name things that exist.
  const known = new Map<string, string[]>(EVENTS.map((e) => [e.targetType, [newId()]]));
  known.set('organization', [orgId]);
  let prevHash = head.hash;
  let chunk: (ChainedEntry & { hash: string })[] = [];
  for (let i = 1; i <= count; i++) {
    let roll = random() * TOTAL_WEIGHT;
    const kind = EVENTS.find((e) => (roll -= e.weight) < 0) ?? EVENTS[0]!;
    const pool = known.get(kind.targetType)!;
    const targetId = kind.change === 'create' ? newId() : pick(pool.slice(-500));
    if (kind.change === 'create') pool.push(targetId);
    const actor = pick(actors);
    const seq = head.seq + i;
    const entry: ChainedEntry = {
      orgId,
      seq,
      id: newId(),
      // Time moves forward with seq (1 ms apart) from the current head, as appendAudit would write them.
      occurredAt: new Date(head.at.getTime() + i),
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: kind.action,
      targetType: kind.targetType,
      targetId,
      beforeDigest: kind.change === 'create' ? null : sha256Hex(`${seq}:before`),
      afterDigest: kind.change === 'delete' ? null : sha256Hex(`${seq}:after`),
      summary: kind.summary(seq, pick),
      requestId: actor.type === 'system' ? null : newId(),
      prevHash,
    };
    prevHash = hashEntry(entry);
    chunk.push({ ...entry, hash: prevHash });
    if (chunk.length === ROWS_PER_INSERT || i === count) {
      yield chunk;
      chunk = [];
    }
  }
}

/**
 * Appends `count` correctly chained entries to the org's trail in one transaction: hashes computed in
 * memory from the locked head, multi-row INSERTs, then the head moved to the last entry. Checks the whole
 * chain afterwards, so the bench never measures (or leaves) a broken trail.
 */
export async function seedAuditEntries(store: Store, orgId: string, count: number, actors: Actor[]): Promise<{ headSeq: number }> {
  const headSeq = await store.db.transaction(async (tx) => {
    const [head] = await tx
      .select({ seq: organizations.auditSeq, hash: organizations.auditHead })
      .from(organizations)
      .where(eq(organizations.id, orgId))
      .for('update');
    if (!head) throw new Error(`organization ${orgId} does not exist`);
    const [last] = await tx
      .select({ at: auditEntries.occurredAt })
      .from(auditEntries)
      .where(and(eq(auditEntries.orgId, orgId), eq(auditEntries.seq, head.seq)));
    let lastHash = head.hash;
    for (const chunk of generateEntries(orgId, { ...head, at: last?.at ?? new Date() }, count, actors)) {
      await tx.insert(auditEntries).values(chunk);
      lastHash = chunk[chunk.length - 1]!.hash;
    }
    const seq = head.seq + count;
    await tx.update(organizations).set({ auditSeq: seq, auditHead: lastHash }).where(eq(organizations.id, orgId));
    return seq;
  });
  // Fresh statistics, as autovacuum would gather soon after such a burst.
  await store.query('vacuum analyze audit_entries');
  const verdict = await verifyOrgChain(store, orgId);
  if (!verdict.ok || verdict.entries !== headSeq) {
    throw new Error(`the seeded chain does not verify: ${verdict.fault ?? `${verdict.entries} entries, head at ${headSeq}`}`);
  }
  return { headSeq };
}

/** Actors of the seeded trail: the owner, the bench token, the system and a few colleagues. */
export function benchActors(org: BenchOrg): Actor[] {
  const colleagues: Actor[] = ['analyst1', 'analyst2', 'ciso', 'soc-lead'].map((name) => ({ type: 'user', id: newId(), label: `${name}@bench.example` }));
  return [org.owner, org.owner, org.tokenActor, SYSTEM_ACTOR, ...colleagues];
}
