import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { conflict, unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { memberships, organizations } from '../platform/orgs/orgs.table.ts';
import { newId } from '../platform/util/ids.ts';
import { assertVersion, definedOnly } from '../inventory/write-kit.ts';
import { currentCriteria, loadCriteria } from './scenario-criteria.ts';
import { diffFields, recordScenarioChange, type Changes } from './scenario-history.ts';
import { assertLinkTargets, listsOf, readLinks, writeLinks, type LinkLists } from './scenario-links.ts';
import { getScenario } from './scenario-read.ts';
import { assertScenarioExists, historyView, lockScenario, saveScenario, settle, todayOf, type ScenarioRow } from './scenario-state.ts';
import type { TCreateScenario, TPathStepInput, TScenario, TUpdateScenario } from './scenarios.schema.ts';
import { riskScenarios } from './scenarios.table.ts';

export { getScenario } from './scenario-read.ts';

/** @throws AppError UNPROCESSABLE at `path` unless the user is a member of the organization */
async function assertMember(tx: Queryable, orgId: string, userId: string, path: string): Promise<void> {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  if (!member)
    throw unprocessable('The owner must be a member of the organization', [
      { path, message: 'no member of this organization with this id' },
    ]);
}

/** References are unique per organization, case-insensitive (409 naming the field). */
async function assertRefFree(tx: Queryable, orgId: string, refId: string, except: string | null): Promise<void> {
  const [clash] = await tx
    .select({ id: riskScenarios.id })
    .from(riskScenarios)
    .where(and(eq(riskScenarios.orgId, orgId), sql`lower(${riskScenarios.refId}) = lower(${refId})`));
  if (clash && clash.id !== except) throw conflict(`A risk scenario with reference "${refId}" already exists`, 'body.refId');
}

/** The next "R-nnn" after the highest number any "R-<digits>" reference uses (the caller holds the organization lock). */
async function nextRefId(tx: Queryable, orgId: string): Promise<string> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(substring(${riskScenarios.refId} from '^[Rr]-([0-9]{1,9})$')::int), 0)::int` })
    .from(riskScenarios)
    .where(eq(riskScenarios.orgId, orgId));
  return `R-${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** A risk source, its objective and a path describe an event-based scenario; an asset-based one has none of them. */
function assertApproachFits(state: {
  approach: string;
  riskSourceId: string | null;
  desiredEndState: string | null;
  path: TPathStepInput[];
}): void {
  if (state.approach !== 'asset-based') return;
  const issues: FieldIssue[] = [];
  if (state.riskSourceId !== null) issues.push({ path: 'body.riskSourceId', message: 'only an event-based scenario has a risk source' });
  if (state.desiredEndState !== null)
    issues.push({ path: 'body.desiredEndState', message: 'only an event-based scenario has a desired end state' });
  if (state.path.length > 0) issues.push({ path: 'body.path', message: 'only an event-based scenario has a path' });
  if (issues.length > 0)
    throw unprocessable('An asset-based scenario names assets, threats and vulnerabilities, not a risk source’s path', issues);
}

/** field → [before, after] for each list given that differs from what the scenario names. */
function linkChanges(before: Required<LinkLists>, given: LinkLists): Changes {
  const after = definedOnly(given) as Record<string, unknown>;
  const normalised = Object.fromEntries(
    Object.entries(after).map(([name, value]) => [
      name,
      name === 'path' ? (value as TPathStepInput[]).map((step) => ({ type: step.type, id: step.id, note: step.note ?? null })) : value,
    ]),
  );
  return diffFields(before as Record<string, unknown>, normalised);
}

/** A creation's changes without the fields it left empty (null, [] or {}): the history shows what was given. */
function withoutEmpty(changes: Changes): Changes {
  const isEmpty = (value: unknown): boolean =>
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && Object.keys(value as object).length === 0);
  return Object.fromEntries(Object.entries(changes).filter(([, [, after]]) => !isEmpty(after)));
}

