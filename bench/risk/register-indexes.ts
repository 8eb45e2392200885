/**
 * The register's indexes (migration 0007, src/risk/scenarios.table.ts), restated so the bench can measure
 * without them (`--indexes none`: dropped after seeding) and with them (`schema`: created again, as migrated).
 * The index names and definitions must stay those of the migration.
 */
export const REGISTER_INDEXES = [
  `create index if not exists risk_scenarios_priority on risk_scenarios
     (org_id, current_level desc nulls last, current_consequence desc nulls last, current_likelihood desc nulls last, lower(ref_id), id, criteria_id, ref_id)`,
  `create index if not exists risk_scenarios_residual_priority on risk_scenarios
     (org_id, residual_level desc nulls last, residual_consequence desc nulls last, residual_likelihood desc nulls last, lower(ref_id), id, criteria_id, ref_id)`,
  `create index if not exists risk_scenarios_updated on risk_scenarios (org_id, updated_at desc nulls first, id desc nulls first, criteria_id)`,
];

/** What `--indexes none` removes; risk_scenarios_title stays (it existed before the register). */
export const DROP_REGISTER_INDEXES = [
  'drop index if exists risk_scenarios_priority',
  'drop index if exists risk_scenarios_residual_priority',
  'drop index if exists risk_scenarios_updated',
];
