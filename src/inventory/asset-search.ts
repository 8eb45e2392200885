import { SEARCH_SEPARATORS } from './search-keys.ts';

const SEPARATOR_RE = new RegExp(`[\\s${SEARCH_SEPARATORS.replace(/[\]\\^-]/g, '\\$&')}]+`, 'u');
const WORDISH_RE = /[\p{L}\p{N}]/u;

/**
 * The text-search query for `q`: every word of it must start a word of the name or an external id
 * ("onl sh" finds "Online shop", "lodash" finds pkg:npm/lodash@4.17.21). Words are split as the stored
 * vector splits them; each is quoted, so no input can inject tsquery syntax. null when q has no word.
 */
export function prefixTsQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(SEPARATOR_RE)
    .filter((word) => WORDISH_RE.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`).join(' & ');
}

/** A LIKE pattern matching strings that start with `text` literally. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, '\\$&')}%`;
}