export async function createScenario(store: Store, access: OrgAccess, input: TCreateScenario): Promise<TScenario> {
  const id = await store.db.transaction(async (tx) => {
    const { orgId } = access;
    if (input.ownerId) await assertMember(tx, orgId, input.ownerId, 'body.ownerId');
    const criteria = await currentCriteria(tx, orgId, input.criteriaId, 'body.criteriaId');
    const lists: LinkLists = {
      assets: input.assets,
      path: input.path,
      threats: input.threats,
      vulnerabilities: input.vulnerabilities,
      existingControls: input.existingControls,
    };
    assertApproachFits({
      approach: input.approach,
      riskSourceId: input.riskSourceId ?? null,
      desiredEndState: input.desiredEndState ?? null,
      path: input.path,
    });
    await assertLinkTargets(tx, orgId, { ...lists, riskSourceId: input.riskSourceId }, 'body');
    // The organization's row lock serialises creations, so two of them cannot pick the same next reference.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('no key update');
    if (input.refId) await assertRefFree(tx, orgId, input.refId, null);
    const now = new Date();
    const row: ScenarioRow = {
      orgId,
      id: newId(),
      refId: input.refId ?? (await nextRefId(tx, orgId)),
      title: input.title,
      description: input.description ?? null,
      approach: input.approach,
      status: 'identified',
      ownerId: input.ownerId ?? null,
      riskSourceId: input.riskSourceId ?? null,
      desiredEndState: input.desiredEndState ?? null,
      criteriaId: criteria.id,
      criteriaVersion: criteria.version,
      inherentLikelihood: null,
      inherentConsequence: null,
      inherentLevel: null,
      currentLikelihood: null,
      currentConsequence: null,
      currentLevel: null,
      targetLikelihood: null,
      targetConsequence: null,
      targetLevel: null,
      residualLikelihood: null,
      residualConsequence: null,
      residualLevel: null,
      rationale: {},
      strengthOfKnowledge: null,
      evaluation: null,
      treatmentOption: null,
      treatmentJustification: null,
      reviewDue: null,
      lastReviewedAt: null,
      tags: input.tags,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(riskScenarios).values(row);
    await writeLinks(tx, orgId, row.id, lists);
    const empty = listsOf([]);
    await recordScenarioChange(
      tx,
      access,
      {
        scenario: row,
        action: 'created',
        changes: withoutEmpty({ ...diffFields({}, historyView(row)), ...linkChanges(empty, lists) }),
        after: row,
        summary: { criteria: criteria.name, criteriaVersion: criteria.version },
      },
      now,
    );
    return row.id;
  });
  return getScenario(store, access, id);
}

/** Changes descriptive fields, the owner and the lists named (each list given replaces the old one). */
export async function updateScenario(
  store: Store,
  access: OrgAccess,
  id: string,
  patch: Omit<TUpdateScenario, 'version'>,
  expectedVersion: number | undefined,
): Promise<TScenario> {
  await store.db.transaction(async (tx) => {
    const { orgId } = access;
    await assertScenarioExists(tx, orgId, id);
    const { path, assets, threats, vulnerabilities, existingControls, closed, ...fields } = patch;
    const given: LinkLists = { path, assets, threats, vulnerabilities, existingControls };
    if (patch.ownerId) await assertMember(tx, orgId, patch.ownerId, 'body.ownerId');
    await assertLinkTargets(tx, orgId, { ...given, riskSourceId: patch.riskSourceId }, 'body');
    const before = await lockScenario(tx, orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    if (fields.refId !== undefined) await assertRefFree(tx, orgId, fields.refId, id);
    const linksBefore = listsOf(await readLinks(tx, orgId, id));
    let next: ScenarioRow = { ...before, ...(definedOnly(fields) as Partial<ScenarioRow>) };
    assertApproachFits({ ...next, path: path ?? linksBefore.path });
    const links = linkChanges(linksBefore, given);
    await writeLinks(tx, orgId, id, given);
    if (closed === true) next = { ...next, status: 'closed' };
    if (closed === false && before.status === 'closed') {
      const criteria = await loadCriteria(tx, orgId, before.criteriaId, before.criteriaVersion);
      next = (await settle(tx, next, criteria.definition, todayOf(new Date()), { reopen: true })).row;
    }
    if (Object.keys(links).length === 0 && Object.keys(diffFields(historyView(before), historyView(next))).length === 0) return;
    await saveScenario(tx, access, before, next, 'updated', { extra: links });
  });
  return getScenario(store, access, id);
}

/** Deletes the scenario with its links, acceptances and history (the audit trail keeps the record). */
export async function deleteScenario(store: Store, access: OrgAccess, id: string, expectedVersion: number | undefined): Promise<void> {
  await store.db.transaction(async (tx) => {
    const before = await lockScenario(tx, access.orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    await tx.delete(riskScenarios).where(and(eq(riskScenarios.orgId, access.orgId), eq(riskScenarios.id, id)));
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'risk-scenario.deleted',
      targetType: 'risk-scenario',
      targetId: id,
      before,
      summary: { refId: before.refId, title: before.title, status: before.status },
    });
  });
}
