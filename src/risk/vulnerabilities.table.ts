import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestampTz as at } from '../platform/db/columns.ts';
import { organizations } from '../platform/orgs/orgs.table.ts';

/**
 * Weaknesses the organization tracks: a CVE (or its own finding), its CVSS vector and the score computed from
 * it, EPSS when supplied, and the assets it affects. Whether it is known to be exploited is not stored here:
 * it is read from the organization's copy of the CISA KEV catalogue (kev_entries), so a newer catalogue flags
 * every vulnerability at once.
 */
export const vulnerabilities = pgTable(
  'vulnerabilities',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    id: uuid('id').notNull(),
    /** CVE-YYYY-NNNN…; null for a finding without one (then `title` names it). */
    cveId: text('cve_id'),
    title: text('title').notNull(),
    description: text('description'),
    /** The CVSS vector as given (CVSS:3.1/… or CVSS:4.0/…); version, score and severity are computed from it. */
    cvssVector: text('cvss_vector'),
    cvssVersion: text('cvss_version'),
    cvssScore: numeric('cvss_score', { precision: 3, scale: 1, mode: 'number' }),
    cvssSeverity: text('cvss_severity'),
    /** EPSS probability of exploitation in the next 30 days (0–1) and its percentile, when supplied. */
    epssScore: numeric('epss_score', { precision: 6, scale: 5, mode: 'number' }),
    epssPercentile: numeric('epss_percentile', { precision: 6, scale: 5, mode: 'number' }),
    epssDate: date('epss_date', { mode: 'string' }),
    /** open | mitigated | accepted | false-positive | fixed */
    status: text('status').notNull(),
    tags: text('tags').array().notNull(),
    version: integer('version').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('vulnerabilities_cve')
      .on(t.orgId, t.cveId)
      .where(sql`${t.cveId} is not null`),
    index('vulnerabilities_title').on(t.orgId, sql`lower(${t.title})`, t.id),
  ],
);

/** Which assets a vulnerability affects. Deleting the asset removes the link (and says so in its audit entry). */
export const vulnerabilityAssets = pgTable(
  'vulnerability_assets',
  {
    orgId: uuid('org_id').notNull(),
    vulnerabilityId: uuid('vulnerability_id').notNull(),
    assetId: uuid('asset_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.vulnerabilityId, t.assetId] }),
    index('vulnerability_assets_asset').on(t.orgId, t.assetId),
    foreignKey({ columns: [t.orgId, t.vulnerabilityId], foreignColumns: [vulnerabilities.orgId, vulnerabilities.id] }).onDelete('cascade'),
  ],
);

/** The organization's copy of CISA's Known Exploited Vulnerabilities catalogue, replaced whole by each import. */
export const kevEntries = pgTable(
  'kev_entries',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    cveId: text('cve_id').notNull(),
    vendor: text('vendor').notNull(),
    product: text('product').notNull(),
    name: text('name').notNull(),
    dateAdded: date('date_added', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    requiredAction: text('required_action'),
    /** "Known" when CISA knows it used in ransomware campaigns. */
    ransomware: boolean('ransomware').notNull(),
    /** The catalogue version it came from (catalogVersion in the file). */
    catalogVersion: text('catalog_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.cveId] })],
);
