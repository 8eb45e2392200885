import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { assets, externalOrganizations } from '../inventory/inventory.table.ts';
import { appliedControls } from './controls.table.ts';
import type { TPathStepInput } from './scenarios.schema.ts';
import { riskScenarioLinks as l } from './scenarios.table.ts';
import type { LinkRole, LinkTargetType } from './scenarios.vocabulary.ts';
import { threats } from './threats.table.ts';
import { vulnerabilities } from './vulnerabilities.table.ts';

/** The lists a scenario names, as the API spells them; a list absent from a patch is left as it is. */
export interface LinkLists {
  assets?: string[] | undefined;
  path?: TPathStepInput[] | undefined;
  threats?: string[] | undefined;
  vulnerabilities?: string[] | undefined;
  existingControls?: string[] | undefined;
  plannedControls?: string[] | undefined;
}
type IdListName = Exclude<keyof LinkLists, 'path'>;

/** Each id list's link role and what its ids name (risk_scenario_links.role / target_type). */
const ID_LISTS: Record<IdListName, { role: LinkRole; target: LinkTargetType }> = {
  assets: { role: 'asset', target: 'asset' },
  threats: { role: 'threat', target: 'threat' },
  vulnerabilities: { role: 'vulnerability', target: 'vulnerability' },
  existingControls: { role: 'existing-control', target: 'control' },
  plannedControls: { role: 'planned-control', target: 'control' },
};
const ID_LIST_NAMES = Object.keys(ID_LISTS) as IdListName[];

const WHAT: Record<LinkTargetType, string> = {
  asset: 'asset',
  'external-org': 'external organization',
  threat: 'threat',
  vulnerability: 'vulnerability',
  control: 'applied control',
};

/**
 * The ids of `type` that exist in the organization, locked FOR KEY SHARE until the transaction ends: a
 * concurrent delete of a target (which locks it FOR UPDATE, then asks assertNotNamedByScenarios in scenario-usage.ts) waits for this
 * scenario's links to commit and then sees them, so nothing is deleted from under a scenario. Callers
 * take these locks before the scenario's own, as updateControl does (control, then scenarios).
 */
async function existingIds(tx: Queryable, orgId: string, type: LinkTargetType, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const pick = async (rows: Promise<{ id: string }[]>): Promise<Set<string>> => new Set((await rows).map((row) => row.id));
  switch (type) {
    case 'asset':
      return pick(
        tx
          .select({ id: assets.id })
          .from(assets)
          .where(and(eq(assets.orgId, orgId), inArray(assets.id, ids)))
          .for('key share'),
      );
    case 'external-org':
      return pick(
        tx
          .select({ id: externalOrganizations.id })
          .from(externalOrganizations)
          .where(and(eq(externalOrganizations.orgId, orgId), inArray(externalOrganizations.id, ids)))
          .for('key share'),
      );
    case 'threat':
      return pick(
        tx
          .select({ id: threats.id })
          .from(threats)
          .where(and(eq(threats.orgId, orgId), inArray(threats.id, ids)))
          .for('key share'),
      );
    case 'vulnerability':
      return pick(
        tx
          .select({ id: vulnerabilities.id })
          .from(vulnerabilities)
          .where(and(eq(vulnerabilities.orgId, orgId), inArray(vulnerabilities.id, ids)))
          .for('key share'),
      );
    case 'control':
      return pick(
        tx
          .select({ id: appliedControls.id })
          .from(appliedControls)
          .where(and(eq(appliedControls.orgId, orgId), inArray(appliedControls.id, ids)))
          .for('key share'),
      );
  }
}

/**
 * Checks that every id given names a row of this organization (422 naming each bad one, e.g.
 * `body.assets.1`; another tenant's id reads exactly like one that exists nowhere), and that the risk source
 * is a threat of kind source. Takes the target rows' key-share locks (see existingIds).
 */
