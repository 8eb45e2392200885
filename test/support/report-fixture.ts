import { criteriaTemplate } from '../../src/risk/criteria.templates.ts';
import { summarise, type ReportData } from '../../src/risk/report-data.ts';
import { ratingView } from '../../src/risk/register.service.ts';
import type { TCriteriaDefinition } from '../../src/risk/criteria.definition.ts';
import type { THeatMap, TRegisterItem } from '../../src/risk/register.schema.ts';

/* Report data built in memory on the built-in 5×5 criteria, for the report's wording and PDF tests. */

export const FIVE = criteriaTemplate('5x5');

/** A register row titled by its reference, rated at `cell` ([likelihood, consequence]) or not rated. */
export function reportItem(
  ref: string,
  cell: [number, number] | null,
  extra: Partial<TRegisterItem> = {},
  criteria: TCriteriaDefinition = FIVE,
): TRegisterItem {
  return {
    id: ref,
    refId: ref,
    title: ref,
    approach: 'asset-based',
    status: 'assessed',
    owner: null,
    criteriaVersion: 1,
    ratings: {
      inherent: null,
      current: cell ? ratingView(criteria, cell[0], cell[1], criteria.matrix[cell[0]]![cell[1]]!) : null,
      target: null,
      residual: null,
    },
    evaluation: null,
    treatmentOption: null,
    progress: { planned: 0, inPlace: 0 },
    reviewDue: null,
    reviewOverdue: false,
    acceptance: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** The whole report of `items` for the organization "Acme" on 2025-06-01, without heat maps. */
export function reportOf(items: TRegisterItem[], extra: Partial<ReportData> = {}, criteria: TCriteriaDefinition = FIVE): ReportData {
  return {
    org: { slug: 'acme', name: 'Acme' },
    date: '2025-06-01',
    criteria: { id: 'c', name: 'Standard 5×5', version: 1 },
    current: criteria,
    filtered: false,
    items,
    heatMaps: { inherent: null, residual: null },
    summary: summarise(items, criteria, new Map([[1, criteria]])),
    ...extra,
  };
}

/** The heat map of the items' current ratings on `criteria`. */
export function currentHeatMap(items: TRegisterItem[], criteria: TCriteriaDefinition = FIVE): THeatMap {
  const cells = criteria.matrix.map((row) => row.map((level) => ({ count: 0, level })));
  let total = 0;
  for (const item of items) {
    const rating = item.ratings.current;
    if (!rating) continue;
    cells[rating.likelihood]![rating.consequence]!.count++;
    total++;
  }
  return {
    criteria: { id: 'c', name: 'Standard 5×5', version: 1 },
    rating: 'current',
    likelihood: criteria.likelihood.map((step) => step.name),
    consequence: criteria.consequence.map((step) => step.name),
    levels: criteria.levels.map(({ name, colour }) => ({ name, colour })),
    cells,
    total,
    unrated: items.length - total,
    otherScale: 0,
  };
}
