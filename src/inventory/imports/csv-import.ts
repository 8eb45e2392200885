import { CsvError, parse } from 'csv-parse/sync';
import type { ProtectionScale } from '../scale.ts';
import { resolveMapping } from './column-mapping.ts';
import { ImportFileError, type Drafted, type ImportEntity, type ImportIssue, type ParsedImport } from './import-types.ts';
import { draftAsset, draftDependency, draftOrganization, type FieldProblem } from './record-drafts.ts';
import { decodeImportText } from './text-decoding.ts';
import { unguardCell } from './csv-cells.ts';

export interface CsvImportOptions {
  entity?: ImportEntity | undefined;
  /** Column header → field; headers it leaves out map themselves when they spell a field. */
  mapping?: Record<string, string> | undefined;
  /** The tenant's protection scale, to read level names. */
  scale: ProtectionScale;
}

/** Splits "a; b | c" into ["a", "b", "c"]. */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes (Excel writes ; in many locales). */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const nullIfEmpty = (cell: string): string | null => (cell.trim() === '' ? null : cell);
const undefinedIfEmpty = (cell: string): string | undefined => (cell.trim() === '' ? undefined : cell);

function minutes(cell: string, field: string, problems: FieldProblem[]): number | null | string {
  const text = cell.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  problems.push({ field, message: `"${text}" is not a whole number of minutes` });
  return text;
}

/** A row as the record shape of the JSON format, with the cells' own problems (numbers). */
function assetInput(row: Record<string, string>, problems: FieldProblem[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const externalIds: Record<string, string | null> = {};
  for (const [field, cell] of Object.entries(row)) {
    switch (field) {
      case 'name':
      case 'kind':
      case 'status':
        input[field] = undefinedIfEmpty(cell);
        break;
      case 'rtoMinutes':
      case 'rpoMinutes':
        input[field] = minutes(cell, field, problems);
        break;
      case 'confidentiality':
      case 'integrity':
      case 'availability':
        input[field] = cell.trim() === '' ? null : cell;
        break;
      case 'tags':
        input.tags = splitList(cell);
        break;
      case 'cmdbId':
      case 'purl':
      case 'cpe':
      case 'other':
        externalIds[field] = nullIfEmpty(cell.trim());
        break;
      default:
        input[field] = nullIfEmpty(cell);
    }
  }
  input.externalIds = externalIds;
  return input;
}

function organizationInput(row: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, cell] of Object.entries(row)) {
    if (field === 'name' || field === 'criticality') input[field] = undefinedIfEmpty(cell);
    else if (field === 'relationshipTypes' || field === 'tags') input[field] = splitList(cell);
    else input[field] = nullIfEmpty(cell.trim());
  }
  return input;
}

function dependencyInput(row: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, cell] of Object.entries(row)) input[field] = field === 'description' ? nullIfEmpty(cell) : undefinedIfEmpty(cell);
  return input;
}

/** External ids are columns of their own in CSV: name them so (`purl`, not `externalIds.purl`). */
const csvField = (field: string): string => field.replace(/^externalIds\./, '');

/**
 * Parses a CSV file of one entity. Every row is checked on its own; a bad row becomes issues naming its line
 * (header = line 1) and field, and is left out. Nothing here looks at the store.
 * @throws ImportFileError when the file as a whole cannot be read: not UTF-8, broken quoting, no header,
 *   or required columns missing
 */
export function parseCsvImport(content: string | Uint8Array, options: CsvImportOptions): ParsedImport {
  const entity = options.entity ?? 'assets';
  const text = decodeImportText(content);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? null;
    const message = `the file is not valid CSV${line ? ` (line ${line})` : ''}: ${error.message.replace(/^Invalid \w+: /, '')}`;
    throw new ImportFileError(message, [{ line, path: line ? `content.line.${line}` : 'content', message }]);
  }
  const [head, ...rows] = records;
  if (!head) throw new ImportFileError('the file is empty: a header line naming the columns is needed', [{ line: 1, path: 'content.line.1', message: 'no header line' }]);
  const headers = head.record.map((h) => h.trim());
  const duplicate = headers.find((h, i) => h !== '' && headers.indexOf(h) !== i);
  if (duplicate) throw new ImportFileError(`the column "${duplicate}" appears twice`, [{ line: 1, path: 'content.line.1', message: `the column "${duplicate}" appears twice` }]);
  const mapping = resolveMapping(entity, headers, options.mapping);
  const columns = headers.map((header) => mapping[header]);

  const parsed: ParsedImport = { format: 'csv', entity, columns: headers, mapping, rows: rows.length, organizations: [], assets: [], dependencies: [], issues: [], invalid: 0 };
  for (const { record, info } of rows) {
    // csv-parse counts lines up to the end of the record; a quoted cell may hold line breaks of its own.
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const origin = { line, path: `content.line.${line}` };
    const issue = (field: string, message: string): ImportIssue => ({ line, path: `${origin.path}.${csvField(field)}`, message });
    if (record.length !== headers.length) {
      parsed.issues.push({ line, path: origin.path, message: `${record.length} cells where the header has ${headers.length} columns` });
      parsed.invalid++;
      continue;
    }
    const row: Record<string, string> = {};
    record.forEach((cell, i) => {
      if (columns[i]) row[columns[i]] = unguardCell(cell);
    });
    const problems: FieldProblem[] = [];
    let ok = false;
    if (entity === 'assets') {
      const result = draftAsset(assetInput(row, problems), options.scale);
      if (result.ok && problems.length === 0) (parsed.assets as Drafted<typeof result.value>[]).push({ ...origin, value: result.value });
      else if (!result.ok) problems.push(...result.problems.filter((p) => !problems.some((q) => q.field === p.field)));
      ok = result.ok && problems.length === 0;
    } else if (entity === 'dependencies') {
      const result = draftDependency(dependencyInput(row));
      if (result.ok) parsed.dependencies.push({ ...origin, value: result.value });
      else problems.push(...result.problems);
      ok = result.ok;
    } else {
      const result = draftOrganization(organizationInput(row));
      if (result.ok) parsed.organizations.push({ ...origin, value: result.value });
      else problems.push(...result.problems);
      ok = result.ok;
    }
    if (!ok) {
      parsed.invalid++;
      parsed.issues.push(...problems.map((p) => issue(p.field, p.message)));
    }
  }
  return parsed;
}
