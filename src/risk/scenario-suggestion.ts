import { and, eq, inArray } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { AppError, notFound } from '../platform/errors/catalogue.ts';
import { computeBlastRadius } from '../inventory/analytics-reach.service.ts';
import { assets } from '../inventory/inventory.table.ts';
import { getScale } from '../inventory/scale.service.ts';
import { PROTECTION_FIELDS, type ProtectionField } from '../inventory/scale.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { currentCriteria } from './scenario-criteria.ts';
import { consequenceForRequirement } from './scenario-rating.ts';
import type { TSuggestion } from './scenarios.schema.ts';

/** Where a suggestion starts: an asset or outside organization a scenario names. */
export interface SuggestionStart {
  type: 'asset' | 'external-org';
  id: string;
}

/** The most nodes one blast radius lists; beyond it the suggestion says it is truncated. */
const REACH_LIMIT = 20_000;

/**
 * The consequence the dependency graph suggests for a risk to `starts`: the primary assets in their blast
 * radius (what relies on them, directly or not, from the inventory's analytics), with their CIA
 * requirements; the highest requirement among those and the assets named themselves, mapped onto the
 * criteria's consequence scale (consequenceForRequirement).
 */
export async function suggestConsequence(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  starts: readonly SuggestionStart[],
  definition: TCriteriaDefinition,
): Promise<TSuggestion> {
  const reached = new Map<string, { distance: number; reachedFrom: string }>();
  let truncated = false;
  for (const start of starts) {
    let radius;
    try {
      radius = await computeBlastRadius(store, access, start.id, { limit: REACH_LIMIT }, start.type === 'asset' ? 'asset' : 'organization');
    } catch (error) {
      // Deleted since it was named: it reaches nothing any more.
      if (error instanceof AppError && error.code === 'NOT_FOUND') continue;
      throw error;
    }
    truncated ||= radius.truncated;
    for (const item of radius.items) {
      if (item.category !== 'primary') continue;
      const known = reached.get(item.node.id);
      if (!known || item.distance < known.distance) reached.set(item.node.id, { distance: item.distance, reachedFrom: start.id });
    }
  }
  const ownIds = [...new Set(starts.filter((start) => start.type === 'asset').map((start) => start.id))];
  const ids = [...new Set([...ownIds, ...reached.keys()])];
  const rows =
    ids.length === 0
      ? []
      : await store.db
          .select({
            id: assets.id,
            name: assets.name,
            kind: assets.kind,
            confidentiality: assets.confidentiality,
            integrity: assets.integrity,
            availability: assets.availability,
          })
          .from(assets)
          .where(and(eq(assets.orgId, access.orgId), inArray(assets.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ownAssets = ownIds.flatMap((id) => byId.get(id) ?? []);
  const primaryAssets = [...reached.entries()]
    .filter(([id]) => byId.has(id) && !ownIds.includes(id))
    .map(([id, where]) => ({ ...byId.get(id)!, ...where }))
    .sort((a, b) => a.distance - b.distance || a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));

  const scale = await getScale(store, access);
  let highest: TSuggestion['highestRequirement'] = null;
  for (const asset of [...ownAssets, ...primaryAssets]) {
    for (const property of PROTECTION_FIELDS as readonly ProtectionField[]) {
      const level = asset[property];
      if (level !== null && (highest === null || level > highest.level)) {
        highest = { level, levelName: scale.levels[level - 1]?.name ?? `#${level}`, property, assetId: asset.id };
      }
    }
  }
  const levels = scale.levels.length;
  const top = definition.consequence.length - 1;
  const index = highest === null ? null : consequenceForRequirement(highest.level, levels, definition.consequence.length);
  return {
    ownAssets,
    primaryAssets,
    highestRequirement: highest,
    consequence: index === null ? null : { index, name: definition.consequence[index]!.name },
    mapping: `Protection levels 1–${levels} are spread evenly over consequence levels 0–${top}: the lowest requirement maps to the lowest consequence, the highest to the highest (rounded to the nearest level, halves up).`,
    truncated,
  };
}

/** The suggestion for a new scenario about one asset, on the current version of the criteria named (or the default). */
export async function assetRiskSuggestion(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  assetId: string,
  criteriaId: string | undefined,
): Promise<TSuggestion & { criteria: { id: string; name: string; version: number } }> {
  const [asset] = await store.db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.orgId, access.orgId), eq(assets.id, assetId)));
  if (!asset) throw notFound('Asset');
  const criteria = await currentCriteria(store.db, access.orgId, criteriaId, 'query.criteriaId');
  const suggestion = await suggestConsequence(store, access, [{ type: 'asset', id: assetId }], criteria.definition);
  return { ...suggestion, criteria: { id: criteria.id, name: criteria.name, version: criteria.version } };
}
