import { createHash } from 'node:crypto';
import { appendAudit } from '../audit/audit.store.ts';
import { SYSTEM_ACTOR, type Actor } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { translateDbError } from '../db/db-errors.ts';
import { conflict, unprocessable } from '../errors/catalogue.ts';
import { ensureInstanceOrg } from '../orgs/orgs.service.ts';
import { decodeLine } from './export-format.ts';
import { checkExport, type ExportInput } from './import-check.ts';
import { readLines } from './line-reader.ts';
import { exportPlan, latestMigrationTag, quoteIdentifier, type SectionPlan } from './table-plan.ts';
import { queryTx, useCanonicalJsonSettings } from './tx-sql.ts';
import { insertUsers } from './import-users.ts';

/** Rows per INSERT, and a cap on the JSON text one INSERT carries. */
const BATCH_ROWS = 1000;
const BATCH_CHARS = 8 * 1024 * 1024;

export interface ImportOptions {
  actor?: Actor;
  /**
   * Keep instance-administrator rights that imported users had in the source. Off by default: the right
   * is the source instance's, not the tenant's, and a file must not be able to grant it here.
   */
  keepInstanceAdmins?: boolean;
}

export interface ImportSummary {
  orgId: string;
  slug: string;
  counts: Record<string, number>;
  /** Users created here; the others already existed (same id) and were kept as they are. */
  newUsers: number;
  /** Emails of new users whose instance-administrator right was not carried over. */
  adminRightsDropped: string[];
}

async function assertOrgAbsent(tx: Queryable, org: { id: string; slug: string }): Promise<void> {
  const [taken] = await queryTx<{ slug: string }>(tx, 'select slug from organizations where slug = $slug or id = $id', org);
  if (taken) {
    throw conflict(
      taken.slug === org.slug
        ? `An organization with slug "${org.slug}" already exists here; nothing was imported`
        : `Organization ${org.id} already exists here as "${taken.slug}"; nothing was imported`,
    );
  }
}

async function insertRows(tx: Queryable, section: SectionPlan, rows: string[]): Promise<void> {
  const table = quoteIdentifier(section.table);
  const columns = section.columns.map(quoteIdentifier).join(', ');
  try {
    await queryTx(tx, `insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $rows::json)`, { rows: `[${rows.join(',')}]` });
  } catch (error) {
    const translated = translateDbError(error);
    if (translated?.code === 'CONFLICT') throw conflict(`A row of ${section.table} in the file clashes with one already here (a unique value is taken); nothing was imported`);
    throw error;
  }
}

/**
 * Imports one organization from a tenant export. `open` is called twice: the first read checks the whole
 * file without touching the store (import-check.ts); the second inserts it, in one transaction with an
 * `organization.imported` entry in the instance's chain, so the import lands completely or not at all.
 * The second read must have the checksum of the first, or the transaction is rolled back.
 */
export async function importTenant(store: Store, open: () => ExportInput, options: ImportOptions = {}): Promise<ImportSummary> {
  const plan = new Map(exportPlan().map((section) => [section.table, section]));
  const sections = [...plan.keys()];
  const { header, sha256 } = await checkExport(open(), sections, latestMigrationTag());
  return store.db.transaction(async (tx) => {
    // The settings the file was written under, so a value is read back as it was rendered.
    await useCanonicalJsonSettings(tx);
    await assertOrgAbsent(tx, header.org);
    const hash = createHash('sha256');
    const users = { newUsers: 0, adminRightsDropped: [] as string[] };
    let batch: { table: string; rows: string[]; chars: number } = { table: '', rows: [], chars: 0 };
    const flush = async (): Promise<void> => {
      if (batch.rows.length === 0) return;
      if (batch.table === 'users') {
        const result = await insertUsers(tx, plan.get('users')!.columns, batch.rows, options.keepInstanceAdmins ?? false);
        users.newUsers += result.inserted;
        users.adminRightsDropped.push(...result.adminRightsDropped);
      } else await insertRows(tx, plan.get(batch.table)!, batch.rows);
      batch = { table: batch.table, rows: [], chars: 0 };
    };
    for await (const { line, lineNo } of readLines(open())) {
      if (lineNo === 1) continue;
      const decoded = decodeLine(line);
      // Lines pass 1 did not accept cannot be here unless the file changed; the checksum below catches that.
      if (decoded?.kind !== 'row' || !sections.includes(decoded.table)) continue;
      hash.update(`${line}\n`);
      if (decoded.table !== batch.table || batch.rows.length >= BATCH_ROWS || batch.chars >= BATCH_CHARS) {
        await flush();
        batch.table = decoded.table;
      }
      batch.rows.push(decoded.rowJson);
      batch.chars += decoded.rowJson.length;
    }
    await flush();
    if (hash.digest('hex') !== sha256) throw unprocessable('The export file changed while it was being imported; nothing was imported');
    const instanceId = await ensureInstanceOrg(tx);
    await appendAudit(tx, instanceId, {
      actor: options.actor ?? SYSTEM_ACTOR,
      action: 'organization.imported',
      targetType: 'organization',
      targetId: header.org.id,
      summary: { slug: header.org.slug, counts: header.counts, sha256, sourceStore: header.sourceStore, exportedAt: header.exportedAt, newUsers: users.newUsers },
    });
    return { orgId: header.org.id, slug: header.org.slug, counts: header.counts, ...users };
  });
}
