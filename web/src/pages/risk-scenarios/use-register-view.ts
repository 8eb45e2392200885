import { orgPath } from '../../router/org-path';
import { navigate, useLocation } from '../../router/router';
import { EVALUATION_LABELS, HEAT_MAP_RATINGS, STATUS_LABELS, TREATMENT_LABELS } from './scenario-labels';
import type { Evaluation, HeatMapRating, RegisterQuery, RegisterSort, ScenarioStatus, TreatmentOption } from './scenario-types';
import { REGISTER_PAGE_SIZE } from './use-scenarios';

/** What the register shows, as the URL's query string holds it (so a view can be shared, and Back works). */
export interface RegisterView {
  /** The criteria set shown (an id), or '' for the organization's default. Not a filter: "Clear" keeps it. */
  criteria: string;
  level: number[];
  residualLevel: number[];
  status: ScenarioStatus[];
  ownerId: string;
  treatment: TreatmentOption[];
  evaluation: Evaluation | undefined;
  reviewOverdue: boolean;
  acceptanceExpired: boolean;
  q: string;
  /** A heat-map cell, `<rating>:<likelihood>:<consequence>` (zero-based), or ''. */
  cell: string;
  sort: RegisterSort;
  direction: 'asc' | 'desc' | undefined;
  page: number;
}

export interface HeatMapCell {
  rating: HeatMapRating;
  likelihood: number;
  consequence: number;
}

export const SORTABLE: readonly RegisterSort[] = ['priority', 'ref', 'title', 'residual', 'reviewDue'];
const DEFAULT_SORT: RegisterSort = 'priority';
/** The API's own default direction per sort: the worst first for levels, A→Z and soonest first otherwise. */
export const defaultDirection = (sort: RegisterSort): 'asc' | 'desc' =>
  sort === 'priority' || sort === 'residual' || sort === 'updated' ? 'desc' : 'asc';

const isIn =
  <K extends string>(labels: Record<K, unknown>) =>
  (value: string): value is K =>
    Object.hasOwn(labels, value);
const isStatus = isIn(STATUS_LABELS);
const isTreatment = isIn(TREATMENT_LABELS);
const isEvaluation = isIn(EVALUATION_LABELS);

export function parseCell(cell: string): HeatMapCell | null {
  const match = /^(inherent|current|residual):(\d{1,2}):(\d{1,2})$/.exec(cell);
  if (!match || !HEAT_MAP_RATINGS.includes(match[1] as HeatMapRating)) return null;
  return { rating: match[1] as HeatMapRating, likelihood: Number(match[2]), consequence: Number(match[3]) };
}

