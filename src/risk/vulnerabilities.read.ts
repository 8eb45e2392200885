import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { assets } from '../inventory/inventory.table.ts';
import { likePattern } from './threats.service.ts';
import type { TVulnerability, TVulnerabilityQuery } from './vulnerabilities.schema.ts';
import { kevEntries as k, vulnerabilities as v, vulnerabilityAssets as va } from './vulnerabilities.table.ts';

export type VulnerabilityRow = typeof v.$inferSelect;

/*
 * Reading vulnerabilities as the API presents them: the row, whether the KEV catalogue lists it (with what it
 * says), and the affected assets by name. Correlated subqueries name the outer table in full ("vulnerabilities")
 * so they cannot bind to the subquery's own columns.
 */

const KNOWN_EXPLOITED = sql`exists (select 1 from kev_entries k where k.org_id = vulnerabilities.org_id and k.cve_id = vulnerabilities.cve_id)`;

const ORDER: Record<TVulnerabilityQuery['sort'], SQL[]> = {
  cvss: [sql`${v.cvssScore} desc nulls last`, sql`lower(${v.title})`, asc(v.id)],
  epss: [sql`${v.epssScore} desc nulls last`, sql`lower(${v.title})`, asc(v.id)],
  cve: [sql`${v.cveId} asc nulls last`, sql`lower(${v.title})`, asc(v.id)],
  title: [sql`lower(${v.title})`, asc(v.id)],
};

/** Rows with their KEV facts and assets, in the order given; two queries whatever the number of rows. */
export async function presentVulnerabilities(db: Queryable, orgId: string, rows: readonly VulnerabilityRow[]): Promise<TVulnerability[]> {
  if (rows.length === 0) return [];
  const cves = rows.map((row) => row.cveId).filter((cve): cve is string => cve !== null);
  const [kev, linked] = await Promise.all([
    cves.length === 0
      ? Promise.resolve([])
      : db
          .select({
            cveId: k.cveId,
            dateAdded: k.dateAdded,
            dueDate: k.dueDate,
            ransomware: k.ransomware,
            requiredAction: k.requiredAction,
          })
          .from(k)
          .where(and(eq(k.orgId, orgId), inArray(k.cveId, cves))),
    db
      .select({ vulnerabilityId: va.vulnerabilityId, id: assets.id, name: assets.name, kind: assets.kind })
      .from(va)
      .innerJoin(assets, and(eq(assets.orgId, va.orgId), eq(assets.id, va.assetId)))
      .where(
        and(
          eq(va.orgId, orgId),
          inArray(
            va.vulnerabilityId,
            rows.map((row) => row.id),
          ),
        ),
      )
      .orderBy(sql`lower(${assets.name})`, asc(assets.id)),
  ]);
  const kevOf = new Map(kev.map(({ cveId, ...facts }) => [cveId, facts]));
  const assetsOf = new Map<string, TVulnerability['assets']>();
  for (const { vulnerabilityId, ...asset } of linked) assetsOf.set(vulnerabilityId, [...(assetsOf.get(vulnerabilityId) ?? []), asset]);
  return rows.map((row) => {
    const facts = row.cveId === null ? undefined : kevOf.get(row.cveId);
    return {
      id: row.id,
      cveId: row.cveId,
      title: row.title,
      description: row.description,
      cvssVector: row.cvssVector,
      cvssVersion: row.cvssVersion as TVulnerability['cvssVersion'],
      cvssScore: row.cvssScore,
      cvssSeverity: row.cvssSeverity as TVulnerability['cvssSeverity'],
      epssScore: row.epssScore,
      epssPercentile: row.epssPercentile,
      epssDate: row.epssDate,
      status: row.status as TVulnerability['status'],
      tags: row.tags,
      knownExploited: facts !== undefined,
      kev: facts ?? null,
      assets: assetsOf.get(row.id) ?? [],
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export async function listVulnerabilities(
  db: Queryable,
  access: Pick<OrgAccess, 'orgId'>,
  query: TVulnerabilityQuery,
): Promise<{ items: TVulnerability[]; truncated: boolean }> {
  const where: SQL[] = [eq(v.orgId, access.orgId)];
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(sql`(${v.cveId} ilike ${pattern} or ${v.title} ilike ${pattern})`);
  }
  if (query.severity) where.push(eq(v.cvssSeverity, query.severity));
  if (query.status) where.push(eq(v.status, query.status));
  if (query.knownExploited !== undefined) where.push(query.knownExploited ? KNOWN_EXPLOITED : sql`not ${KNOWN_EXPLOITED}`);
  if (query.assetId)
    where.push(
      sql`exists (select 1 from vulnerability_assets a where a.org_id = vulnerabilities.org_id and a.vulnerability_id = vulnerabilities.id and a.asset_id = ${query.assetId})`,
    );
  if (query.minEpss !== undefined) where.push(sql`${v.epssScore} >= ${query.minEpss}`);
  const rows = await db
    .select()
    .from(v)
    .where(and(...where))
    .orderBy(...ORDER[query.sort])
    .limit(query.limit + 1);
  const items = await presentVulnerabilities(db, access.orgId, rows.slice(0, query.limit));
  return { items, truncated: rows.length > query.limit };
}

export async function getVulnerability(db: Queryable, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TVulnerability> {
  const [row] = await db
    .select()
    .from(v)
    .where(and(eq(v.orgId, access.orgId), eq(v.id, id)));
  if (!row) throw notFound('Vulnerability');
  return (await presentVulnerabilities(db, access.orgId, [row]))[0]!;
}
