import { and, desc, eq } from 'drizzle-orm';
import { can } from '../platform/auth/roles.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { conflict, forbidden, notFound, unprocessable } from '../platform/errors/catalogue.ts';
import { newId } from '../platform/util/ids.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { loadCriteria } from './scenario-criteria.ts';
import { addDays } from './scenario-rating.ts';
import { getScenario, presentAcceptance } from './scenario-read.ts';
import {
  acceptanceInForce,
  lockScenario,
  ratingOf,
  saveScenario,
  settle,
  todayOf,
  type AcceptanceRow,
  type ScenarioRow,
} from './scenario-state.ts';
import type { TAcceptance, TAcceptanceInput, TScenario } from './scenarios.schema.ts';
import { riskAcceptances, riskScenarios } from './scenarios.table.ts';

/** How long an acceptance runs by default when its rule sets no longest period. */
export const DEFAULT_ACCEPTANCE_DAYS = 365;

/**
 * The authority the caller holds to accept a risk at `level`, from the criteria version's rule alone (no
 * permission is needed beyond reading risks).
 * @throws AppError FORBIDDEN when nobody may accept at that level, or the caller is not whom the rule names
 */
function authorityFor(definition: TCriteriaDefinition, level: number, scenario: ScenarioRow, access: OrgAccess): 'risk-owner' | 'role' {
  if (access.userId === null) throw forbidden('A risk is accepted by a person: sign in, or use a token of your own');
  const rule = definition.acceptance[level];
  const levelName = definition.levels[level]?.name ?? `#${level}`;
  if (!rule || rule.by === 'nobody')
    throw forbidden(`Nobody may accept a risk at level "${levelName}" under these criteria: it must be treated`);
  if (rule.by === 'risk-owner') {
    if (scenario.ownerId === null)
      throw forbidden(`Only the scenario’s owner may accept a risk at level "${levelName}", and it has none: set its owner first`);
    if (access.userId !== scenario.ownerId) throw forbidden(`Only the scenario’s owner may accept a risk at level "${levelName}"`);
    return 'risk-owner';
  }
  if (access.role !== rule.role && access.role !== 'owner') {
    throw forbidden(`A risk at level "${levelName}" may only be accepted by a member with the role "${rule.role}" (or an owner)`);
  }
  return 'role';
}

/** The expiry date: as given (not in the past, not beyond the rule's longest period), else the longest period. */
function expiryOf(requested: string | undefined, maxDays: number | null, today: string): string {
  const latest = maxDays === null ? null : addDays(today, maxDays);
  if (requested === undefined) return latest ?? addDays(today, DEFAULT_ACCEPTANCE_DAYS);
  if (requested < today)
    throw unprocessable('An acceptance cannot expire in the past', [{ path: 'body.expiresOn', message: `before today (${today})` }]);
  if (latest !== null && requested > latest) {
    throw unprocessable(`At this level an acceptance runs at most ${maxDays} days, until ${latest}`, [
      { path: 'body.expiresOn', message: `later than ${latest} (at most ${maxDays} days)` },
    ]);
  }
  return requested;
}

/**
 * Accepts the scenario's residual risk at its level, when the caller has the authority the criteria give
 * (see authorityFor). The acceptance runs through its expiry day; the scenario becomes accepted.
 */
