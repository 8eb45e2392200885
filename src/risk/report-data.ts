import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { heatMapOf } from './heat-map.service.ts';
import type { THeatMap, TRegisterFilter, TRegisterItem } from './register.schema.ts';
import { registerRows, resolveRegisterScope, todayUtc } from './register.service.ts';
import { SCENARIO_STATUSES, TREATMENT_OPTIONS, type ScenarioStatus, type TreatmentOption } from './scenarios.vocabulary.ts';

/*
 * What a risk report shows, gathered once and rendered as CSV, XLSX or PDF (report-*.ts): the filtered
 * register, highest priority first, its inherent and residual heat maps, and the counts a summary quotes.
 */

export interface ReportSummary {
  risks: number;
  /** Per risk level of the current version (current rating), lowest first; unrated apart. */
  byLevel: { name: string; colour: string; count: number }[];
  unrated: number;
  byStatus: Record<ScenarioStatus, number>;
  byTreatment: Record<TreatmentOption | 'none', number>;
  /** Current rating at a level its owner alone may not accept (the criteria's acceptance rules). */
  aboveAcceptable: number;
  inTreatment: number;
  reviewOverdue: number;
  acceptanceExpired: number;
  /** Planned controls across all plans, and how many of them are in place. */
  plannedControls: number;
  controlsInPlace: number;
}

export interface ReportData {
  org: { slug: string; name: string };
  /** YYYY-MM-DD (UTC), the date the report is as of. */
  date: string;
  criteria: { id: string; name: string; version: number } | null;
  current: TCriteriaDefinition | null;
  /** Whether filters narrowed the register (the report says so). */
  filtered: boolean;
  items: TRegisterItem[];
  heatMaps: { inherent: THeatMap | null; residual: THeatMap | null };
  summary: ReportSummary;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The counts of the summary, from the rows (pure). */
export function summarise(
  items: TRegisterItem[],
  current: TCriteriaDefinition | null,
  versions: Map<number, TCriteriaDefinition>,
): ReportSummary {
  const byLevel = (current?.levels ?? []).map((level) => ({ name: level.name, colour: level.colour, count: 0 }));
  const byStatus = zeroes(SCENARIO_STATUSES);
  const byTreatment = zeroes([...TREATMENT_OPTIONS, 'none'] as const);
  const summary: ReportSummary = {
    risks: items.length,
    byLevel,
    unrated: 0,
    byStatus,
    byTreatment,
    aboveAcceptable: 0,
    inTreatment: 0,
    reviewOverdue: 0,
    acceptanceExpired: 0,
    plannedControls: 0,
    controlsInPlace: 0,
  };
  for (const item of items) {
    const rating = item.ratings.current;
    const slot = rating ? byLevel[rating.level] : undefined;
    if (slot) slot.count++;
    else summary.unrated++;
    const definition = versions.get(item.criteriaVersion) ?? current;
    if (rating && definition && definition.acceptance[rating.level]?.by !== 'risk-owner') summary.aboveAcceptable++;
    byStatus[item.status]++;
    byTreatment[item.treatmentOption ?? 'none']++;
    if (item.status === 'in-treatment') summary.inTreatment++;
    if (item.reviewOverdue) summary.reviewOverdue++;
    if (item.acceptance?.expired) summary.acceptanceExpired++;
    summary.plannedControls += item.progress.planned;
    summary.controlsInPlace += item.progress.inPlace;
  }
  return summary;
}

/** Gathers a report's data for `access`'s organization: three queries besides the criteria (rows, two heat maps). */
export async function gatherReport(
  store: Store,
  access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>,
  filter: Partial<TRegisterFilter>,
): Promise<ReportData> {
  const date = todayUtc();
  const scope = await resolveRegisterScope(store, access, filter, date);
  const [org] = await store.query<{ slug: string; name: string }>('select slug, name from organizations where id = $1', [access.orgId]);
  const filtered = Object.entries(filter).some(([key, value]) => key !== 'criteriaId' && value !== undefined);
  if (!scope) {
    return {
      org: org!,
      date,
      criteria: null,
      current: null,
      filtered,
      items: [],
      heatMaps: { inherent: null, residual: null },
      summary: summarise([], null, new Map()),
    };
  }
  const [items, inherent, residual] = await Promise.all([
    registerRows(store, scope, filter),
    heatMapOf(store, scope, filter, 'inherent'),
    heatMapOf(store, scope, filter, 'residual'),
  ]);
  return {
    org: org!,
    date,
    criteria: scope.criteria,
    current: scope.current,
    filtered,
    items,
    heatMaps: { inherent, residual },
    summary: summarise(items, scope.current, scope.versions),
  };
}

/** Dark or white text, whichever reads better on a `#RRGGBB` background (relative luminance). */
export function inkOn(background: string): string {
  const channel = (offset: number): number => {
    const value = parseInt(background.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.35 ? '#1F2933' : '#FFFFFF';
}
