import { sql } from 'drizzle-orm';
import type { Store } from '../platform/db/store.ts';
import { addEdge, addNode, clearEdges, removeNode, setAttributes, type InventoryGraph, type NodeAttributes } from './graph/index.ts';
import { graphKindOf, toGraphEdgeType } from './graph-codes.ts';
import type { LoadedGraph } from './graph-store.ts';
import { rowsOf } from './sql-rows.ts';
import { categoryOf, type AssetKind, type DependencyType } from './vocabulary.ts';

/**
 * Brings a loaded graph up to the store's current inventory version by patching only the nodes the
 * versions in between touched (the inventory_changes journal, written by triggers: migrations/0003), instead
 * of reloading the whole organization. Each touched node gets its attributes from the store (or is removed,
 * or added) and its edges, both ways, replaced by the store's. An edge's two ends are journaled together, so
 * edges between untouched nodes cannot have changed.
 *
 * Returns null when patching is not possible or not worth it — the journal was pruned past the graph's
 * version, a statement touched too many rows to list, or more than PATCH_LIMIT nodes changed — and the
 * caller reloads. The patch mutates `loaded.graph` in place, synchronously after the reads, so analytics
 * (which compute synchronously and copy what they keep before awaiting) never see half of it.
 */
export const PATCH_LIMIT = 20_000;

interface AssetRow {
  id: string;
  kind: AssetKind;
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  criticality: number;
}

interface Snapshot {
  version: number;
  assets: AssetRow[];
  organizations: { id: string; criticality: number }[];
  edges: { source: string; target: string; type: DependencyType }[];
  touched: string[];
}

export async function refreshGraph(store: Store, loaded: LoadedGraph): Promise<LoadedGraph | null> {
  const snapshot = await readChanges(store, loaded);
  if (!snapshot) return null;
  patch(loaded.graph, snapshot);
  return { orgId: loaded.orgId, version: snapshot.version, graph: loaded.graph, memo: new Map() };
}

async function readChanges(store: Store, loaded: LoadedGraph): Promise<Snapshot | null> {
  const { orgId } = loaded;
  return store.db.transaction(
    async (tx) => {
      const [head] = await rowsOf<{ version: number; journal_from: number }>(
        tx,
        sql`select inventory_version::float8 as version, journal_from::float8 as journal_from from inventory_state where org_id = ${orgId}`,
      );
      if (!head || head.journal_from > loaded.version) return null;
      const changes = await rowsOf<{ node_id: string | null }>(
        tx,
        sql`select distinct node_id from inventory_changes where org_id = ${orgId} and version > ${loaded.version} and version <= ${head.version}
             limit ${PATCH_LIMIT + 1}`,
      );
      if (changes.length > PATCH_LIMIT || changes.some((change) => change.node_id === null)) return null;
      const touched = changes.map((change) => change.node_id!);
      const ids = sql`${`{${touched.join(',')}}`}::uuid[]`;
      const assets = await rowsOf<AssetRow>(
        tx,
        sql`select id, kind, confidentiality, integrity, availability, criticality from assets where org_id = ${orgId} and id = any(${ids})`,
      );
      const organizations = await rowsOf<{ id: string; criticality: number }>(
        tx,
        sql`select id, criticality from external_organizations where org_id = ${orgId} and id = any(${ids})`,
      );
      // The operating organization counts as a provided-by edge, as in the full load (graph-store.ts).
      const edges = await rowsOf<Snapshot['edges'][number]>(
        tx,
        sql`select source_id as source, coalesce(target_asset_id, target_org_id) as target, type from dependencies
             where org_id = ${orgId} and (source_id = any(${ids}) or target_asset_id = any(${ids}) or target_org_id = any(${ids}))
            union
            select id, operator_id, 'provided-by' from assets
             where org_id = ${orgId} and operator_id is not null and (id = any(${ids}) or operator_id = any(${ids}))`,
      );
      return { version: head.version, assets, organizations, edges, touched };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function assetAttributes(row: AssetRow): NodeAttributes {
  return {
    kind: graphKindOf(row.kind),
    isPrimary: categoryOf(row.kind) === 'primary',
    confidentiality: row.confidentiality ?? 0,
    integrity: row.integrity ?? 0,
    availability: row.availability ?? 0,
    criticality: row.criticality,
  };
}

function patch(g: InventoryGraph, snapshot: Snapshot): void {
  const current = new Map<string, NodeAttributes>();
  for (const row of snapshot.assets) current.set(row.id, assetAttributes(row));
  for (const row of snapshot.organizations) current.set(row.id, { kind: 'organization', criticality: row.criticality });
  // Nodes first (removed, updated with their edges cleared, or added), then every edge touching them.
  for (const id of snapshot.touched) {
    const attributes = current.get(id);
    const present = g.index.has(id);
    if (!attributes) {
      if (present) removeNode(g, id);
    } else if (present) {
      clearEdges(g, id);
      setAttributes(g, id, attributes);
    } else {
      addNode(g, id, attributes);
    }
  }
  for (const edge of snapshot.edges) addEdge(g, { from: edge.source, to: edge.target, type: toGraphEdgeType(edge.type) });
}
