import type { OrgAccess } from '../platform/context.ts';
import type { Store } from '../platform/db/store.ts';
import { notFound } from '../platform/errors/catalogue.ts';
import { ASSET_SELECT_SQL, presentAsset, type AssetRowIn } from './assets-row.ts';
import type { TAssetDetail, TDependencyLink } from './assets.schema.ts';
import type { AssetKind, DependencyType } from './vocabulary.ts';

/** Edges listed on an asset's page; the rest are a paged list away (GET …/dependencies?sourceId=|targetId=). */
export const DETAIL_EDGE_LIMIT = 500;

interface LinkRow {
  dependency_id: string;
  type: string;
  description: string | null;
  node_id: string;
  node_name: string;
  node_kind: string;
  total: number;
}

const toLink = (row: LinkRow): TDependencyLink => ({
  dependencyId: row.dependency_id,
  type: row.type as DependencyType,
  description: row.description,
  node: { id: row.node_id, name: row.node_name, kind: row.node_kind as AssetKind | 'organization' },
});

/** An asset with its operating organization and its dependencies both ways. */
export async function getAssetDetail(store: Store, access: Pick<OrgAccess, 'orgId'>, id: string): Promise<TAssetDetail> {
  const [rows, dependsOn, dependents] = await Promise.all([
    store.query<AssetRowIn & { operatorName: string | null }>(
      `select ${ASSET_SELECT_SQL}, (select o.name from external_organizations o where o.org_id = assets.org_id and o.id = assets.operator_id) as "operatorName"
         from assets where org_id = $1 and id = $2`,
      [access.orgId, id],
    ),
    store.query<LinkRow>(
      `select d.id as dependency_id, d.type, d.description, coalesce(a.id, o.id) as node_id, coalesce(a.name, o.name) as node_name,
              coalesce(a.kind, 'organization') as node_kind, count(*) over ()::int as total
         from dependencies d
         left join assets a on a.org_id = d.org_id and a.id = d.target_asset_id
         left join external_organizations o on o.org_id = d.org_id and o.id = d.target_org_id
        where d.org_id = $1 and d.source_id = $2
        order by lower(coalesce(a.name, o.name)), d.id limit ${DETAIL_EDGE_LIMIT}`,
      [access.orgId, id],
    ),
    store.query<LinkRow>(
      `select d.id as dependency_id, d.type, d.description, a.id as node_id, a.name as node_name, a.kind as node_kind, count(*) over ()::int as total
         from dependencies d join assets a on a.org_id = d.org_id and a.id = d.source_id
        where d.org_id = $1 and d.target_asset_id = $2
        order by lower(a.name), d.id limit ${DETAIL_EDGE_LIMIT}`,
      [access.orgId, id],
    ),
  ]);
  const row = rows[0];
  if (!row) throw notFound('Asset');
  return {
    ...presentAsset(row),
    operator: row.operatorId && row.operatorName ? { id: row.operatorId, name: row.operatorName } : null,
    dependsOn: dependsOn.map(toLink),
    dependents: dependents.map(toLink),
    dependsOnCount: dependsOn[0]?.total ?? 0,
    dependentsCount: dependents[0]?.total ?? 0,
  };
}
