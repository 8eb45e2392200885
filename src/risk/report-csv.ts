import { csvCell } from '../inventory/imports/csv-cells.ts';
import type { ReportData } from './report-data.ts';
import type { TRatingView, TRegisterItem } from './register.schema.ts';

/*
 * The register as rows of a table: the columns the CSV and the XLSX "Register" sheet share, one row per
 * scenario, highest priority first. A rating is spelled out as its level, likelihood and consequence names.
 */

export type RatingKey = 'inherent' | 'current' | 'target' | 'residual';

export interface ReportColumn {
  header: string;
  /** Width in characters, for the spreadsheet. */
  width: number;
  value(item: TRegisterItem): string | number | boolean | null;
  /** A level column: the spreadsheet fills it with the level's colour. */
  levelOf?: RatingKey;
}

const ratingColumns = (key: RatingKey, label: string): ReportColumn[] => {
  const of = (item: TRegisterItem): TRatingView | null => item.ratings[key];
  return [
    { header: `${label} level`, width: 12, value: (item) => of(item)?.levelName ?? null, levelOf: key },
    { header: `${label} likelihood`, width: 14, value: (item) => of(item)?.likelihoodName ?? null },
    { header: `${label} consequence`, width: 14, value: (item) => of(item)?.consequenceName ?? null },
  ];
};

export const REPORT_COLUMNS: ReportColumn[] = [
  { header: 'Ref', width: 10, value: (item) => item.refId },
  { header: 'Title', width: 48, value: (item) => item.title },
  { header: 'Approach', width: 12, value: (item) => item.approach },
  { header: 'Status', width: 12, value: (item) => item.status },
  { header: 'Owner', width: 20, value: (item) => item.owner?.name ?? null },
  ...ratingColumns('inherent', 'Inherent'),
  ...ratingColumns('current', 'Current'),
  ...ratingColumns('target', 'Target'),
  ...ratingColumns('residual', 'Residual'),
  { header: 'Evaluation', width: 12, value: (item) => item.evaluation },
  { header: 'Treatment', width: 11, value: (item) => item.treatmentOption },
  { header: 'Planned controls', width: 9, value: (item) => item.progress.planned },
  { header: 'Controls in place', width: 9, value: (item) => item.progress.inPlace },
  { header: 'Review due', width: 11, value: (item) => item.reviewDue },
  { header: 'Review overdue', width: 9, value: (item) => (item.reviewOverdue ? 'yes' : 'no') },
  { header: 'Acceptance expires', width: 11, value: (item) => item.acceptance?.expiresOn ?? null },
  { header: 'Acceptance expired', width: 9, value: (item) => (item.acceptance ? (item.acceptance.expired ? 'yes' : 'no') : null) },
];

/**
 * RFC 4180 CSV (comma, CRLF), with a byte-order mark so spreadsheets read it as UTF-8. Text that a
 * spreadsheet would run as a formula is guarded (csv-cells.ts).
 */
export function renderReportCsv(data: ReportData): Buffer {
  const lines = [REPORT_COLUMNS.map((column) => csvCell(column.header)).join(',')];
  for (const item of data.items) lines.push(REPORT_COLUMNS.map((column) => csvCell(column.value(item))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
