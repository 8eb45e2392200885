import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations, users } from '../platform/orgs/orgs.table.ts';

/**
 * A risk scenario (ISO/IEC 27005): what may happen, to what, and how bad it is. Ratings are zero-based
 * indexes into the likelihood and consequence scales of the criteria version the scenario was assessed with
 * (criteria_id, criteria_version), and the risk level that version's matrix gives; the level is stored so the
 * register filters, sorts and counts heat-map cells from an index.
 *
 * Four ratings: inherent (no controls), current (with the existing controls), target (once the treatment plan
 * is done, set by the analyst) and residual (computed: current moved towards target as the plan's controls
 * are put in place; scenario-residual.ts).
 */
export const riskScenarios = pgTable(
  'risk_scenarios',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    /** The organization's reference, e.g. "R-012"; unique. */
    refId: text('ref_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** event-based (risk source → desired end state → path) or asset-based (asset, threat, vulnerability). */
    approach: text('approach').notNull(),
    /** identified | assessed | in-treatment | treated | accepted | closed (scenarios.vocabulary.ts). */
    status: text('status').notNull(),
    /** The member who answers for the risk (a user); may accept it when the criteria let the owner accept. */
    ownerId: uuid('owner_id').references(() => users.id),
    /** Event-based: the risk source (a threat of kind source) and what it wants to achieve. */
    riskSourceId: uuid('risk_source_id'),
    desiredEndState: text('desired_end_state'),
    criteriaId: uuid('criteria_id').notNull(),
    criteriaVersion: integer('criteria_version').notNull(),
    inherentLikelihood: smallint('inherent_likelihood'),
    inherentConsequence: smallint('inherent_consequence'),
    inherentLevel: smallint('inherent_level'),
    currentLikelihood: smallint('current_likelihood'),
    currentConsequence: smallint('current_consequence'),
    currentLevel: smallint('current_level'),
    targetLikelihood: smallint('target_likelihood'),
    targetConsequence: smallint('target_consequence'),
    targetLevel: smallint('target_level'),
    residualLikelihood: smallint('residual_likelihood'),
    residualConsequence: smallint('residual_consequence'),
    residualLevel: smallint('residual_level'),
    /** Why the ratings are what they are, per rating: { inherent?, current?, target? }. */
    rationale: jsonb('rationale').$type<Record<string, string>>().notNull(),
    /** How well the analysis is supported: low | medium | high. */
    strengthOfKnowledge: text('strength_of_knowledge'),
    /** acceptable (within what the owner may accept) | to-treat; null until assessed. */
    evaluation: text('evaluation'),
    /** avoid | modify | share | retain, and why. */
    treatmentOption: text('treatment_option'),
    treatmentJustification: text('treatment_justification'),
    /** When the scenario is next to be reviewed (criteria review period for its level), and the last review. */
    reviewDue: date('review_due', { mode: 'string' }),
    lastReviewedAt: at('last_reviewed_at'),
    tags: text('tags').array().notNull(),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('risk_scenarios_ref').on(t.orgId, sql`lower(${t.refId})`),
    // The register's default order (priority: level, consequence, likelihood, highest first, unrated last) and
    // its residual twin; the trailing columns let a page, even a deep one, be read from the index alone.
    index('risk_scenarios_priority').on(
      t.orgId,
      t.currentLevel.desc().nullsLast(),
      t.currentConsequence.desc().nullsLast(),
      t.currentLikelihood.desc().nullsLast(),
      sql`lower(${t.refId})`,
      t.id,
      t.criteriaId,
      t.refId,
    ),
    index('risk_scenarios_residual_priority').on(
      t.orgId,
      t.residualLevel.desc().nullsLast(),
      t.residualConsequence.desc().nullsLast(),
      t.residualLikelihood.desc().nullsLast(),
      sql`lower(${t.refId})`,
      t.id,
      t.criteriaId,
      t.refId,
    ),
    index('risk_scenarios_updated').on(t.orgId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst(), t.criteriaId),
    index('risk_scenarios_owner').on(t.orgId, t.ownerId),
    index('risk_scenarios_status').on(t.orgId, t.status),
    // With the plain title and criteria beside lower(title), a title-sorted page needs no visit to the table.
    index('risk_scenarios_title').on(t.orgId, sql`lower(${t.title})`, t.id, t.title, t.criteriaId),
    index('risk_scenarios_review').on(t.orgId, t.reviewDue),
    // The register's text search (q: ILIKE '%…%' on reference or title), which no B-tree serves. Trigrams are
    // case-folded, so the plain columns serve ILIKE. Needs the pg_trgm extension: migration 0010 creates both
    // and skips them where the server lacks it (search then scans). A small pending list: PGlite has no
    // autovacuum to merge it, and while it is large the planner rightly passes the index by.
    index('risk_scenarios_search')
      .using('gin', t.refId.op('gin_trgm_ops'), t.title.op('gin_trgm_ops'))
      .with({ gin_pending_list_limit: 256 }),
  ],
);