export async function acceptRisk(
  store: Store,
  access: OrgAccess,
  id: string,
  input: Omit<TAcceptanceInput, 'version'>,
  expectedVersion: number | undefined,
): Promise<{ acceptance: TAcceptance; scenario: TScenario }> {
  const accepted = await store.db.transaction(async (tx) => {
    const now = new Date();
    const today = todayOf(now);
    const before = await lockScenario(tx, access.orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    if (before.status === 'closed') throw unprocessable('The scenario is closed: reopen it before accepting its risk');
    const residual = ratingOf(before, 'residual');
    if (residual === null) throw unprocessable('The scenario is not assessed yet: there is no residual risk to accept');
    const { definition } = await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const authority = authorityFor(definition, residual.level, before, access);
    const expiresOn = expiryOf(input.expiresOn, definition.acceptance[residual.level]?.maxDays ?? null, today);
    const row: AcceptanceRow = {
      orgId: access.orgId,
      id: newId(),
      scenarioId: id,
      level: residual.level,
      criteriaVersion: before.criteriaVersion,
      acceptedBy: access.userId!, // authorityFor refused a caller without a user
      acceptedByLabel: access.actor.label,
      authority,
      justification: input.justification,
      conditions: input.conditions ?? null,
      acceptedAt: now,
      expiresOn,
      withdrawnAt: null,
      withdrawnBy: null,
    };
    await tx.insert(riskAcceptances).values(row);
    const settled = await settle(tx, before, definition, today);
    await saveScenario(tx, access, before, settled.row, 'accepted', {
      now,
      note: input.justification,
      extra: { acceptance: [null, { id: row.id, level: row.level, authority, expiresOn, conditions: row.conditions }] },
    });
    return presentAcceptance(row, definition, today, row.id);
  });
  return { acceptance: accepted, scenario: await getScenario(store, access, id) };
}

/** Every acceptance of the scenario, newest first, each named with its own criteria version. */
export async function listAcceptances(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TAcceptance[]> {
  const [scenario] = await store.db
    .select({ criteriaId: riskScenarios.criteriaId })
    .from(riskScenarios)
    .where(and(eq(riskScenarios.orgId, access.orgId), eq(riskScenarios.id, id)));
  if (!scenario) throw notFound('Risk scenario');
  const rows = await store.db
    .select()
    .from(riskAcceptances)
    .where(and(eq(riskAcceptances.orgId, access.orgId), eq(riskAcceptances.scenarioId, id)))
    .orderBy(desc(riskAcceptances.acceptedAt), desc(riskAcceptances.id));
  const today = todayOf(new Date());
  const inForce = rows.find((row) => row.withdrawnAt === null)?.id ?? null;
  const definitions = new Map<number, TCriteriaDefinition>();
  const items: TAcceptance[] = [];
  for (const row of rows) {
    let definition = definitions.get(row.criteriaVersion);
    if (!definition) {
      definition = (await loadCriteria(store.db, access.orgId, scenario.criteriaId, row.criteriaVersion)).definition;
      definitions.set(row.criteriaVersion, definition);
    }
    items.push(presentAcceptance(row, definition, today, inForce));
  }
  return items;
}

/**
 * Withdraws an acceptance (by a risk writer or whoever accepted it). The scenario's status is recomputed:
 * an older acceptance still in force keeps it accepted, otherwise it falls back to its treatment state.
 */
export async function withdrawAcceptance(
  store: Store,
  access: OrgAccess,
  id: string,
  acceptanceId: string,
): Promise<{ acceptance: TAcceptance; scenario: TScenario }> {
  const withdrawn = await store.db.transaction(async (tx) => {
    const now = new Date();
    const today = todayOf(now);
    const before = await lockScenario(tx, access.orgId, id);
    const byId = and(eq(riskAcceptances.orgId, access.orgId), eq(riskAcceptances.scenarioId, id), eq(riskAcceptances.id, acceptanceId));
    const [acceptance] = await tx.select().from(riskAcceptances).where(byId).for('update');
    if (!acceptance) throw notFound('Risk acceptance');
    if (!can(access.role, 'risk:write') && access.userId !== acceptance.acceptedBy) {
      throw forbidden('Only whoever accepted the risk, or a member who may change risks, may withdraw an acceptance');
    }
    if (acceptance.withdrawnAt !== null) throw conflict(`This acceptance was already withdrawn on ${acceptance.withdrawnAt.toISOString()}`);
    const row: AcceptanceRow = { ...acceptance, withdrawnAt: now, withdrawnBy: access.actor.label };
    await tx.update(riskAcceptances).set({ withdrawnAt: row.withdrawnAt, withdrawnBy: row.withdrawnBy }).where(byId);
    const { definition } = await loadCriteria(tx, access.orgId, before.criteriaId, acceptance.criteriaVersion);
    const current = await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const settled = await settle(tx, before, current.definition, today);
    await saveScenario(tx, access, before, settled.row, 'acceptance-withdrawn', {
      now,
      extra: {
        acceptance: [
          { id: row.id, withdrawnAt: null },
          { id: row.id, withdrawnAt: row.withdrawnAt!.toISOString() },
        ],
      },
    });
    const inForce = await acceptanceInForce(tx, access.orgId, id);
    return presentAcceptance(row, definition, today, inForce?.id ?? null);
  });
  return { acceptance: withdrawn, scenario: await getScenario(store, access, id) };
}
