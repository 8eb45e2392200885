import { bigint, boolean, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

/** Tenants. `audit_seq` / `audit_head` are the head of the organization's audit chain (see audit/). */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  auditSeq: bigint('audit_seq', { mode: 'number' }).notNull().default(0),
  auditHead: text('audit_head').notNull(),
});

/** People who sign in. Not tenant-owned: one person may belong to several organizations. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  /** Instance administrators create organizations and may administer every one of them. */
  isInstanceAdmin: boolean('is_instance_admin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
});

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);
