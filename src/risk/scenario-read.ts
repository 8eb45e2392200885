import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { users } from '../platform/orgs/orgs.table.ts';
import { assets, externalOrganizations } from '../inventory/inventory.table.ts';
import { appliedControls } from './controls.table.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { loadCriteria } from './scenario-criteria.ts';
import { listsOf, readLinks } from './scenario-links.ts';
import { presentRating } from './scenario-rating.ts';
import { isInPlace, treatmentProgress } from './scenario-residual.ts';
import {
  acceptanceInForce,
  isExpired,
  plannedControlStates,
  ratingOf,
  todayOf,
  type AcceptanceRow,
  type ScenarioRow,
} from './scenario-state.ts';
import { suggestConsequence } from './scenario-suggestion.ts';
import type { TAcceptance, TControlRef, TScenario } from './scenarios.schema.ts';
import { riskScenarios } from './scenarios.table.ts';
import { threats } from './threats.table.ts';
import { vulnerabilities } from './vulnerabilities.table.ts';

/** Shown for a link whose target was deleted from under the scenario (deletes are refused, but imports may not be). */
const GONE = '(deleted)';

export function presentAcceptance(
  row: AcceptanceRow,
  definition: TCriteriaDefinition,
  today: string,
  inForceId: string | null,
): TAcceptance {
  const expired = isExpired(row.expiresOn, today);
  return {
    id: row.id,
    level: row.level,
    levelName: definition.levels[row.level]?.name ?? `#${row.level}`,
    criteriaVersion: row.criteriaVersion,
    acceptedBy: { id: row.acceptedBy, label: row.acceptedByLabel },
    authority: row.authority as TAcceptance['authority'],
    justification: row.justification,
    conditions: row.conditions,
    acceptedAt: row.acceptedAt.toISOString(),
    expiresOn: row.expiresOn,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: row.withdrawnBy,
    expired,
    inForce: row.id === inForceId && !expired,
  };
}

async function controlRefs(db: Queryable, orgId: string, ids: string[], today: string): Promise<TControlRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(appliedControls)
    .where(and(eq(appliedControls.orgId, orgId), inArray(appliedControls.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) return { id, refId: null, title: GONE, status: 'planned', owner: null, dueDate: null, overdue: false, effectiveness: null };
    return {
      id,
      refId: row.refId,
      title: row.title,
      status: row.status as TControlRef['status'],
      owner: row.owner,
      dueDate: row.dueDate,
      overdue: row.dueDate !== null && row.dueDate < today && !isInPlace(row.status),
      effectiveness: row.effectiveness,
    };
  });
}

/** Names of the assets, organizations, threats and vulnerabilities a scenario's links point at. */
async function linkTargets(
  db: Queryable,
  orgId: string,
  ids: { assets: string[]; orgs: string[]; threats: string[]; vulnerabilities: string[] },
) {
  const none = Promise.resolve([]);
  const [assetRows, orgRows, threatRows, vulnerabilityRows] = await Promise.all([
    ids.assets.length === 0
      ? none
      : db
          .select({ id: assets.id, name: assets.name, kind: assets.kind, criticality: assets.criticality })
          .from(assets)
          .where(and(eq(assets.orgId, orgId), inArray(assets.id, ids.assets))),
    ids.orgs.length === 0
      ? none
      : db
          .select({ id: externalOrganizations.id, name: externalOrganizations.name })
          .from(externalOrganizations)
          .where(and(eq(externalOrganizations.orgId, orgId), inArray(externalOrganizations.id, ids.orgs))),
    ids.threats.length === 0
      ? none
      : db
          .select({ id: threats.id, name: threats.name, kind: threats.kind, category: threats.category, externalId: threats.externalId })
          .from(threats)
          .where(and(eq(threats.orgId, orgId), inArray(threats.id, ids.threats))),
    ids.vulnerabilities.length === 0
      ? none
      : db
          .select({
            id: vulnerabilities.id,
            cveId: vulnerabilities.cveId,
            title: vulnerabilities.title,
            cvssScore: vulnerabilities.cvssScore,
            cvssSeverity: vulnerabilities.cvssSeverity,
            knownExploited: sql<boolean>`exists (select 1 from kev_entries k where k.org_id = ${vulnerabilities.orgId} and k.cve_id = ${vulnerabilities.cveId})`,
          })
          .from(vulnerabilities)
          .where(and(eq(vulnerabilities.orgId, orgId), inArray(vulnerabilities.id, ids.vulnerabilities))),
  ]);
  return {
    assets: new Map(assetRows.map((row) => [row.id, row])),
    orgs: new Map(orgRows.map((row) => [row.id, row])),
    threats: new Map(threatRows.map((row) => [row.id, row])),
    vulnerabilities: new Map(vulnerabilityRows.map((row) => [row.id, row])),
  };
}

