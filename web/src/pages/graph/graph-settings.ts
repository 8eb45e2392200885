import { DEPENDENCY_TYPES, type DependencyType, type HighlightMode } from './graph-types';

/** What the graph shows, kept in the query string so a view can be shared and survives re-centring. */
export interface GraphSettings {
  /** Hops followed each way, 1–4. */
  depth: number;
  mode: HighlightMode;
  /** Dependency types followed (never empty). */
  types: DependencyType[];
}

export const DEPTHS = [1, 2, 3, 4] as const;
const DEFAULT_DEPTH = 2;

const isDependencyType = (value: string): value is DependencyType => (DEPENDENCY_TYPES as readonly string[]).includes(value);

/** Reads `?depth=3&mode=upstream&types=runs-on,stores`; anything missing or unknown takes its default. */
export function readGraphSettings(search: string): GraphSettings {
  const params = new URLSearchParams(search);
  const depth = Number(params.get('depth'));
  const types = (params.get('types') ?? '').split(',').filter(isDependencyType);
  return {
    depth: (DEPTHS as readonly number[]).includes(depth) ? depth : DEFAULT_DEPTH,
    mode: params.get('mode') === 'upstream' ? 'upstream' : 'blast',
    types: types.length > 0 ? DEPENDENCY_TYPES.filter((type) => types.includes(type)) : [...DEPENDENCY_TYPES],
  };
}

/** The query string for settings (defaults left out); '' when all are defaults. */
export function writeGraphSettings(settings: GraphSettings): string {
  const params = new URLSearchParams();
  if (settings.depth !== DEFAULT_DEPTH) params.set('depth', String(settings.depth));
  if (settings.mode !== 'blast') params.set('mode', settings.mode);
  if (settings.types.length < DEPENDENCY_TYPES.length) params.set('types', settings.types.join(','));
  const text = params.toString();
  return text ? `?${text.replaceAll('%2C', ',')}` : '';
}