/**
 * What a scenario names, one row per reference, so "which risks touch this asset / use this control" is an
 * index lookup and nothing is deleted from under a scenario unnoticed. role:
 *   asset             an affected asset (asset-based), target_type asset
 *   path              a step of the event-based path (position = order), asset or external-org
 *   threat            a threat event, technique, group… (target_type threat)
 *   vulnerability     a vulnerability exploited (target_type vulnerability)
 *   existing-control  a control already in place, counted in the current rating
 *   planned-control   a control of the treatment plan
 */
export const riskScenarioLinks = pgTable(
  'risk_scenario_links',
  {
    orgId: uuid('org_id').notNull(),
    scenarioId: uuid('scenario_id').notNull(),
    role: text('role').notNull(),
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    position: smallint('position').notNull().default(0),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.scenarioId, t.role, t.targetId] }),
    index('risk_scenario_links_target').on(t.orgId, t.targetId),
    foreignKey({ columns: [t.orgId, t.scenarioId], foreignColumns: [riskScenarios.orgId, riskScenarios.id] }).onDelete('cascade'),
  ],
);

/**
 * Decisions to accept a scenario's risk at a level. Never updated except to record a withdrawal: the newest
 * acceptance not withdrawn is the one in force; it lapses at expires_on.
 */
export const riskAcceptances = pgTable(
  'risk_acceptances',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    scenarioId: uuid('scenario_id').notNull(),
    /** The risk level accepted (of the scenario's criteria version) and which rating it was. */
    level: smallint('level').notNull(),
    criteriaVersion: integer('criteria_version').notNull(),
    /** Who decided, the role they held and the rule that gave them the authority (risk-owner | role). */
    acceptedBy: uuid('accepted_by')
      .notNull()
      .references(() => users.id),
    acceptedByLabel: text('accepted_by_label').notNull(),
    authority: text('authority').notNull(),
    justification: text('justification').notNull(),
    conditions: text('conditions'),
    acceptedAt: at('accepted_at').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('risk_acceptances_scenario').on(t.orgId, t.scenarioId, t.acceptedAt),
    foreignKey({ columns: [t.orgId, t.scenarioId], foreignColumns: [riskScenarios.orgId, riskScenarios.id] }).onDelete('cascade'),
  ],
);

/**
 * Every change to a scenario, its assessment, treatment, acceptance and review, as the UI's history shows it:
 * who, when, what (field → [before, after]). Written in the same transaction as the change.
 */
export const riskScenarioHistory = pgTable(
  'risk_scenario_history',
  {
    orgId: uuid('org_id').notNull(),
    scenarioId: uuid('scenario_id').notNull(),
    seq: integer('seq').notNull(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    /** created | updated | assessed | treatment | accepted | acceptance-withdrawn | reviewed | residual-recomputed */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.scenarioId, t.seq] }),
    foreignKey({ columns: [t.orgId, t.scenarioId], foreignColumns: [riskScenarios.orgId, riskScenarios.id] }).onDelete('cascade'),
  ],
);
