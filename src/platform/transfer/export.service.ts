import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { appendAudit } from '../audit/audit.store.ts';
import { SYSTEM_ACTOR, type Actor } from '../context.ts';
import type { Queryable, Store } from '../db/store.ts';
import { notFound, unprocessable } from '../errors/catalogue.ts';
import { ensureInstanceOrg, INSTANCE_ORG_SLUG } from '../orgs/orgs.service.ts';
import { encodeHeader, encodeRowLine, encodeTrailer, EXPORT_FORMAT, EXPORT_VERSION, type TExportHeader } from './export-format.ts';
import { exportPlan, latestMigrationTag, quoteIdentifier, type SectionPlan } from './table-plan.ts';
import { queryTx, useCanonicalJsonSettings } from './tx-sql.ts';

/** Rows per query: bounds the memory a big tenant takes while it streams out. */
const PAGE_ROWS = 2000;

export interface ExportSummary {
  orgId: string;
  slug: string;
  counts: Record<string, number>;
  sha256: string;
}

/** Writes with backpressure. A destroyed output (disk full, closed pipe) fails the export instead of hanging it. */
async function write(out: Writable, text: string): Promise<void> {
  const closed = (): Error => out.errored ?? new Error('the export output was closed before the export finished');
  if (out.destroyed) throw closed();
  if (out.write(text)) return;
  const stop = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: stop.signal }), once(out, 'close', { signal: stop.signal }).then(() => Promise.reject(closed()))]);
  } finally {
    stop.abort();
  }
}

/** The ORDER BY / keyset expression of a section. Text keys sort bytewise so both stores agree on the order. */
function keyExpressions(section: SectionPlan): string[] {
  return section.key.map((k) => `t.${quoteIdentifier(k.column)}${k.sqlType === 'text' ? ' collate "C"' : ''}`);
}

/** A section's rows as PostgreSQL renders them in JSON, a page at a time, keyset-paged on the primary key. */
async function* sectionRows(tx: Queryable, section: SectionPlan, orgId: string): AsyncGenerator<string[]> {
  const order = keyExpressions(section).join(', ');
  const keys = section.key.map((k, i) => `t.${quoteIdentifier(k.column)}::text as k${i}`).join(', ');
  const after = section.key.map((k, i) => `$k${i}::${k.sqlType}`).join(', ');
  const from = `from ${quoteIdentifier(section.table)} t where ${section.scope}`;
  let last: Record<string, unknown> | undefined;
  for (;;) {
    const page = await queryTx<Record<string, string>>(
      tx,
      `select (select row_to_json(c) from (select ${section.columns.map((c) => `t.${quoteIdentifier(c)}`).join(', ')}) c)::text as r, ${keys} ${from} ${last ? `and (${order}) > (${after})` : ''} order by ${order} limit ${PAGE_ROWS}`,
      { org: orgId, ...last },
    );
    if (page.length > 0) yield page.map((row) => row.r!);
    if (page.length < PAGE_ROWS) return;
    const tail = page[page.length - 1]!;
    last = Object.fromEntries(section.key.map((_, i) => [`k${i}`, tail[`k${i}`]]));
  }
}

async function countRows(tx: Queryable, section: SectionPlan, orgId: string): Promise<number> {
  const [row] = await queryTx<{ n: number }>(tx, `select count(*)::int as n from ${quoteIdentifier(section.table)} t where ${section.scope}`, { org: orgId });
  return row!.n;
}

/**
 * Writes one organization (its row, the users its tables reference, every tenant table in TENANT_TABLES)
 * to `out` in the tenant export format (export-format.ts), from one consistent snapshot, then records the
 * export in the instance's audit chain. The organization's own chain is not touched: an export is a read,
 * and a re-export must match byte for byte. `out` is not ended: the caller owns it.
 */
export async function exportTenant(store: Store, slug: string, out: Writable, actor: Actor = SYSTEM_ACTOR): Promise<ExportSummary> {
  if (slug === INSTANCE_ORG_SLUG) throw unprocessable(`The ${INSTANCE_ORG_SLUG} organization holds the instance's own history and cannot be exported`);
  const plan = exportPlan();
  const summary = await store.db.transaction(
    async (tx) => {
      await useCanonicalJsonSettings(tx);
      const [org] = await queryTx<{ id: string }>(tx, 'select id from organizations where slug = $slug', { slug });
      if (!org) throw notFound(`Organization "${slug}"`);
      const counts: Record<string, number> = {};
      for (const section of plan) counts[section.table] = await countRows(tx, section, org.id);
      const header: TExportHeader = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        sourceStore: store.kind,
        schemaMigration: latestMigrationTag(),
        org: { id: org.id, slug },
        counts,
      };
      await write(out, `${encodeHeader(header)}\n`);
      const hash = createHash('sha256');
      let rows = 0;
      for (const section of plan) {
        for await (const page of sectionRows(tx, section, org.id)) {
          const text = page.map((row) => `${encodeRowLine(section.table, row)}\n`).join('');
          hash.update(text);
          rows += page.length;
          await write(out, text);
        }
      }
      const sha256 = hash.digest('hex');
      await write(out, `${encodeTrailer({ rows, sha256 })}\n`);
      return { orgId: org.id, slug, counts, sha256 };
    },
    // One snapshot for the whole file, so counts, rows and the chain head agree even while others write.
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await store.db.transaction(async (tx) => {
    const instanceId = await ensureInstanceOrg(tx);
    await appendAudit(tx, instanceId, {
      actor,
      action: 'organization.exported',
      targetType: 'organization',
      targetId: summary.orgId,
      summary: { slug, counts: summary.counts, sha256: summary.sha256 },
    });
  });
  return summary;
}
