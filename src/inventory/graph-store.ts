import { sql } from 'drizzle-orm';
import type { Store } from '../platform/db/store.ts';
import { allocateNodeColumns, createGraph, type InventoryGraph, type NodeColumns } from './graph/index.ts';
import { ASSET_KIND_CODES, DEPENDENCY_TYPE_CODES, ORGANIZATION_CODE } from './graph-codes.ts';
import { refreshGraph } from './graph-refresh.ts';
import { readInventoryHead } from './inventory-state.ts';
import { rowsOf } from './sql-rows.ts';
import { EdgeRowReader } from './graph-ends.ts';
import { copyBinaryOut } from './graph-copy.ts';
import { ASSET_KINDS, DEPENDENCY_TYPES, PRIMARY_ASSET_KINDS } from './vocabulary.ts';

const ID_LENGTH = 36;
const LEVEL_BASE = 48; // chr(48 + level): '0' = not set
const CODE_BASE = 64; // chr(64 + position): 'A' = first of the list
const PROVIDED_BY_POSITION = DEPENDENCY_TYPES.indexOf('provided-by') + 1;

/**
 * One query per table, each answering a single row of packed strings (ids back to back, then one
 * character per attribute), so a 100,000-asset load builds typed arrays straight from two strings
 * instead of 100,000 row objects. The three run in one repeatable-read snapshot with the version.
 */
const ASSETS_SQL = (orgId: string) => sql`
  select count(*)::int as n, coalesce(string_agg(id::text, '' order by id), '') as ids,
         coalesce(string_agg(chr(${CODE_BASE} + array_position(${`{${ASSET_KINDS.join(',')}}`}::text[], kind))
           || chr(${LEVEL_BASE} + coalesce(confidentiality, 0)) || chr(${LEVEL_BASE} + coalesce(integrity, 0))
           || chr(${LEVEL_BASE} + coalesce(availability, 0)) || chr(${LEVEL_BASE} + criticality), '' order by id), '') as attrs
    from assets where org_id = ${orgId}`;
