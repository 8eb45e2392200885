import { appendAudit } from '../../src/platform/audit/audit.store.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import type { Store } from '../../src/platform/db/store.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { rate, type TCriteriaDefinition } from '../../src/risk/criteria.definition.ts';
import { riskAcceptances, riskScenarioLinks, riskScenarios } from '../../src/risk/scenarios.table.ts';
import type { LinkRole, LinkTargetType } from '../../src/risk/scenarios.vocabulary.ts';

/*
 * Risk scenarios written straight into the tables, for tests of what reads them (register, heat maps,
 * reports) without going through the scenario service. Ratings are given as [likelihood, consequence] and
 * their level is computed with rate() from the version the scenario is on, as the service would.
 */

export interface CriteriaOnFile {
  id: string;
  version: number;
  definition: TCriteriaDefinition;
}

type Cell = [likelihood: number, consequence: number];

export interface ScenarioSpec {
  refId: string;
  title?: string;
  approach?: 'event-based' | 'asset-based';
  status?: 'identified' | 'assessed' | 'in-treatment' | 'treated' | 'accepted' | 'closed';
  ownerId?: string | null;
  riskSourceId?: string | null;
  criteria: CriteriaOnFile;
  inherent?: Cell;
  current?: Cell;
  target?: Cell;
  residual?: Cell;
  evaluation?: 'acceptable' | 'to-treat';
  treatmentOption?: 'avoid' | 'modify' | 'share' | 'retain';
  reviewDue?: string;
  updatedAt?: Date;
  links?: { role: LinkRole; targetType: LinkTargetType; targetId: string }[];
  /** Oldest first; `acceptedBy` is a user of the organization. */
  acceptances?: { acceptedBy: string; acceptedAt: Date; expiresOn: string; withdrawn?: boolean }[];
}

function rating(definition: TCriteriaDefinition, prefix: 'inherent' | 'current' | 'target' | 'residual', cell: Cell | undefined) {
  const r = cell ? rate(definition, cell[0], cell[1]) : null;
  return {
    [`${prefix}Likelihood`]: r?.likelihood ?? null,
    [`${prefix}Consequence`]: r?.consequence ?? null,
    [`${prefix}Level`]: r?.level ?? null,
  };
}

/**
 * Inserts the scenarios with their links and acceptances; returns their ids by reference. Like every write,
 * it appends to the organization's audit chain (readers cache by its head: src/risk/register-cache.ts).
 */
export async function insertScenarios(store: Store, orgId: string, specs: ScenarioSpec[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const base = Date.UTC(2025, 0, 1);
  for (const [i, spec] of specs.entries()) {
    const id = newId();
    ids.set(spec.refId, id);
    const { definition } = spec.criteria;
    const at = spec.updatedAt ?? new Date(base + i * 60_000);
    await store.db.insert(riskScenarios).values({
      orgId,
      id,
      refId: spec.refId,
      title: spec.title ?? `Scenario ${spec.refId}`,
      approach: spec.approach ?? 'asset-based',
      status: spec.status ?? (spec.current ? 'assessed' : 'identified'),
      ownerId: spec.ownerId ?? null,
      riskSourceId: spec.riskSourceId ?? null,
      criteriaId: spec.criteria.id,
      criteriaVersion: spec.criteria.version,
      ...rating(definition, 'inherent', spec.inherent),
      ...rating(definition, 'current', spec.current),
      ...rating(definition, 'target', spec.target),
      ...rating(definition, 'residual', spec.residual),
      rationale: {},
      evaluation: spec.evaluation ?? null,
      treatmentOption: spec.treatmentOption ?? null,
      reviewDue: spec.reviewDue ?? null,
      tags: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    for (const [position, link] of (spec.links ?? []).entries()) {
      await store.db.insert(riskScenarioLinks).values({ orgId, scenarioId: id, ...link, position });
    }
    for (const acceptance of spec.acceptances ?? []) {
      await store.db.insert(riskAcceptances).values({
        orgId,
        id: newId(),
        scenarioId: id,
        level: spec.current ? rate(definition, spec.current[0], spec.current[1]).level : 0,
        criteriaVersion: spec.criteria.version,
        acceptedBy: acceptance.acceptedBy,
        acceptedByLabel: 'test',
        authority: 'risk-owner',
        justification: 'test acceptance',
        acceptedAt: acceptance.acceptedAt,
        expiresOn: acceptance.expiresOn,
        withdrawnAt: acceptance.withdrawn ? new Date(acceptance.acceptedAt.getTime() + 1000) : null,
        withdrawnBy: acceptance.withdrawn ? 'test' : null,
      });
    }
  }
  await store.db.transaction((tx) =>
    appendAudit(tx, orgId, {
      actor: SYSTEM_ACTOR,
      action: 'risk-scenario.created',
      targetType: 'risk-scenario',
      targetId: [...ids.values()][0]!,
      summary: { fixture: specs.length },
    }),
  );
  return ids;
}
