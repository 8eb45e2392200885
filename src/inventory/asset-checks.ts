import { and, eq, or, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db/store.ts';
import { conflict, unprocessable } from '../platform/errors/catalogue.ts';
import { EXTERNAL_ID_COLUMNS, type AssetFields } from './assets-row.ts';
import { assets, externalOrganizations } from './inventory.table.ts';

/**
 * @throws UNPROCESSABLE naming `path` when the operator is not an external organization of this tenant
 * (another tenant's is reported exactly like one that does not exist)
 */
export async function assertOperator(tx: Queryable, orgId: string, operatorId: string | null | undefined, path: string): Promise<void> {
  if (!operatorId) return;
  const [found] = await tx
    .select({ id: externalOrganizations.id })
    .from(externalOrganizations)
    .where(and(eq(externalOrganizations.orgId, orgId), eq(externalOrganizations.id, operatorId)));
  if (!found) throw unprocessable(`No external organization ${operatorId}`, [{ path, message: `no external organization ${operatorId}` }]);
}

/** @throws CONFLICT naming the external id another asset of the tenant already has */
export async function assertExternalIdsFree(tx: Queryable, orgId: string, fields: Partial<AssetFields>, exceptId: string | null, prefix: string): Promise<void> {
  const given = EXTERNAL_ID_COLUMNS.filter((c) => fields[c.column] !== undefined && fields[c.column] !== null);
  if (given.length === 0) return;
  const clashes = await tx
    .select({ id: assets.id, name: assets.name, cmdbId: assets.cmdbId, purl: assets.purl, cpe: assets.cpe, otherId: assets.otherId })
    .from(assets)
    .where(
      and(
        eq(assets.orgId, orgId),
        or(...given.map((c) => eq(assets[c.column], fields[c.column]!))),
        exceptId ? sql`${assets.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  const clash = clashes[0];
  if (!clash) return;
  const column = given.find((c) => clash[c.column] === fields[c.column])!;
  throw conflict(`Asset "${clash.name}" already has ${column.field} ${fields[column.column]}`, `${prefix}.${column.field}`);
}