export async function assertLinkTargets(
  tx: Queryable,
  orgId: string,
  lists: LinkLists & { riskSourceId?: string | null | undefined },
  prefix = 'body',
): Promise<void> {
  const wanted = new Map<LinkTargetType, Set<string>>();
  const want = (type: LinkTargetType, id: string): void => {
    const ids = wanted.get(type) ?? new Set<string>();
    wanted.set(type, ids.add(id));
  };
  for (const name of ID_LIST_NAMES) for (const id of lists[name] ?? []) want(ID_LISTS[name].target, id);
  for (const step of lists.path ?? []) want(step.type === 'asset' ? 'asset' : 'external-org', step.id);
  if (lists.riskSourceId) want('threat', lists.riskSourceId);

  const found = new Map<LinkTargetType, Set<string>>();
  for (const [type, ids] of wanted) found.set(type, await existingIds(tx, orgId, type, [...ids]));
  const exists = (type: LinkTargetType, id: string): boolean => found.get(type)?.has(id) ?? false;

  const issues: FieldIssue[] = [];
  const missing = (type: LinkTargetType): string => `no ${WHAT[type]} with this id in this organization`;
  for (const name of ID_LIST_NAMES) {
    const { target } = ID_LISTS[name];
    (lists[name] ?? []).forEach((id, i) => {
      if (!exists(target, id)) issues.push({ path: `${prefix}.${name}.${i}`, message: missing(target) });
    });
  }
  (lists.path ?? []).forEach((step, i) => {
    const type = step.type === 'asset' ? 'asset' : 'external-org';
    if (!exists(type, step.id)) issues.push({ path: `${prefix}.path.${i}.id`, message: missing(type) });
  });
  if (lists.riskSourceId) {
    const [source] = exists('threat', lists.riskSourceId)
      ? await tx
          .select({ kind: threats.kind })
          .from(threats)
          .where(and(eq(threats.orgId, orgId), eq(threats.id, lists.riskSourceId)))
      : [];
    if (source?.kind !== 'source')
      issues.push({
        path: `${prefix}.riskSourceId`,
        message: 'no risk source (a threat of kind source) with this id in this organization',
      });
  }
  if (issues.length > 0) throw unprocessable(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
}

/** Replaces the scenario's links for every list given (absent lists are kept); positions follow the order given. */
export async function writeLinks(tx: Queryable, orgId: string, scenarioId: string, lists: LinkLists): Promise<void> {
  const replace = async (role: LinkRole, rows: { targetType: LinkTargetType; targetId: string; note: string | null }[]): Promise<void> => {
    await tx.delete(l).where(and(eq(l.orgId, orgId), eq(l.scenarioId, scenarioId), eq(l.role, role)));
    if (rows.length === 0) return;
    await tx.insert(l).values(rows.map((row, position) => ({ orgId, scenarioId, role, position, ...row })));
  };
  for (const name of ID_LIST_NAMES) {
    const ids = lists[name];
    if (ids)
      await replace(
        ID_LISTS[name].role,
        ids.map((targetId) => ({ targetType: ID_LISTS[name].target, targetId, note: null })),
      );
  }
  if (lists.path) {
    await replace(
      'path',
      lists.path.map((step) => ({ targetType: step.type, targetId: step.id, note: step.note ?? null })),
    );
  }
}

export type LinkRow = typeof l.$inferSelect;

export async function readLinks(db: Queryable, orgId: string, scenarioId: string): Promise<LinkRow[]> {
  return db
    .select()
    .from(l)
    .where(and(eq(l.orgId, orgId), eq(l.scenarioId, scenarioId)))
    .orderBy(asc(l.role), asc(l.position));
}

/** The links as the API's lists (ids in order; path steps with their notes), for history and presentation. */
export function listsOf(rows: readonly LinkRow[]): Required<LinkLists> {
  const ids = (role: LinkRole): string[] => rows.filter((row) => row.role === role).map((row) => row.targetId);
  return {
    assets: ids('asset'),
    threats: ids('threat'),
    vulnerabilities: ids('vulnerability'),
    existingControls: ids('existing-control'),
    plannedControls: ids('planned-control'),
    path: rows
      .filter((row) => row.role === 'path')
      .map((row) => ({ type: row.targetType as TPathStepInput['type'], id: row.targetId, note: row.note })),
  };
}