export const cellText = (cell: HeatMapCell): string => `${cell.rating}:${cell.likelihood}:${cell.consequence}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const levels = (values: string[]): number[] =>
  [...new Set(values.flatMap((value) => value.split(',')).map(Number))].filter((n) => Number.isInteger(n) && n >= 0 && n <= 9);

export function readRegisterView(search: string): RegisterView {
  const params = new URLSearchParams(search);
  const list = (name: string): string[] =>
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .filter(Boolean);
  const sort = params.get('sort') ?? '';
  const direction = params.get('dir');
  const evaluation = params.get('evaluation') ?? '';
  const page = Number(params.get('page') ?? '1');
  const cell = params.get('cell') ?? '';
  const criteria = params.get('criteria') ?? '';
  return {
    criteria: UUID.test(criteria) ? criteria.toLowerCase() : '',
    level: levels(params.getAll('level')),
    residualLevel: levels(params.getAll('residual')),
    status: list('status').filter(isStatus),
    ownerId: params.get('owner') ?? '',
    treatment: list('treatment').filter(isTreatment),
    evaluation: isEvaluation(evaluation) ? evaluation : undefined,
    reviewOverdue: params.get('overdue') === 'true',
    acceptanceExpired: params.get('expired') === 'true',
    q: params.get('q')?.trim() ?? '',
    cell: parseCell(cell) ? cell : '',
    sort: (SORTABLE as readonly string[]).includes(sort) ? (sort as RegisterSort) : DEFAULT_SORT,
    direction: direction === 'asc' || direction === 'desc' ? direction : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function toSearch(view: RegisterView, extra: URLSearchParams): string {
  const params = new URLSearchParams();
  if (view.criteria) params.set('criteria', view.criteria);
  if (view.q) params.set('q', view.q);
  if (view.level.length) params.set('level', view.level.join(','));
  if (view.residualLevel.length) params.set('residual', view.residualLevel.join(','));
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.ownerId) params.set('owner', view.ownerId);
  if (view.treatment.length) params.set('treatment', view.treatment.join(','));
  if (view.evaluation) params.set('evaluation', view.evaluation);
  if (view.reviewOverdue) params.set('overdue', 'true');
  if (view.acceptanceExpired) params.set('expired', 'true');
  if (view.cell) params.set('cell', view.cell);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  if (view.direction) params.set('dir', view.direction);
  if (view.page > 1) params.set('page', String(view.page));
  for (const [name, value] of extra) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The set and filters as the API names them: shared by the register, the heat maps (without the cell) and the report. */
export function filterParams(view: RegisterView, { withCell }: { withCell: boolean }): URLSearchParams {
  const params = new URLSearchParams();
  if (view.criteria) params.set('criteriaId', view.criteria);
  if (view.q) params.set('q', view.q);
  if (view.level.length) params.set('level', view.level.join(','));
  if (view.residualLevel.length) params.set('residualLevel', view.residualLevel.join(','));
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.ownerId) params.set('ownerId', view.ownerId);
  if (view.treatment.length) params.set('treatment', view.treatment.join(','));
  if (view.evaluation) params.set('evaluation', view.evaluation);
  if (view.reviewOverdue) params.set('reviewOverdue', 'true');
  if (view.acceptanceExpired) params.set('acceptanceExpired', 'true');
  if (withCell && view.cell) params.set('cell', view.cell);
  return params;
}

/** The register's API query: the filters, the cell, the sort and the page. */
export function toRegisterQuery(view: RegisterView): RegisterQuery {
  return {
    ...(Object.fromEntries(filterParams(view, { withCell: true })) as RegisterQuery),
    sort: view.sort,
    ...(view.direction ? { direction: view.direction } : {}),
    limit: REGISTER_PAGE_SIZE,
    offset: (view.page - 1) * REGISTER_PAGE_SIZE,
  };
}

/** Whether the view narrows the register (the criteria set shown is a choice of register, not a filter). */
export const isFiltered = (view: RegisterView): boolean =>
  view.q !== '' ||
  view.level.length > 0 ||
  view.residualLevel.length > 0 ||
  view.status.length > 0 ||
  view.ownerId !== '' ||
  view.treatment.length > 0 ||
  view.evaluation !== undefined ||
  view.reviewOverdue ||
  view.acceptanceExpired ||
  view.cell !== '';

/** The register's view in the URL; `new=1&asset=<id>` there opens the new-scenario dialog (the asset page links so). */
export function useRegisterView(orgSlug: string) {
  const { search } = useLocation();
  const view = readRegisterView(search);
  const params = new URLSearchParams(search);
  const path = orgPath(orgSlug, 'risk/scenarios');
  const dialog = new URLSearchParams();
  if (params.get('new') === '1') dialog.set('new', '1');
  if (params.get('new') === '1' && params.get('asset')) dialog.set('asset', params.get('asset')!);

  /** Changes filters or sort: always back to the first page. */
  const update = (change: Partial<Omit<RegisterView, 'page'>>, options: { replace?: boolean } = {}): void =>
    navigate(path + toSearch({ ...view, ...change, page: 1 }, dialog), options);
  /**
   * Shows another criteria set ('' = the default). Level and cell filters are indexes into one set's scales,
   * so they go; the others mean the same on any set and stay.
   */
  const showCriteria = (criteria: string): void =>
    navigate(path + toSearch({ ...view, criteria, level: [], residualLevel: [], cell: '', page: 1 }, dialog));
  const goToPage = (page: number): void => navigate(path + toSearch({ ...view, page }, dialog));
  const reset = (): void => navigate(path + toSearch({ ...readRegisterView(''), criteria: view.criteria }, dialog));
  const openNew = (): void => navigate(path + toSearch(view, new URLSearchParams({ new: '1' })));
  const closeNew = (): void => navigate(path + toSearch(view, new URLSearchParams()), { replace: true });
  return {
    view,
    update,
    showCriteria,
    goToPage,
    reset,
    isNewOpen: dialog.has('new'),
    newForAssetId: dialog.get('asset'),
    openNew,
    closeNew,
  };
}
