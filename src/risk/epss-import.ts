import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { BATCH_CHUNK } from '../inventory/batch-sql.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import type { TEpssImportResult } from './vulnerabilities.schema.ts';

/*
 * FIRST's EPSS scores file (epss_scores-YYYY-MM-DD.csv): a comment line "#model_version:…,score_date:…", a header
 * "cve,epss,percentile", then one row per CVE. Only the organization's own vulnerabilities are touched.
 */

export interface EpssFile {
  modelVersion: string | null;
  /** The day the scores are for (YYYY-MM-DD), from the comment line. */
  scoreDate: string | null;
  scores: Map<string, { epss: number; percentile: number }>;
}

const CVE = /^CVE-\d{4}-\d{4,}$/;
const probability = (cell: string | undefined): number | null => {
  const value = cell === undefined || cell.trim() === '' ? NaN : Number(cell);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
};

/**
 * @param prefix where the text sits, for error paths: `body.line.7.epss`
 * @throws AppError UNPROCESSABLE naming each bad line (at most 100), nothing read
 */
export function parseEpssCsv(text: string, prefix = 'body'): EpssFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const errors: FieldIssue[] = [];
  const fail = (line: number, field: string | null, message: string) =>
    errors.length < 100 && errors.push({ path: `${prefix}.line.${line}${field ? `.${field}` : ''}`, message });
  let modelVersion: string | null = null;
  let scoreDate: string | null = null;
  let at = 0;
  for (; at < lines.length && lines[at]!.startsWith('#'); at++) {
    for (const pair of lines[at]!.slice(1).split(',')) {
      const [key, ...value] = pair.split(':');
      if (key?.trim() === 'model_version') modelVersion = value.join(':').trim() || null;
      if (key?.trim() === 'score_date') scoreDate = /^\d{4}-\d{2}-\d{2}/.exec(value.join(':').trim())?.[0] ?? null;
    }
  }
  const header = (lines[at] ?? '').split(',').map((cell) => cell.trim().toLowerCase());
  const [cveAt, epssAt, percentileAt] = ['cve', 'epss', 'percentile'].map((name) => header.indexOf(name));
  if (cveAt! < 0 || epssAt! < 0 || percentileAt! < 0)
    throw unprocessable('Not an EPSS scores file: the header must name the columns cve, epss and percentile', [
      { path: `${prefix}.line.${at + 1}`, message: 'expected the header "cve,epss,percentile"' },
    ]);
  const scores = new Map<string, { epss: number; percentile: number }>();
  for (let index = at + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const cve = cells[cveAt!]?.trim().toUpperCase() ?? '';
    const epss = probability(cells[epssAt!]);
    const percentile = probability(cells[percentileAt!]);
    if (!CVE.test(cve)) fail(index + 1, 'cve', 'not a CVE id');
    if (epss === null) fail(index + 1, 'epss', 'not a number from 0 to 1');
    if (percentile === null) fail(index + 1, 'percentile', 'not a number from 0 to 1');
    if (epss !== null && percentile !== null) scores.set(cve, { epss, percentile });
  }
  if (errors.length > 0) throw unprocessable('The EPSS file has bad rows; nothing was imported', errors);
  return { modelVersion, scoreDate, scores };
}

/** Sets the EPSS fields of the organization's vulnerabilities the file scores, in one transaction. */
export async function importEpssScores(store: Store, access: OrgAccess, text: string, pathPrefix = 'body'): Promise<TEpssImportResult> {
  const file = parseEpssCsv(text, pathPrefix);
  return store.db.transaction(async (tx) => {
    const ours = await rowsOf<{ id: string; cve_id: string }>(
      tx,
      sql`select id, cve_id from vulnerabilities where org_id = ${access.orgId} and cve_id is not null for update`,
    );
    const matched = ours.flatMap(({ id, cve_id }) => {
      const score = file.scores.get(cve_id);
      return score ? [{ id, epss: score.epss, percentile: score.percentile, day: file.scoreDate }] : [];
    });
    let updated = 0;
    for (let first = 0; first < matched.length; first += BATCH_CHUNK) {
      const json = JSON.stringify(matched.slice(first, first + BATCH_CHUNK));
      // Only rows whose scores move get a new version: re-importing the same file changes nothing.
      const rows = await rowsOf<{ id: string }>(
        tx,
        sql`update vulnerabilities t
            set epss_score = v.epss, epss_percentile = v.percentile, epss_date = coalesce(v.day, t.epss_date),
                version = t.version + 1, updated_at = now()
            from jsonb_to_recordset(${json}::jsonb) as v(id uuid, epss numeric, percentile numeric, day date)
            where t.org_id = ${access.orgId} and t.id = v.id
              and (t.epss_score is distinct from round(v.epss, 5) or t.epss_percentile is distinct from round(v.percentile, 5)
                   or (v.day is not null and t.epss_date is distinct from v.day))
            returning t.id`,
      );
      updated += rows.length;
    }
    const result: TEpssImportResult = { rows: file.scores.size, matched: matched.length };
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'vulnerability.epss-imported',
      targetType: 'epss-scores',
      targetId: file.scoreDate ?? 'undated',
      summary: { ...result, updated, modelVersion: file.modelVersion, scoreDate: file.scoreDate },
    });
    return result;
  });
}
