import { sql } from 'drizzle-orm';
import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';

/**
 * A set of risk criteria an organization assesses with. Its content lives in numbered, immutable versions
 * (risk_criteria_versions): a revision adds a version, and an assessment keeps the version it was made with.
 * One set per organization is the default for new assessments.
 */
export const riskCriteria = pgTable(
  'risk_criteria',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull(),
    isDefault: boolean('is_default').notNull(),
    /** Where an imported set came from (a CISO Assistant matrix URN), so importing it again adds a version. */
    sourceId: text('source_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('risk_criteria_name').on(t.orgId, sql`lower(${t.name})`),
    uniqueIndex('risk_criteria_default')
      .on(t.orgId)
      .where(sql`${t.isDefault}`),
    uniqueIndex('risk_criteria_source')
      .on(t.orgId, t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);

export const riskCriteriaVersions = pgTable(
  'risk_criteria_versions',
  {
    orgId: uuid('org_id').notNull(),
    criteriaId: uuid('criteria_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<TCriteriaDefinition>().notNull(),
    /** Who made this version (the audit actor's label) and when. */
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.criteriaId, t.version] }),
    foreignKey({ columns: [t.orgId, t.criteriaId], foreignColumns: [riskCriteria.orgId, riskCriteria.id] }),
  ],
);
