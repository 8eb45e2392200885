import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { renderReportCsv } from './report-csv.ts';
import { gatherReport, type ReportData } from './report-data.ts';
import type { ReportFormat, TReportQuery } from './register.schema.ts';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ReportFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * The spreadsheet and PDF writers pull in exceljs and pdfkit (hundreds of modules between them): loaded on first
 * use so that every CLI command and the server start without them.
 */
async function renderBinary(format: 'xlsx' | 'pdf', data: ReportData): Promise<Buffer> {
  if (format === 'xlsx') return (await import('./report-xlsx.ts')).renderReportXlsx(data);
  return (await import('./report-pdf.ts')).renderReportPdf(data);
}

/** A risk report of the filtered register in `format`, named `risk-report-<org>-<YYYY-MM-DD>.<ext>`. */
export async function buildReport(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: TReportQuery): Promise<ReportFile> {
  const { format, ...filter } = query;
  const data = await gatherReport(store, access, filter);
  const body = format === 'csv' ? renderReportCsv(data) : await renderBinary(format, data);
  return { filename: `risk-report-${data.org.slug}-${data.date}.${format}`, contentType: CONTENT_TYPES[format], body };
}
