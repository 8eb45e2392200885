/*
 * CSV cells both ways. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula, so an exported name such as `=HYPERLINK(…)` could act when someone opens the file (CSV
 * injection). Export guards such cells with a leading apostrophe, which spreadsheets show as text; import
 * takes exactly that apostrophe off again, so a file exported by Bulwark re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell: formula-looking text guarded, quoted when it holds a delimiter, a quote, a line break or edge spaces. */
export function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An imported cell with the export's formula guard removed (only an apostrophe before a formula character). */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
