import { matchPath, useLocation } from '../../router/router';

/** A parameter of the current organization page, e.g. `useRouteParam('assets/:assetId', 'assetId')`. */
export function useRouteParam(pattern: string, name: string): string {
  const { pathname } = useLocation();
  return matchPath(`/o/:org/${pattern}`, pathname)?.[name] ?? '';
}
