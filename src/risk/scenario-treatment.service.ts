import { and, asc, eq } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { assertVersion } from '../inventory/write-kit.ts';
import { appliedControls } from './controls.table.ts';
import { loadCriteria } from './scenario-criteria.ts';
import { diffFields } from './scenario-history.ts';
import { assertLinkTargets, listsOf, readLinks, writeLinks } from './scenario-links.ts';
import { getScenario } from './scenario-read.ts';
import { assertScenarioExists, lockScenario, saveScenario, settle, todayOf } from './scenario-state.ts';
import type { TScenario, TTreatmentInput } from './scenarios.schema.ts';
import { riskScenarioLinks } from './scenarios.table.ts';

/**
 * Risk treatment: the option, why, and the plan's applied controls. The residual rating and the status
 * follow from the plan's progress (scenario-residual.ts).
 */
export async function setTreatment(
  store: Store,
  access: OrgAccess,
  id: string,
  input: Omit<TTreatmentInput, 'version'>,
  expectedVersion: number,
): Promise<TScenario> {
  await store.db.transaction(async (tx) => {
    const now = new Date();
    await assertScenarioExists(tx, access.orgId, id);
    // The planned controls are locked before the scenario, in the order updateControl takes them (control,
    // then the scenarios planning it): a control changing meanwhile either waits for this plan or is seen by it.
    await assertLinkTargets(tx, access.orgId, { plannedControls: input.plannedControls }, 'body');
    const before = await lockScenario(tx, access.orgId, id);
    assertVersion('risk scenario', before.version, expectedVersion);
    const planBefore = listsOf(await readLinks(tx, access.orgId, id)).plannedControls;
    await writeLinks(tx, access.orgId, id, { plannedControls: input.plannedControls });
    const criteria = await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const { row } = await settle(
      tx,
      { ...before, treatmentOption: input.option, treatmentJustification: input.justification },
      criteria.definition,
      todayOf(now),
    );
    const extra = diffFields({ plannedControls: planBefore }, { plannedControls: input.plannedControls });
    await saveScenario(tx, access, before, row, 'treatment', { extra, now });
  });
  return getScenario(store, access, id);
}

/**
 * After an applied control's status or effectiveness changed (in the caller's transaction, which holds the
 * control's lock): recomputes the residual rating and status of every scenario whose plan names it, each
 * whose residual or status moved getting version + 1, a 'residual-recomputed' history row and an audit entry.
 * Scenarios are locked in id order, so two such recomputations cannot deadlock.
 */
export async function recomputeResidualForControl(tx: Queryable, access: OrgAccess, controlId: string): Promise<void> {
  const planning = await tx
    .selectDistinct({ id: riskScenarioLinks.scenarioId })
    .from(riskScenarioLinks)
    .where(
      and(
        eq(riskScenarioLinks.orgId, access.orgId),
        eq(riskScenarioLinks.targetId, controlId),
        eq(riskScenarioLinks.role, 'planned-control'),
      ),
    )
    .orderBy(asc(riskScenarioLinks.scenarioId));
  if (planning.length === 0) return;
  const [control] = await tx
    .select({
      refId: appliedControls.refId,
      title: appliedControls.title,
      status: appliedControls.status,
      effectiveness: appliedControls.effectiveness,
    })
    .from(appliedControls)
    .where(and(eq(appliedControls.orgId, access.orgId), eq(appliedControls.id, controlId)));
  const label = control ? `${control.refId ? `${control.refId} ` : ''}${control.title}` : controlId;
  const note = control
    ? `Applied control ${label} is ${control.status}${control.effectiveness === null ? '' : ` (effectiveness ${control.effectiveness} %)`}`
    : null;
  const now = new Date();
  for (const { id } of planning) {
    const before = await lockScenario(tx, access.orgId, id);
    const criteria = await loadCriteria(tx, access.orgId, before.criteriaId, before.criteriaVersion);
    const { row } = await settle(tx, before, criteria.definition, todayOf(now));
    const moved =
      row.status !== before.status ||
      row.residualLikelihood !== before.residualLikelihood ||
      row.residualConsequence !== before.residualConsequence ||
      row.residualLevel !== before.residualLevel;
    if (moved) await saveScenario(tx, access, before, row, 'residual-recomputed', { note, now, summary: { controlId } });
  }
}
