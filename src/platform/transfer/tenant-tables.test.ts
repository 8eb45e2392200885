import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../db/schema.ts';
import { organizations } from '../orgs/orgs.table.ts';
import { checkRegistry, exportPlan } from './table-plan.ts';
import { NOT_EXPORTED, TENANT_TABLES } from './tenant-tables.ts';

const schemaTables: PgTable[] = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));

const widgets = pgTable(
  'widgets',
  { orgId: uuid('org_id').notNull().references(() => organizations.id), id: uuid('id').notNull(), name: text('name').notNull() },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
const widgetParts = pgTable(
  'widget_parts',
  { orgId: uuid('org_id').notNull(), id: uuid('id').notNull(), widgetId: uuid('widget_id').references(() => widgets.id) },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

describe('tenant table registry', () => {
  it('covers every table of the schema that has an org_id, in an order the import can insert', () => {
    expect(checkRegistry(schemaTables)).toEqual([]);
  });

  it('names a tenant table that a new domain forgot to register', () => {
    const baseline = checkRegistry(schemaTables);
    expect(checkRegistry([...schemaTables, widgets])).toEqual([...baseline, expect.stringContaining('widgets has an org_id column but is neither in TENANT_TABLES nor in NOT_EXPORTED')]);
    expect(checkRegistry([...schemaTables, widgets], TENANT_TABLES, { ...NOT_EXPORTED, widgets: 'derived, rebuilt on import' })).toEqual(baseline);
  });

  it('names a table registered before a table its foreign keys point at', () => {
    const baseline = checkRegistry(schemaTables);
    const problems = checkRegistry([...schemaTables, widgets, widgetParts], [...TENANT_TABLES, widgetParts, widgets]);
    expect(problems).toEqual([...baseline, expect.stringContaining('widget_parts references widgets, which is not registered before it')]);
    expect(checkRegistry([...schemaTables, widgets, widgetParts], [...TENANT_TABLES, widgets, widgetParts])).toEqual(baseline);
  });

  it('exports the organization, then its users, then the tenant tables, each ordered by its primary key', () => {
    const plan = exportPlan();
    expect(plan.map((s) => s.table).slice(0, 3)).toEqual(['organizations', 'users', 'memberships']);
    expect(plan.map((s) => s.table)).toEqual(expect.arrayContaining(['api_tokens', 'jobs', 'audit_entries']));
    expect(plan.find((s) => s.table === 'audit_entries')?.key.map((k) => k.column)).toEqual(['org_id', 'seq']);
    // Generated columns are computed by the target, never carried.
    for (const table of TENANT_TABLES) {
      const { name, columns } = getTableConfig(table);
      const section = plan.find((s) => s.table === name)!;
      expect(section.columns).toEqual(columns.filter((c) => !c.generated).map((c) => c.name));
    }
    // Users come from the foreign keys: members, and owners of tokens who may no longer be members.
    expect(plan.find((s) => s.table === 'users')?.scope).toMatch(/"user_id" from "memberships".*union.*"user_id" from "api_tokens"/);
  });
});
