import type { PgTable } from 'drizzle-orm/pg-core';
import { assets, dependencies, externalOrganizations, inventoryState } from '../../inventory/inventory.table.ts';
import { riskCriteria, riskCriteriaVersions } from '../../risk/criteria.table.ts';
import { appliedControls } from '../../risk/controls.table.ts';
import { riskAcceptances, riskScenarioHistory, riskScenarioLinks, riskScenarios } from '../../risk/scenarios.table.ts';
import { threatRelations, threats } from '../../risk/threats.table.ts';
import { fairAnalyses, fairRuns, fairSettings } from '../../quant/fair.table.ts';
import { kevEntries, vulnerabilities, vulnerabilityAssets } from '../../risk/vulnerabilities.table.ts';
import { auditEntries } from '../audit/audit.table.ts';
import { apiTokens } from '../auth/auth.table.ts';
import { jobPayloads, jobs } from '../jobs/jobs.table.ts';
import { memberships } from '../orgs/orgs.table.ts';

/**
 * The tenant-owned tables an organization export carries, in dependency order: each one after every tenant
 * table its foreign keys name (the import inserts them in this order). The organization row and the users
 * that these tables reference travel too; they are not listed because they are not tenant-owned.
 *
 * A domain that adds a table with an `org_id` adds one line here, or one to NOT_EXPORTED with its reason:
 * tenant-tables.test.ts fails until it does, so a new domain cannot be left out of exports by accident.
 */
export const TENANT_TABLES: readonly PgTable[] = [
  memberships,
  apiTokens,
  // Queued and running jobs travel too: a running job's heartbeat goes stale and the target's runner takes it up.
  jobs,
  jobPayloads,
  inventoryState,
  externalOrganizations,
  assets,
  dependencies,
  riskCriteria,
  riskCriteriaVersions,
  appliedControls,
  threats,
  threatRelations,
  vulnerabilities,
  vulnerabilityAssets,
  kevEntries,
  riskScenarios,
  riskScenarioLinks,
  riskAcceptances,
  riskScenarioHistory,
  fairSettings,
  fairAnalyses,
  fairRuns,
  auditEntries,
];

/** Tables with an `org_id` that exports leave out on purpose, by table name, with the reason. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  inventory_changes: 'a cache journal of graph changes; the target process loads its graph in full',
};
