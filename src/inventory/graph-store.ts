import { sql } from 'drizzle-orm';
import type { Store } from '../platform/db/store.ts';
import { allocateEdgeArrays, allocateNodeColumns, createGraph, type InventoryGraph } from './graph/index.ts';
import { ASSET_KIND_CODES, DEPENDENCY_TYPE_CODES, ORGANIZATION_CODE } from './graph-codes.ts';
import { refreshGraph } from './graph-refresh.ts';
import { readInventoryHead } from './inventory-state.ts';
import { rowsOf } from './sql-rows.ts';
import { ASSET_KINDS, DEPENDENCY_TYPES, PRIMARY_ASSET_KINDS } from './vocabulary.ts';

const ID_LENGTH = 36;
const COMMA = 44;
const ZERO = 48;
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
/**
 * Dependencies, plus an asset's operating organization as a provided-by edge (if it fails, the asset is
 * affected), as "source,target,type," triples of dense node numbers: the nodes are numbered here exactly
 * as the two queries above order them (assets by id, then organizations by id), so the client parses
 * integers instead of looking 400,000 uuids up in a map.
 */
const EDGES_SQL = (orgId: string) => sql`
  with node as (
    select id, (row_number() over (order by id))::int - 1 as ix from assets where org_id = ${orgId}
    union all
    select id, (select count(*) from assets where org_id = ${orgId})::int + (row_number() over (order by id))::int - 1
      from external_organizations where org_id = ${orgId}),
  edge as (
    select source_id as s, coalesce(target_asset_id, target_org_id) as t, array_position(${`{${DEPENDENCY_TYPES.join(',')}}`}::text[], type) - 1 as c
      from dependencies where org_id = ${orgId}
    union all
    select id, operator_id, ${PROVIDED_BY_POSITION - 1} from assets where org_id = ${orgId} and operator_id is not null)
  select count(*)::int as m, coalesce(string_agg(sn.ix::text || ',' || tn.ix::text || ',' || e.c::text, ','), '') as edges
    from edge e join node sn on sn.id = e.s join node tn on tn.id = e.t`;

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
  const { version, assetRow, orgRow, edgeRow } = await store.db.transaction(
    async (tx) => {
      // JIT compiling these three big queries costs more than it saves (about 0.5 s at 1M assets / 5M edges).
      await tx.execute(sql`set local jit = off`);
      const [head] = await rowsOf<{ version: number }>(tx, sql`select inventory_version::float8 as version from inventory_state where org_id = ${orgId}`);
      const [assetRow] = await rowsOf<Packed>(tx, ASSETS_SQL(orgId));
      const [orgRow] = await rowsOf<Packed>(tx, ORGS_SQL(orgId));
      const [edgeRow] = await rowsOf<{ m: number; edges: string }>(tx, EDGES_SQL(orgId));
      return { version: head?.version ?? 0, assetRow: assetRow!, orgRow: orgRow!, edgeRow: edgeRow! };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { orgId, version, graph: buildFromPacked(assetRow, orgRow, edgeRow), memo: new Map() };
}

function buildFromPacked(assetRow: Packed, orgRow: Packed, edgeRow: { m: number; edges: string }) {
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
  const edgeArrays = allocateEdgeArrays(edgeRow.m);
  const { src, dst, type } = edgeArrays;
  const { edges } = edgeRow;
  // "s,t,c,s,t,c,…": digits accumulate until a comma; the field cycles source → target → type.
  let value = 0;
  let field = 0;
  let e = 0;
  for (let at = 0; at <= edges.length; at++) {
    const code = at < edges.length ? edges.charCodeAt(at) : COMMA;
    if (code !== COMMA) {
      value = value * 10 + (code - ZERO);
      continue;
    }
    if (field === 0) src[e] = value;
    else if (field === 1) dst[e] = value;
    else type[e++] = DEPENDENCY_TYPE_CODES[value]!;
    field = (field + 1) % 3;
    value = 0;
  }
  if (e !== edgeRow.m) throw new Error(`inventory snapshot parsed ${e} of ${edgeRow.m} edges`);
  return createGraph(nodes, edgeArrays, e);
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
