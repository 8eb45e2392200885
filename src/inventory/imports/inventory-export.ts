import type { Store } from '../../platform/db/store.ts';
import { BULWARK_FORMAT, BULWARK_FORMAT_VERSION } from './bulwark-json-import.ts';
import { CSV_FIELDS } from './column-mapping.ts';
import type { ImportEntity } from './import-types.ts';
import { csvCell } from './csv-cells.ts';

/**
 * Inventory exports in the import's own formats, so export → import round-trips with no mapping: CSV of one
 * entity with exactly the import's column names, or Bulwark's JSON format with everything. Rows are read in
 * keyset pages of PAGE rows and written out as text as they come, so 100,000 assets never become one big
 * object graph. Pages are separate reads (no long transaction, which would hold the embedded store's only
 * connection for as long as the client takes to download): a write during an export may show partly.
 * Assets are referenced by their first external id (cmdb id, purl, cpe, other); an asset without any cannot
 * be matched by an import and is exported with empty ids, which the import reports.
 */
const PAGE = 5000;

const ASSET_SQL = `select a.id, a.name, a.kind, a.description, a.owner, a.custodian, o.name as operator, a.confidentiality, a.integrity, a.availability,
  a.rto_minutes as "rtoMinutes", a.rpo_minutes as "rpoMinutes", a.status, a.location, a.tags, a.cmdb_id as "cmdbId", a.purl, a.cpe, a.other_id as other
  from assets a left join external_organizations o on o.org_id = a.org_id and o.id = a.operator_id
  where a.org_id = $1 and a.id > $2 order by a.id limit ${PAGE}`;
const DEPENDENCY_SQL = `select d.id, coalesce(s.cmdb_id, s.purl, s.cpe, s.other_id) as source, coalesce(t.cmdb_id, t.purl, t.cpe, t.other_id, o.name) as target,
  d.type, d.description
  from dependencies d join assets s on s.org_id = d.org_id and s.id = d.source_id
  left join assets t on t.org_id = d.org_id and t.id = d.target_asset_id
  left join external_organizations o on o.org_id = d.org_id and o.id = d.target_org_id
  where d.org_id = $1 and d.id > $2 order by d.id limit ${PAGE}`;
const ORGANIZATION_SQL = `select id, name, relationship_types as "relationshipTypes", criticality, contacts, contract_start::text as "contractStart",
  contract_end::text as "contractEnd", country, website, notes, tags, external_id as "externalId"
  from external_organizations where org_id = $1 and id > $2 order by id limit ${PAGE}`;

type Row = Record<string, unknown> & { id: string };

async function* pages(store: Store, text: string, orgId: string): AsyncGenerator<Row[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await store.query<Row>(text, [orgId, after]);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

const SQL_OF: Record<ImportEntity, string> = { assets: ASSET_SQL, dependencies: DEPENDENCY_SQL, 'external-organizations': ORGANIZATION_SQL };

export async function* exportCsv(store: Store, orgId: string, entity: ImportEntity): AsyncGenerator<string> {
  const fields: readonly string[] = CSV_FIELDS[entity];
  yield `${fields.join(',')}\r\n`;
  for await (const rows of pages(store, SQL_OF[entity], orgId)) {
    yield rows.map((row) => `${fields.map((field) => csvCell(row[field])).join(',')}\r\n`).join('');
  }
}

const assetRecord = (row: Row) => ({
  kind: row.kind, name: row.name, description: row.description, owner: row.owner, custodian: row.custodian, operator: row.operator,
  confidentiality: row.confidentiality, integrity: row.integrity, availability: row.availability, rtoMinutes: row.rtoMinutes, rpoMinutes: row.rpoMinutes,
  status: row.status, location: row.location, tags: row.tags, externalIds: { cmdbId: row.cmdbId, purl: row.purl, cpe: row.cpe, other: row.other },
});
const organizationRecord = ({ id: _id, ...row }: Row) => row;
const dependencyRecord = ({ id: _id, ...row }: Row) => row;

/** Bulwark's JSON inventory format, everything of the organization, written piece by piece. */
export async function* exportJson(store: Store, orgId: string, exportedAt = new Date()): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(BULWARK_FORMAT)},"version":${BULWARK_FORMAT_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())}`;
  const lists = [
    ['externalOrganizations', ORGANIZATION_SQL, organizationRecord],
    ['assets', ASSET_SQL, assetRecord],
    ['dependencies', DEPENDENCY_SQL, dependencyRecord],
  ] as const;
  for (const [key, text, record] of lists) {
    yield `,\n${JSON.stringify(key)}:[`;
    let first = true;
    for await (const rows of pages(store, text, orgId)) {
      yield `${first ? '\n' : ',\n'}${rows.map((row) => JSON.stringify(record(row))).join(',\n')}`;
      first = false;
    }
    yield ']';
  }
  yield '}\n';
}
