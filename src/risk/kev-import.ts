import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { unprocessable, type FieldIssue } from '../platform/errors/catalogue.ts';
import { batchDigest, writeRows } from '../inventory/batch-sql.ts';
import { rowsOf } from '../inventory/sql-rows.ts';
import type { TKevImportResult } from './vulnerabilities.schema.ts';

/*
 * CISA's Known Exploited Vulnerabilities catalogue (known_exploited_vulnerabilities.json): each import replaces
 * the organization's copy whole, so vulnerabilities are flagged, or no longer flagged, by a join.
 */

const ZDate = z.iso.date();
const ZKevVulnerability = z.looseObject({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'a CVE id such as CVE-2024-3094'),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: ZDate,
  shortDescription: z.string().optional(),
  requiredAction: z.string().nullish(),
  dueDate: ZDate.nullish(),
  knownRansomwareCampaignUse: z.string().optional().describe('"Known" or "Unknown"'),
  notes: z.string().nullish(),
  cwes: z.array(z.string()).optional(),
});
const ZKevCatalogue = z.looseObject({
  title: z.string().optional(),
  catalogVersion: z.string().trim().min(1),
  dateReleased: z.string().optional(),
  count: z.number().int().min(0).optional(),
  vulnerabilities: z.array(ZKevVulnerability),
});
export type KevCatalogue = z.infer<typeof ZKevCatalogue>;

/**
 * Checks a catalogue: its shape, one entry per CVE, and `count` equal to the entries listed (a cut download
 * would otherwise unflag what it lost).
 * @throws AppError UNPROCESSABLE naming each bad place under `prefix` (at most 100)
 */
export function parseKevCatalogue(input: unknown, prefix = 'body'): KevCatalogue {
  const parsed = ZKevCatalogue.safeParse(input);
  const errors: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));
  if (parsed.success) {
    const { count, vulnerabilities } = parsed.data;
    if (count !== undefined && count !== vulnerabilities.length)
      errors.push({ path: `${prefix}.count`, message: `says ${count} entries, the file lists ${vulnerabilities.length}` });
    const seen = new Set<string>();
    vulnerabilities.forEach((entry, index) => {
      if (seen.has(entry.cveID))
        errors.push({ path: `${prefix}.vulnerabilities.${index}.cveID`, message: `${entry.cveID} is listed twice` });
      seen.add(entry.cveID);
    });
  }
  if (errors.length > 0)
    throw unprocessable('The file is not a CISA KEV catalogue Bulwark can read; nothing was imported', errors.slice(0, 100));
  return parsed.data!;
}

const RECORD_TYPE =
  'cve_id text, vendor text, product text, name text, date_added date, due_date date, required_action text, ransomware boolean, catalog_version text';
const COLUMNS = ['cve_id', 'vendor', 'product', 'name', 'date_added', 'due_date', 'required_action', 'ransomware', 'catalog_version'];

/** Replaces the organization's KEV entries with the catalogue's, in one transaction (`pathPrefix` starts error paths). */
export async function importKevCatalogue(store: Store, access: OrgAccess, input: unknown, pathPrefix = 'body'): Promise<TKevImportResult> {
  const catalogue = parseKevCatalogue(input, pathPrefix);
  const rows = catalogue.vulnerabilities.map((entry) => ({
    cve_id: entry.cveID,
    vendor: entry.vendorProject,
    product: entry.product,
    name: entry.vulnerabilityName,
    date_added: entry.dateAdded,
    due_date: entry.dueDate ?? null,
    required_action: entry.requiredAction ?? null,
    ransomware: entry.knownRansomwareCampaignUse === 'Known',
    catalog_version: catalogue.catalogVersion,
  }));
  return store.db.transaction(async (tx) => {
    await tx.execute(sql`delete from kev_entries where org_id = ${access.orgId}`);
    await writeRows(tx, 'insert', 'kev_entries', access.orgId, RECORD_TYPE, COLUMNS, rows);
    const [flagged] = await rowsOf<{ n: number }>(
      tx,
      sql`select count(*)::int as n from vulnerabilities v join kev_entries k on k.org_id = v.org_id and k.cve_id = v.cve_id where v.org_id = ${access.orgId}`,
    );
    const result: TKevImportResult = { catalogVersion: catalogue.catalogVersion, entries: rows.length, flagged: flagged?.n ?? 0 };
    await appendAudit(tx, access.orgId, {
      actor: access.actor,
      requestId: access.requestId,
      action: 'kev.imported',
      targetType: 'kev-catalogue',
      targetId: catalogue.catalogVersion,
      after: batchDigest(rows, []),
      summary: { ...result },
    });
    return result;
  });
}
