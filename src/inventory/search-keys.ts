/** SQL shared by the assets table's generated column and indexes and the queries that must match them. */

/**
 * Characters that split words for search, on both sides: the generated `search` column turns them into
 * spaces before the text-search parser runs (which would otherwise read "web-01" as "web" and "-01"), and
 * asset-search.ts splits the query on them.
 */
export const SEARCH_SEPARATORS = '-_.:/@+#,;()=&|~';

/** The sort key of names: case-insensitive, byte order, so PGlite and PostgreSQL sort alike and LIKE 'x%' uses the index. */
export const NAME_KEY_SQL = 'lower(name) collate "C"';