const ORGS_SQL = (orgId: string) => sql`
  select count(*)::int as n, coalesce(string_agg(id::text, '' order by id), '') as ids,
         coalesce(string_agg(chr(${LEVEL_BASE} + criticality), '' order by id), '') as attrs
    from external_organizations where org_id = ${orgId}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Dependencies, plus an asset's operating organization as a provided-by edge (if it fails, the asset is
 * affected): (source, target, position of the type in DEPENDENCY_TYPES) rows, copied out in binary. The
 * server only scans; the client numbers the ends (graph-ends.ts), which used to cost PostgreSQL two sorts of
 * 5 M rows at 1 M assets. COPY takes no parameters: the org id is checked to be a uuid before it is inlined.
 */
function edgesCopySql(orgId: string): string {
  if (!UUID.test(orgId)) throw new Error(`not an organization id: ${orgId}`);
  const types = `'{${DEPENDENCY_TYPES.join(',')}}'::text[]`;
  return `select source_id, coalesce(target_asset_id, target_org_id), (array_position(${types}, type) - 1)::int4
            from dependencies where org_id = '${orgId}'
          union all
          select id, operator_id, ${PROVIDED_BY_POSITION - 1}::int4 from assets where org_id = '${orgId}' and operator_id is not null`;
}

interface Packed {
  n: number;
  ids: string;
  attrs: string;
}

export interface LoadedGraph {
  orgId: string;
  /** The inventory version the graph reflects. */
  version: number;
  graph: InventoryGraph;
  /** Results derived from this graph (effective protection, concentration), computed at most once. */
  memo: Map<string, unknown>;
}

/** Reads an organization's inventory into a graph: nodes are its assets (by id) then its external organizations. */
export async function loadGraph(store: Store, orgId: string): Promise<LoadedGraph> {
  const { version, graph } = await store.db.transaction(
    async (tx) => {
      // JIT compiling these big queries costs more than it saves (about 0.5 s at 1M assets / 5M edges).
      await tx.execute(sql`set local jit = off`);
      const [head] = await rowsOf<{ version: number }>(
        tx,
        sql`select inventory_version::float8 as version from inventory_state where org_id = ${orgId}`,
      );
      const [assetRow] = await rowsOf<Packed>(tx, ASSETS_SQL(orgId));
      const [orgRow] = await rowsOf<Packed>(tx, ORGS_SQL(orgId));
      const nodes = nodesFromPacked(assetRow!, orgRow!);
      const reader = new EdgeRowReader(nodes.ids, DEPENDENCY_TYPE_CODES);
      await copyBinaryOut(tx, store.kind, edgesCopySql(orgId), (chunk) => reader.push(chunk));
      const { edges, m } = reader.finish();
      return { version: head?.version ?? 0, graph: createGraph(nodes, edges, m) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { orgId, version, graph, memo: new Map() };
}

/** The node columns: assets (by id) then external organizations (by id), from their packed rows. */
function nodesFromPacked(assetRow: Packed, orgRow: Packed): NodeColumns {
  const n = assetRow.n + orgRow.n;
  const nodes = allocateNodeColumns(n);
  const { ids, kind, isPrimary, confidentiality, integrity, availability, criticality } = nodes;
  const { attrs } = assetRow;
  for (let u = 0; u < assetRow.n; u++) {
    ids[u] = assetRow.ids.slice(u * ID_LENGTH, (u + 1) * ID_LENGTH);
    const at = u * 5;
    const position = attrs.charCodeAt(at) - CODE_BASE - 1;
    kind[u] = ASSET_KIND_CODES[position]!;
    isPrimary[u] = position < PRIMARY_ASSET_KINDS.length ? 1 : 0; // ASSET_KINDS lists the primary kinds first
    confidentiality[u] = attrs.charCodeAt(at + 1) - LEVEL_BASE;
    integrity[u] = attrs.charCodeAt(at + 2) - LEVEL_BASE;
    availability[u] = attrs.charCodeAt(at + 3) - LEVEL_BASE;
    criticality[u] = attrs.charCodeAt(at + 4) - LEVEL_BASE;
  }
  for (let k = 0; k < orgRow.n; k++) {
    const u = assetRow.n + k;
    ids[u] = orgRow.ids.slice(k * ID_LENGTH, (k + 1) * ID_LENGTH);
    kind[u] = ORGANIZATION_CODE;
    criticality[u] = orgRow.attrs.charCodeAt(k) - LEVEL_BASE;
  }
  return nodes;
}

/** Graphs kept in memory per store, most recently used last; a few organizations' worth. */
export const MAX_CACHED_ORGS = 8;
const caches = new WeakMap<Store, Map<string, Promise<LoadedGraph>>>();

/**
 * The organization's graph, in step with the store: one primary-key read of the inventory version per
 * call; when the version moved (a write in any process bumps it in its transaction), the cached graph is
 * patched with the nodes the journal says changed (graph-refresh.ts), or reloaded when that is not possible.
 * Concurrent callers share one load or patch.
 */
export async function graphFor(store: Store, orgId: string): Promise<LoadedGraph> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const { version } = await readInventoryHead(store, orgId);
  const cached = cache.get(orgId);
  let stale: LoadedGraph | undefined;
  if (cached) {
    const entry = await cached.catch(() => undefined);
    if (entry && entry.version >= version) {
      cache.delete(orgId);
      cache.set(orgId, cached);
      return entry;
    }
    if (cache.get(orgId) !== cached) return graphFor(store, orgId); // someone else started a reload meanwhile
    stale = entry;
  }
  const loading = stale ? patchOrReload(store, stale) : loadGraph(store, orgId);
  cache.delete(orgId);
  cache.set(orgId, loading);
  void loading.catch(() => cache.get(orgId) === loading && cache.delete(orgId));
  while (cache.size > MAX_CACHED_ORGS) cache.delete(cache.keys().next().value!);
  return loading;
}

async function patchOrReload(store: Store, stale: LoadedGraph): Promise<LoadedGraph> {
  try {
    const patched = await refreshGraph(store, stale);
    if (patched) return patched;
  } catch {
    // A patch that failed half-way leaves that graph unusable; a full load replaces it.
  }
  return loadGraph(store, stale.orgId);
}

/** A result derived from the loaded graph, computed once per inventory version. */
export function memoized<T>(loaded: LoadedGraph, key: string, compute: () => T): T {
  if (!loaded.memo.has(key)) loaded.memo.set(key, compute());
  return loaded.memo.get(key) as T;
}
