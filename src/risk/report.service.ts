import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { renderReportCsv } from './report-csv.ts';
import { gatherReport } from './report-data.ts';
import { renderReportPdf } from './report-pdf.ts';
import { renderReportXlsx } from './report-xlsx.ts';
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

/** A risk report of the filtered register in `format`, named `risk-report-<org>-<YYYY-MM-DD>.<ext>`. */
export async function buildReport(store: Store, access: Pick<OrgAccess, 'orgId' | 'tokenCheck'>, query: TReportQuery): Promise<ReportFile> {
  const { format, ...filter } = query;
  const data = await gatherReport(store, access, filter);
  const body = format === 'csv' ? renderReportCsv(data) : format === 'xlsx' ? await renderReportXlsx(data) : await renderReportPdf(data);
  return { filename: `risk-report-${data.org.slug}-${data.date}.${format}`, contentType: CONTENT_TYPES[format], body };
}
