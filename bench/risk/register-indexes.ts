/**
 * The register's indexes (migrations 0007 and 0010, src/risk/scenarios.table.ts), restated so the bench can
 * measure without them (`--indexes none`: dropped after seeding) and with them (`schema`: created again, as
 * migrated). The index names and definitions must stay those of the migrations. The search index needs
 * pg_trgm, which both bench stores have (PGlite loads it; PostgreSQL's contrib).
 */
export const REGISTER_INDEXES = [
  `create index if not exists risk_scenarios_priority on risk_scenarios
     (org_id, current_level desc nulls last, current_consequence desc nulls last, current_likelihood desc nulls last, lower(ref_id), id, criteria_id, ref_id)`,
  `create index if not exists risk_scenarios_residual_priority on risk_scenarios
     (org_id, residual_level desc nulls last, residual_consequence desc nulls last, residual_likelihood desc nulls last, lower(ref_id), id, criteria_id, ref_id)`,
  `create index if not exists risk_scenarios_updated on risk_scenarios (org_id, updated_at desc nulls first, id desc nulls first, criteria_id)`,
  `create index if not exists risk_scenarios_search on risk_scenarios using gin (ref_id gin_trgm_ops, title gin_trgm_ops)
     with (gin_pending_list_limit = 256)`,
];

/** What `--indexes none` removes; risk_scenarios_title stays (it existed before the register). */
export const DROP_REGISTER_INDEXES = [
  'drop index if exists risk_scenarios_priority',
  'drop index if exists risk_scenarios_residual_priority',
  'drop index if exists risk_scenarios_updated',
  'drop index if exists risk_scenarios_search',
];
