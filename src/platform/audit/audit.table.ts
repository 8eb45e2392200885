import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../orgs/orgs.table.ts';

/**
 * The audit trail: one row per state change, hash-chained per organization by `seq`.
 * Only digests of the before/after states are kept, so the trail never leaks secrets it did not need.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    beforeDigest: text('before_digest'),
    afterDigest: text('after_digest'),
    /** Non-secret facts about the change (e.g. which fields changed), to make the trail readable. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    unique('audit_entries_org_id_id_key').on(t.orgId, t.id),
    index('audit_entries_time_idx').on(t.orgId, t.occurredAt),
    index('audit_entries_action_idx').on(t.orgId, t.action, t.seq),
    index('audit_entries_actor_idx').on(t.orgId, t.actorId, t.seq),
    index('audit_entries_target_idx').on(t.orgId, t.targetType, t.targetId, t.seq),
  ],
);
