/** Every table of the store. drizzle-kit generates migrations from this module; domains add their tables here. */
export * from '../orgs/orgs.table.ts';
export * from '../auth/auth.table.ts';
export * from '../audit/audit.table.ts';
export * from '../jobs/jobs.table.ts';
export * from '../../inventory/inventory.table.ts';
export * from '../../risk/criteria.table.ts';
export * from '../../risk/controls.table.ts';
export * from '../../risk/threats.table.ts';
export * from '../../risk/vulnerabilities.table.ts';
export * from '../../risk/scenarios.table.ts';
export * from '../../quant/fair.table.ts';
