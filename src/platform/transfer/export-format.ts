import { z } from 'zod';

/**
 * The tenant export file: JSON Lines, UTF-8, '\n' after every line (gzip around it when the name ends in .gz).
 *
 *   {"format":"bulwark-tenant-export","version":1,"exportedAt":…,"sourceStore":…,"schemaMigration":…,"org":{…},"counts":{…}}
 *   {"t":"organizations","r":{…}}        one line per row: table name, then the row as PostgreSQL's
 *   {"t":"users","r":{…}}                row_to_json wrote it (so bigints, jsonb and microseconds are exact)
 *   …                                    sections in insert order, rows in primary-key order
 *   {"end":{"rows":N,"sha256":"…"}}      the checksum of every row line (with its '\n')
 *
 * The checksum is in a last line rather than the header so the file streams in one pass, and a missing
 * last line means a truncated file. It covers the row lines only: two exports of the same data, made at
 * different times from different stores, have the same checksum and differ only in exportedAt/sourceStore.
 */
export const EXPORT_FORMAT = 'bulwark-tenant-export';
export const EXPORT_VERSION = 1;

export const ZExportHeader = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  sourceStore: z.enum(['embedded', 'postgres']),
  schemaMigration: z.string().min(1),
  org: z.object({ id: z.uuid(), slug: z.string().min(1) }),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type TExportHeader = z.infer<typeof ZExportHeader>;

const ZTrailer = z.strictObject({ end: z.strictObject({ rows: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }) });
export type TTrailer = z.infer<typeof ZTrailer>['end'];

export const encodeHeader = (header: TExportHeader): string => JSON.stringify(header);

/** `rowJson` is inserted verbatim: it is PostgreSQL's text, which JSON.parse would round (bigints). */
export const encodeRowLine = (table: string, rowJson: string): string => `{"t":${JSON.stringify(table)},"r":${rowJson}}`;

export const encodeTrailer = (trailer: TTrailer): string => JSON.stringify({ end: trailer });

const ROW_LINE = /^\{"t":"([a-z_][a-z0-9_]*)","r":(\{.*\})\}$/s;

export type DecodedLine = { kind: 'row'; table: string; rowJson: string } | { kind: 'end'; trailer: TTrailer };

/** One line after the header, or undefined when it is neither a row line nor the last line. */
export function decodeLine(line: string): DecodedLine | undefined {
  const row = ROW_LINE.exec(line);
  if (row) return { kind: 'row', table: row[1]!, rowJson: row[2]! };
  if (!line.startsWith('{"end":')) return undefined;
  try {
    const parsed = ZTrailer.safeParse(JSON.parse(line));
    return parsed.success ? { kind: 'end', trailer: parsed.data.end } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a header, in words for the person running the import; undefined when it is usable.
 * Format and version are judged before the rest so an unrelated file gets a plain answer.
 */
export function headerProblem(raw: unknown, expectedMigration: string): string | undefined {
  const loose = raw as { format?: unknown; version?: unknown; schemaMigration?: unknown } | null;
  if (typeof loose !== 'object' || loose === null || loose.format !== EXPORT_FORMAT) return `it is not a Bulwark tenant export (its first line does not say format "${EXPORT_FORMAT}")`;
  if (loose.version !== EXPORT_VERSION) return `it is export format version ${String(loose.version)}; this Bulwark reads version ${EXPORT_VERSION}`;
  if (loose.schemaMigration !== expectedMigration) {
    return `it was written at schema migration ${String(loose.schemaMigration)} and this Bulwark is at ${expectedMigration}; run the same Bulwark version on both sides (upgrade the older one, then export again)`;
  }
  const parsed = ZExportHeader.safeParse(raw);
  if (!parsed.success) return `its header is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  return undefined;
}
