import { sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { isRole } from '../platform/auth/roles.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import { acceptRisk } from '../risk/scenario-acceptance.service.ts';
import { assessScenario } from '../risk/scenario-assessment.service.ts';
import { setTreatment } from '../risk/scenario-treatment.service.ts';
import { ZCreateScenario } from '../risk/scenarios.schema.ts';
import { createScenario, updateScenario } from '../risk/scenarios.service.ts';
import { ZCreateThreat } from '../risk/threats.schema.ts';
import { createThreat } from '../risk/threats.service.ts';
import { ZCreateVulnerability } from '../risk/vulnerabilities.schema.ts';
import { createVulnerability } from '../risk/vulnerabilities.service.ts';
import {
  DEMO_RISKS,
  DEMO_THREAT_EVENTS,
  DEMO_THREAT_SOURCES,
  DEMO_VULNERABILITIES,
  type DemoPerson,
  type DemoRisk,
} from './demo-risks.data.ts';

/** The demo team member behind each DemoPerson (seed-demo.ts creates them). */
const PEOPLE: Record<DemoPerson, string> = {
  admin: 'admin@demo.example',
  risk: 'risk@demo.example',
  compliance: 'compliance@demo.example',
  ir: 'ir@demo.example',
};

interface Names {
  nodes: Map<string, { id: string; type: 'asset' | 'external-org' }>;
  threats: Map<string, string>;
  vulnerabilities: Map<string, string>;
  controls: Map<string, string>;
  people: Map<DemoPerson, OrgAccess>;
}

const must = <T>(map: Map<string, T>, key: string, what: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo risks name an unknown ${what}: ${key}`);
  return value;
};

async function loadNames(store: Store, access: OrgAccess): Promise<Names> {
  const nodes = new Map<string, { id: string; type: 'asset' | 'external-org' }>();
  for (const row of await rowsOf<{ id: string; name: string }>(
    store.db,
    sql`select id, name from external_organizations where org_id = ${access.orgId}`,
  )) {
    nodes.set(row.name, { id: row.id, type: 'external-org' });
  }
  for (const row of await rowsOf<{ id: string; name: string }>(store.db, sql`select id, name from assets where org_id = ${access.orgId}`)) {
    nodes.set(row.name, { id: row.id, type: 'asset' });
  }
  const controls = new Map(
    (
      await rowsOf<{ id: string; ref_id: string }>(store.db, sql`select id, ref_id from applied_controls where org_id = ${access.orgId}`)
    ).map((row) => [row.ref_id, row.id]),
  );
  const people = new Map<DemoPerson, OrgAccess>();
  for (const [person, email] of Object.entries(PEOPLE) as [DemoPerson, string][]) {
    const [member] = await rowsOf<{ id: string; name: string; role: string }>(
      store.db,
      sql`select u.id, u.name, m.role from users u join memberships m on m.user_id = u.id and m.org_id = ${access.orgId} where u.email = ${email}`,
    );
    if (!member || !isRole(member.role)) throw new Error(`demo risks need the demo member ${email}`);
    people.set(person, { ...access, role: member.role, userId: member.id, actor: { type: 'user', id: member.id, label: member.name } });
  }
  return { nodes, threats: new Map(), vulnerabilities: new Map(), controls, people };
}

async function seedCatalogues(store: Store, access: OrgAccess, names: Names): Promise<void> {
  for (const [name, category, description] of DEMO_THREAT_SOURCES) {
    names.threats.set(name, (await createThreat(store, access, ZCreateThreat.parse({ kind: 'source', category, name, description }))).id);
  }
  for (const [name, description] of DEMO_THREAT_EVENTS) {
    names.threats.set(name, (await createThreat(store, access, ZCreateThreat.parse({ kind: 'event', name, description }))).id);
  }
  for (const { assets, ...vulnerability } of DEMO_VULNERABILITIES) {
    const assetIds = assets.map((name) => must(names.nodes, name, 'asset').id);
    names.vulnerabilities.set(
      vulnerability.cveId,
      (await createVulnerability(store, access, ZCreateVulnerability.parse({ ...vulnerability, assetIds }))).id,
    );
  }
}

/** One scenario through the same services a user's requests go through: create, assess, treat, accept. */
async function seedRisk(store: Store, names: Names, risk: DemoRisk): Promise<{ id: string; lapsed: boolean }> {
  const owner = names.people.get(risk.owner)!;
  const analyst = names.people.get('risk')!;
  let scenario = await createScenario(
    store,
    analyst,
    ZCreateScenario.parse({
      title: risk.title,
      description: risk.description,
      approach: risk.approach,
      ownerId: owner.userId,
      riskSourceId: risk.source ? must(names.threats, risk.source, 'threat source') : undefined,
      desiredEndState: risk.desiredEndState,
      path: (risk.path ?? []).map((name) => must(names.nodes, name, 'asset or organization')),
      assets: (risk.assets ?? []).map((name) => must(names.nodes, name, 'asset').id),
      threats: (risk.threats ?? []).map((name) => must(names.threats, name, 'threat')),
      vulnerabilities: (risk.vulnerabilities ?? []).map((cve) => must(names.vulnerabilities, cve, 'vulnerability')),
      existingControls: (risk.existing ?? []).map((ref) => must(names.controls, ref, 'control')),
      tags: risk.tags ?? [],
    }),
  );
  const rating = (pair: [number, number] | undefined) => (pair ? { likelihood: pair[0], consequence: pair[1] } : undefined);
  if (risk.current) {
    scenario = await assessScenario(
      store,
      analyst,
      scenario.id,
      {
        inherent: rating(risk.inherent),
        current: rating(risk.current),
        target: rating(risk.target),
        rationale: risk.rationale ? { current: risk.rationale } : undefined,
        strengthOfKnowledge: risk.knowledge ?? null,
        useLatestCriteria: false,
      },
      scenario.version,
    );
  }
  // A risk accepted as it stands was, in treatment terms, retained: say so, with the acceptance's reason.
  const treatment =
    risk.treatment ?? (risk.accept ? { option: 'retain' as const, justification: risk.accept.justification, planned: [] } : undefined);
  if (treatment) {
    const plannedControls = treatment.planned.map((ref) => must(names.controls, ref, 'control'));
    scenario = await setTreatment(store, analyst, scenario.id, { ...treatment, plannedControls }, scenario.version);
  }
  if (risk.accept) {
    const expiresOn = new Date(Date.now() + risk.accept.days * 86_400_000).toISOString().slice(0, 10);
    const { justification, conditions } = risk.accept;
    await acceptRisk(
      store,
      names.people.get(risk.accept.by)!,
      scenario.id,
      { justification, conditions: conditions ?? null, expiresOn },
      undefined,
    );
  }
  if (risk.closed) await updateScenario(store, analyst, scenario.id, { closed: true }, scenario.version);
  return { id: scenario.id, lapsed: risk.accept?.lapsed === true };
}

/**
 * Demo Corp's threats, vulnerabilities and forty risk scenarios (demo-risks.data.ts), through the services.
 * Time is then moved for a few, with plain updates, so the register shows what only time produces: two
 * acceptances that have lapsed and reviews gone overdue.
 */
export async function seedDemoRisks(store: Store, access: OrgAccess): Promise<{ scenarios: number }> {
  const names = await loadNames(store, access);
  await seedCatalogues(store, access, names);
  for (const risk of DEMO_RISKS) {
    const { id, lapsed } = await seedRisk(store, names, risk);
    if (lapsed) {
      await store.db.execute(
        sql`update risk_acceptances set accepted_at = now() - interval '400 days', expires_on = current_date - 35 where org_id = ${access.orgId} and scenario_id = ${id}`,
      );
    }
    if (risk.reviewOverdue) {
      await store.db.execute(sql`update risk_scenarios set review_due = current_date - 20 where org_id = ${access.orgId} and id = ${id}`);
    }
  }
  return { scenarios: DEMO_RISKS.length };
}
