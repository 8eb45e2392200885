import { orgPath } from '../../router/org-path';
import { navigate, useLocation } from '../../router/router';
import type { AssetQuery, AssetSort } from './inventory-types';
import { isAssetKind, isCategory, isSort, isStatus } from './vocabulary';

/** What the inventory table shows, as the URL's query string holds it (so a view can be shared, and Back works). */
export interface AssetListView {
  q: string;
  kind: AssetQuery['kind'];
  category: AssetQuery['category'];
  status: AssetQuery['status'];
  tag: string;
  operatorId: string;
  sort: AssetSort;
  /** The keyset cursor of the page shown; absent on the first page. */
  cursor: string;
}

const DEFAULT_SORT: AssetSort = 'name';

export function readView(search: string): AssetListView {
  const params = new URLSearchParams(search);
  const get = (name: string): string => params.get(name)?.trim() ?? '';
  const kind = params.get('kind');
  const category = params.get('category');
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    q: get('q'),
    kind: isAssetKind(kind) ? kind : undefined,
    category: isCategory(category) ? category : undefined,
    status: isStatus(status) ? status : undefined,
    tag: get('tag'),
    operatorId: get('operator'),
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    cursor: get('cursor'),
  };
}

function toSearch(view: AssetListView): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.kind) params.set('kind', view.kind);
  if (view.category) params.set('category', view.category);
  if (view.status) params.set('status', view.status);
  if (view.tag) params.set('tag', view.tag);
  if (view.operatorId) params.set('operator', view.operatorId);
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  if (view.cursor) params.set('cursor', view.cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The view as API query parameters. */
export function toAssetQuery(view: AssetListView): AssetQuery {
  return {
    sort: view.sort,
    ...(view.q ? { q: view.q } : {}),
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.category ? { category: view.category } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.tag ? { tag: view.tag } : {}),
    ...(view.operatorId ? { operatorId: view.operatorId } : {}),
    ...(view.cursor ? { cursor: view.cursor } : {}),
  };
}

/*
 * Keyset paging has no "page 3": a page is the cursor it starts after. Going forward remembers where each page
 * came from, so Previous can go back one page (and Back in the browser does the same through the URL). A shared
 * link deep into the list knows no predecessor: Previous then returns to the first page.
 */
const previousCursor = new Map<string, string>();
const pageNumber = new Map<string, number>();

export function useAssetListView(orgSlug: string) {
  const { search } = useLocation();
  const view = readView(search);
  const path = orgPath(orgSlug, 'assets');

  /** Changes filters, search or sort: always back to the first page. */
  const update = (change: Partial<Omit<AssetListView, 'cursor'>>, options: { replace?: boolean } = {}): void => {
    navigate(path + toSearch({ ...view, ...change, cursor: '' }), options);
  };
  const goNext = (nextCursor: string): void => {
    previousCursor.set(nextCursor, view.cursor);
    pageNumber.set(nextCursor, (pageNumber.get(view.cursor) ?? 1) + 1);
    navigate(path + toSearch({ ...view, cursor: nextCursor }));
  };
  const goPrevious = (): void => {
    navigate(path + toSearch({ ...view, cursor: previousCursor.get(view.cursor) ?? '' }));
  };
  const reset = (): void => navigate(path);
  /** 1 on the first page; null deep in a shared link, where the number is unknown. */
  const page = view.cursor ? (pageNumber.get(view.cursor) ?? null) : 1;
  return { view, update, goNext, goPrevious, reset, page, hasPrevious: view.cursor !== '' };
}
