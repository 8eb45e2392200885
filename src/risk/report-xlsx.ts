import ExcelJS from 'exceljs';
import { REPORT_COLUMNS } from './report-csv.ts';
import { inkOn, type ReportData } from './report-data.ts';
import type { THeatMap } from './register.schema.ts';

/*
 * The risk report as a workbook: "Summary" (the counts), "Register" (the CSV's columns, header frozen,
 * autofilter, level cells in their level's colour) and "Heat maps" (inherent and residual grids, coloured).
 * exceljs writes text cells as text, never as formulas, so titles need no guard here.
 */

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;
const fillOf = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });
const HEADER_FILL = '#E9ECEF';
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFCED4DA' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function paint(cell: ExcelJS.Cell, colour: string): void {
  cell.fill = fillOf(colour);
  cell.font = { ...(cell.font ?? {}), color: { argb: argb(inkOn(colour)) } };
}

function addSummary(book: ExcelJS.Workbook, data: ReportData): void {
  const sheet = book.addWorksheet('Summary');
  sheet.columns = [{ width: 34 }, { width: 12 }];
  sheet.addRow([`Risk report — ${data.org.name}`]).font = { bold: true, size: 14 };
  sheet.addRow([`As of ${data.date}`]);
  if (data.criteria) sheet.addRow([`Criteria: ${data.criteria.name} (version ${data.criteria.version})`]);
  if (data.filtered) sheet.addRow(['Filtered: only the scenarios matching the filters of the request are counted']);
  const { summary } = data;
  const section = (title: string, rows: [string, number, string?][]): void => {
    sheet.addRow([]);
    const header = sheet.addRow([title, 'Risks']);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = fillOf(HEADER_FILL)));
    for (const [label, count, colour] of rows) {
      const row = sheet.addRow([label, count]);
      if (colour) paint(row.getCell(1), colour);
    }
  };
  section('Overview', [
    ['Risks', summary.risks],
    ['Above what an owner may accept', summary.aboveAcceptable],
    ['In treatment', summary.inTreatment],
    ['Reviews overdue', summary.reviewOverdue],
    ['Acceptances expired', summary.acceptanceExpired],
    ['Planned controls', summary.plannedControls],
    ['Planned controls in place', summary.controlsInPlace],
  ]);
  section('By current level', [
    ...[...summary.byLevel].reverse().map((level): [string, number, string] => [level.name, level.count, level.colour]),
    ['Not rated', summary.unrated],
  ]);
  section('By status', Object.entries(summary.byStatus));
  section(
    'By treatment option',
    Object.entries(summary.byTreatment).map(([option, count]): [string, number] => [option === 'none' ? 'not decided' : option, count]),
  );
}

function addRegister(book: ExcelJS.Workbook, data: ReportData): void {
  const sheet = book.addWorksheet('Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => (cell.fill = fillOf(HEADER_FILL)));
  for (const item of data.items) {
    const row = sheet.addRow(REPORT_COLUMNS.map((column) => column.value(item)));
    REPORT_COLUMNS.forEach((column, i) => {
      const rating = column.levelOf ? item.ratings[column.levelOf] : null;
      if (rating) paint(row.getCell(i + 1), rating.colour);
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, data.items.length + 1), column: REPORT_COLUMNS.length } };
}

function addHeatMap(sheet: ExcelJS.Worksheet, title: string, map: THeatMap): void {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${map.total} rated${map.unrated ? `, ${map.unrated} not rated` : ''}${map.otherScale ? `, ${map.otherScale} on scales of another size` : ''}`,
  ]);
  // Highest likelihood on top, as heat maps are read.
  for (let l = map.likelihood.length - 1; l >= 0; l--) {
    const row = sheet.addRow([map.likelihood[l], ...map.cells[l]!.map((cell) => cell.count)]);
    row.getCell(1).font = { bold: true };
    map.cells[l]!.forEach((cell, c) => {
      const target = row.getCell(c + 2);
      paint(target, map.levels[cell.level]?.colour ?? '#868E96');
      target.alignment = { horizontal: 'center', vertical: 'middle' };
      target.border = box;
    });
    row.height = 24;
  }
  const axis = sheet.addRow(['Likelihood ↑ / Consequence →', ...map.consequence]);
  axis.font = { italic: true };
  axis.eachCell((cell) => (cell.alignment = { horizontal: 'center', wrapText: true }));
  sheet.addRow([]);
}

/** The workbook as bytes. */
export async function renderReportXlsx(data: ReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bulwark';
  book.created = new Date(`${data.date}T00:00:00Z`);
  addSummary(book, data);
  addRegister(book, data);
  const maps = book.addWorksheet('Heat maps');
  maps.columns = [{ width: 30 }, ...Array.from({ length: 10 }, () => ({ width: 14 }))];
  if (data.heatMaps.inherent) addHeatMap(maps, 'Inherent risk', data.heatMaps.inherent);
  if (data.heatMaps.residual) addHeatMap(maps, 'Residual risk', data.heatMaps.residual);
  if (!data.heatMaps.inherent) maps.addRow(['No risk criteria yet, so no heat map.']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
