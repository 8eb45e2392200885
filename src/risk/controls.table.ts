import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';

/** The 27002 attributes an applied control carries (each list from control-attributes.ts). */
export interface ControlAttributes {
  controlTypes: string[];
  properties: string[];
  concepts: string[];
  capabilities: string[];
  domains: string[];
}

/**
 * The organization's own security measures, whatever they answer to: risk treatment plans use them, and
 * framework requirements will be mapped onto the same rows, so a control is implemented once and counted
 * everywhere.
 */
export const appliedControls = pgTable(
  'applied_controls',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    /** The organization's own reference (e.g. "AC-12"), unique when given. */
    refId: text('ref_id'),
    title: text('title').notNull(),
    description: text('description'),
    owner: text('owner'),
    status: text('status').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    /** Cost in `currency`: one-off and yearly, either may be unknown. */
    oneOffCost: numeric('one_off_cost', { precision: 14, scale: 2, mode: 'number' }),
    yearlyCost: numeric('yearly_cost', { precision: 14, scale: 2, mode: 'number' }),
    currency: text('currency'),
    /** How much of the risk it addresses it removes when in place, 0–100 %; null = not assessed. */
    effectiveness: integer('effectiveness'),
    attributes: jsonb('attributes').$type<ControlAttributes>().notNull(),
    tags: text('tags').array().notNull(),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('applied_controls_ref')
      .on(t.orgId, sql`lower(${t.refId})`)
      .where(sql`${t.refId} is not null`),
    index('applied_controls_title').on(t.orgId, sql`lower(${t.title})`, t.id),
    index('applied_controls_status').on(t.orgId, t.status),
  ],
);
