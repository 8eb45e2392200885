import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../orgs/orgs.table.ts';

/**
 * Persisted background jobs (imports, simulations, feed polling). A job survives a restart: a running job
 * whose heartbeat goes stale is taken up again by any process. Handlers write their results in one
 * transaction, so a job that dies half-way leaves nothing behind and simply runs again.
 */
export const jobs = pgTable(
  'jobs',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    input: jsonb('input').$type<unknown>().notNull(),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    attempts: integer('attempts').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }),
    lockedBy: text('locked_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('jobs_queue_idx').on(t.status, t.createdAt)],
);

/**
 * A job's bulky input (an import's file), kept apart from its row so that reading, listing, claiming and
 * heartbeating jobs never carries it. Written with the job (job-payload.ts), read once by the handler, deleted
 * when the job finishes or is cancelled.
 */
export const jobPayloads = pgTable(
  'job_payloads',
  {
    orgId: uuid('org_id').notNull(),
    jobId: uuid('job_id').notNull(),
    content: text('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.jobId] }),
    foreignKey({ columns: [t.orgId, t.jobId], foreignColumns: [jobs.orgId, jobs.id] }).onDelete('cascade'),
  ],
);
