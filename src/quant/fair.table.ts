import { sql } from 'drizzle-orm';
import { bigint, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import { riskScenarios } from '../risk/scenarios.table.ts';

/*
 * The product side of FAIR (Open FAIR Monte Carlo, engine in src/quant/fair/): a scenario's quantitative
 * analysis, the runs made from it (and from the organization's portfolio), and the organization's settings
 * (currency, appetite and tolerance curves, shared drivers).
 */

/** One FAIR analysis per risk scenario: the model and its inputs as the engine's parseAnalysis accepted them. */
export const fairAnalyses = pgTable(
  'fair_analyses',
  {
    orgId: uuid('org_id').notNull(),
    scenarioId: uuid('scenario_id').notNull(),
    /** product | compound */
    model: text('model').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    controls: jsonb('controls').$type<unknown[]>().notNull(),
    /** How PERT inputs are drawn: exact | table (the engine's pertSampling). */
    pertSampling: text('pert_sampling').notNull().default('exact'),
    iterations: integer('iterations').notNull(),
    /** A safe integer ≥ 0 (the engine's seeds go beyond 2^31). */
    seed: bigint('seed', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.scenarioId] }),
    // Deleting the scenario takes its analysis with it.
    foreignKey({ columns: [t.orgId, t.scenarioId], foreignColumns: [riskScenarios.orgId, riskScenarios.id] }).onDelete('cascade'),
  ],
);

/**
 * A FAIR run, never updated: what was run (the analysis as run, so a figure can be traced and reproduced with the
 * same engine, seed and iterations) and what came out. A portfolio run has no scenario; its analysis holds
 * every entry and the drivers.
 */
export const fairRuns = pgTable(
  'fair_runs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** scenario | portfolio */
    kind: text('kind').notNull(),
    scenarioId: uuid('scenario_id'),
    engine: text('engine').notNull(),
    model: text('model'),
    analysis: jsonb('analysis').$type<unknown>().notNull(),
    iterations: integer('iterations').notNull(),
    seed: bigint('seed', { mode: 'number' }).notNull(),
    result: jsonb('result').$type<unknown>().notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The job that made it, when it ran in the background. */
    jobId: uuid('job_id'),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.scenarioId], foreignColumns: [riskScenarios.orgId, riskScenarios.id] }).onDelete('cascade'),
    index('fair_runs_scenario').on(t.orgId, t.scenarioId, t.createdAt.desc()),
    index('fair_runs_kind').on(t.orgId, t.kind, t.createdAt.desc()),
  ],
);

export interface CurvePointRow {
  loss: number;
  probability: number;
}
export interface DriverRow {
  key: string;
  name: string;
  description: string | null;
  distribution: Record<string, unknown>;
}

/** The organization's FAIR settings; no row = defaults (no currency, no curves, no drivers). */
export const fairSettings = pgTable('fair_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  /** ISO 4217 code the loss figures are in (null: unspecified). */
  currency: text('currency'),
  /** Loss exceedance points the organization is comfortable with (appetite) and will not go beyond (tolerance). */
  appetite: jsonb('appetite')
    .$type<CurvePointRow[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  tolerance: jsonb('tolerance')
    .$type<CurvePointRow[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  /** Shared drivers: a factor several scenarios draw from one distribution, one draw per iteration in a portfolio. */
  drivers: jsonb('drivers')
    .$type<DriverRow[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  updatedAt: at('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
