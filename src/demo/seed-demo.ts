import { ne, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import { SYSTEM_ACTOR } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { createToken } from '../platform/auth/tokens.service.ts';
import { addMember } from '../platform/orgs/members.service.ts';
import { createOrganization, INSTANCE_ORG_SLUG } from '../platform/orgs/orgs.service.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';
import { createUser } from '../platform/orgs/users.service.ts';
import { seedDemoInventory } from './demo-inventory.ts';
import { createCriteria } from '../risk/criteria.service.ts';
import { seedDemoControls } from './demo-controls.ts';
import { seedDemoRisks } from './demo-risks.ts';
import { seedDemoFair } from './demo-fair.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.example';

export interface DemoCredentials {
  email: string;
  password: string;
}

/** True when the store holds no tenant yet (the instance chain alone does not count). */
export async function isStoreEmpty(store: Store): Promise<boolean> {
  const [row] = await store.db
    .select({ n: sql<number>`count(*)::int` })
    .from(organizations)
    .where(ne(organizations.slug, INSTANCE_ORG_SLUG));
  return (row?.n ?? 0) === 0;
}

/**
 * A living demo: the "demo" organization, its administrator (credentials returned once), a small team in
 * the other roles, an integration token, and a cyberspace inventory (demo-inventory.ts), so the home page,
 * the inventory and the audit trail have something to show.
 * Later capabilities add their own demo data here.
 */
export async function seedDemo(store: Store): Promise<DemoCredentials> {
  const admin = await createUser(store, SYSTEM_ACTOR, { email: DEMO_ADMIN_EMAIL, name: 'Dana Admin', isInstanceAdmin: true });
  const org = await createOrganization(store, SYSTEM_ACTOR, { slug: DEMO_SLUG, name: 'Demo Corp', ownerUserId: admin.id });
  const access: OrgAccess = { orgId: org.id, orgSlug: org.slug, role: 'owner', actor: SYSTEM_ACTOR, userId: admin.id, requestId: null };
  const team = [
    { email: 'risk@demo.example', name: 'Riley Risk', role: 'risk-manager' },
    { email: 'compliance@demo.example', name: 'Casey Compliance', role: 'compliance-manager' },
    { email: 'ir@demo.example', name: 'Ira Responder', role: 'incident-responder' },
    { email: 'sharing@demo.example', name: 'Sam Liaison', role: 'sharing-liaison' },
    { email: 'auditor@demo.example', name: 'Avery Auditor', role: 'auditor' },
  ] as const;
  for (const person of team) await addMember(store, access, person);
  await createToken(store, access, { name: 'SIEM integration', role: 'viewer' });
  await seedDemoInventory(store, access);
  await seedDemoControls(store, access);
  await createCriteria(store, access, { template: '5x5', makeDefault: true });
  await seedDemoRisks(store, access);
  await seedDemoFair(store, access);
  return { email: admin.email, password: admin.generatedPassword! };
}