/** The scenario as the API shows it: links named, ratings named with its criteria version, plan, acceptance, suggestion. */
export async function presentScenario(store: Store, row: ScenarioRow, now: Date = new Date()): Promise<TScenario> {
  const db = store.db;
  const today = todayOf(now);
  const criteria = await loadCriteria(db, row.orgId, row.criteriaId, row.criteriaVersion);
  const { definition } = criteria;
  const lists = listsOf(await readLinks(db, row.orgId, row.id));
  const pathAssets = lists.path.filter((step) => step.type === 'asset').map((step) => step.id);
  const pathOrgs = lists.path.filter((step) => step.type === 'external-org').map((step) => step.id);
  const named = await linkTargets(db, row.orgId, {
    assets: [...lists.assets, ...pathAssets],
    orgs: pathOrgs,
    threats: row.riskSourceId ? [...lists.threats, row.riskSourceId] : lists.threats,
    vulnerabilities: lists.vulnerabilities,
  });
  const [existingControls, plannedControls, owner, acceptance] = await Promise.all([
    controlRefs(db, row.orgId, lists.existingControls, today),
    controlRefs(db, row.orgId, lists.plannedControls, today),
    row.ownerId
      ? db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, row.ownerId))
          .then((found) => found[0] ?? null)
      : null,
    acceptanceInForce(db, row.orgId, row.id),
  ]);
  const progress = treatmentProgress(await plannedControlStates(db, row.orgId, row.id));
  const source = row.riskSourceId ? named.threats.get(row.riskSourceId) : undefined;
  // An acceptance made before the scenario was re-based names its level with the version it was made on.
  const acceptedOn =
    acceptance && acceptance.criteriaVersion !== row.criteriaVersion
      ? (await loadCriteria(db, row.orgId, row.criteriaId, acceptance.criteriaVersion)).definition
      : definition;
  const presentedAcceptance = acceptance ? presentAcceptance(acceptance, acceptedOn, today, acceptance.id) : null;
  const suggestion = await suggestConsequence(
    store,
    { orgId: row.orgId },
    [...lists.assets.map((id) => ({ type: 'asset' as const, id })), ...lists.path.map((step) => ({ type: step.type, id: step.id }))],
    definition,
  );
  return {
    id: row.id,
    refId: row.refId,
    title: row.title,
    description: row.description,
    approach: row.approach as TScenario['approach'],
    status: row.status as TScenario['status'],
    owner,
    criteria: { id: criteria.id, name: criteria.name, version: criteria.version, latestVersion: criteria.latestVersion },
    riskSource: row.riskSourceId ? { id: row.riskSourceId, name: source?.name ?? GONE, category: source?.category ?? null } : null,
    desiredEndState: row.desiredEndState,
    path: lists.path.map((step, position) => {
      const target = step.type === 'asset' ? named.assets.get(step.id) : named.orgs.get(step.id);
      const kind = step.type === 'asset' ? (named.assets.get(step.id)?.kind ?? 'asset') : 'organization';
      return { position, type: step.type, id: step.id, name: target?.name ?? GONE, kind, note: step.note ?? null };
    }),
    assets: lists.assets.map((id) => named.assets.get(id) ?? { id, name: GONE, kind: 'asset', criticality: 0 }),
    threats: lists.threats
      .map((id) => named.threats.get(id) ?? { id, name: GONE, kind: 'event', externalId: null })
      .map(({ id, name, kind, externalId }) => ({ id, name, kind, externalId })),
    vulnerabilities: lists.vulnerabilities.map(
      (id) => named.vulnerabilities.get(id) ?? { id, cveId: null, title: GONE, cvssScore: null, cvssSeverity: null, knownExploited: false },
    ),
    existingControls,
    inherent: presentRating(definition, ratingOf(row, 'inherent')),
    current: presentRating(definition, ratingOf(row, 'current')),
    target: presentRating(definition, ratingOf(row, 'target')),
    residual: presentRating(definition, ratingOf(row, 'residual')),
    rationale: row.rationale,
    strengthOfKnowledge: row.strengthOfKnowledge as TScenario['strengthOfKnowledge'],
    evaluation: row.evaluation as TScenario['evaluation'],
    treatment: row.treatmentOption
      ? {
          option: row.treatmentOption as NonNullable<TScenario['treatment']>['option'],
          justification: row.treatmentJustification,
          plannedControls,
          progress: { planned: progress.planned, inPlace: progress.inPlace, percent: progress.percent },
        }
      : null,
    acceptance: presentedAcceptance,
    acceptanceExpired: presentedAcceptance?.expired ?? false,
    reviewDue: row.reviewDue,
    reviewOverdue: row.reviewDue !== null && row.reviewDue < today,
    lastReviewedAt: row.lastReviewedAt?.toISOString() ?? null,
    suggestion,
    tags: row.tags,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getScenario(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TScenario> {
  const [row] = await store.db
    .select()
    .from(riskScenarios)
    .where(and(eq(riskScenarios.orgId, access.orgId), eq(riskScenarios.id, id)));
  if (!row) throw notFound('Risk scenario');
  return presentScenario(store, row);
}
