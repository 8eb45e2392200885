import { useSyncExternalStore, type MouseEvent } from 'react';

/*
 * A small router over the History API: the URL is the state, `navigate` changes it, `useLocation` re-renders
 * on change, `matchPath` reads parameters. Route tables live with their features (see shell/nav-registry.ts).
 */

export interface Location {
  pathname: string;
  search: string;
}

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

// useSyncExternalStore compares snapshots with Object.is, so the snapshot is a string, not a new object.
const snapshot = (): string => window.location.pathname + window.location.search;

/** The current path and query string; the component re-renders when they change. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const queryStart = href.indexOf('?');
  return queryStart < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, queryStart), search: href.slice(queryStart) };
}

/** Goes to `to` (a path within the app); `replace` keeps the browser history from growing. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/**
 * Matches a pattern such as `/o/:org/audit` against a path; returns the decoded parameters, or null.
 * @example matchPath('/o/:org', '/o/demo') // { org: 'demo' }
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const split = (path: string): string[] => path.split('/').filter(Boolean);
  const expected = split(pattern);
  const actual = split(pathname);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}

/**
 * Props for an anchor that navigates inside the app: a real `href` (so open-in-new-tab and copy-link work) and a
 * click handler that avoids a page load for a plain left click.
 */
export function linkProps(to: string): { href: string; onClick: (event: MouseEvent<HTMLElement>) => void } {
  return {
    href: to,
    onClick: (event) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to);
    },
  };
}
