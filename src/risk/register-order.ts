import { StampedMemo } from '../platform/db/stamped-memo.ts';
import type { Store } from '../platform/db/store.ts';
import { registerCacheKey } from './register-cache.ts';
import { REGISTER_ROWS_BY_IDS_SQL, registerOrderSql, type BuiltSql, type FilterScope, type RegisterRow } from './register.query.ts';
import type { RegisterSort, TRegisterFilter } from './register.schema.ts';

/*
 * Deep pages of the register from a remembered order. A page at offset 25,000 makes the database walk
 * 25,000 index entries to skip them, on every request; people paging through a large register, or a
 * scattered set of readers, ask for many such pages of the same filter and sort. So the first deep page of
 * a (filter, sort) at an audit head reads every matching id in order, once, and keeps them (16 bytes each,
 * with the head they were read at, like the totals in register-cache.ts); every deep page of that order
 * while the head stands is a slice of it and a primary-key lookup of its rows. Any audited write moves the
 * head, so a page is never sliced from an order the write could have changed.
 */

/** Pages from this offset on are sliced from the order; walking to a shallower one costs less than reading an order. */
export const DEEP_OFFSET = 200;
const UUID_BYTES = 16;
/** 32 orders of 50,000 scenarios are 25 MB. */
const orders = new StampedMemo<Uint8Array>(32);

export interface OrderedPage {
  rows: RegisterRow[];
  total: number;
  /** The audit head the order was read at. */
  stamp: string;
}

function uuidAt(ids: Uint8Array, index: number): string {
  const hex = Buffer.from(ids.buffer, ids.byteOffset + index * UUID_BYTES, UUID_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Orders being read, by key and head: when many readers ask for deep pages of one order at once (a busy
 * register just after a write), one reads it and the others wait for that read instead of each reading
 * 800 KB. Per store, like the memo.
 */
const reading = new WeakMap<Store, Map<string, Promise<{ ids: Uint8Array; stamp: string }>>>();

/** Which order: the filter, the sort and its direction. */
export interface Ordering {
  filter: Partial<TRegisterFilter>;
  sort: RegisterSort;
  direction: 'asc' | 'desc' | undefined;
}

/** The matching ids in order at audit head `stamp`, remembered or read (then at the head the read saw). */
function orderOf(
  store: Store,
  scope: FilterScope,
  stamp: string,
  { filter, sort, direction }: Ordering,
): Promise<{ ids: Uint8Array; stamp: string }> | { ids: Uint8Array; stamp: string } {
  const key = registerCacheKey('order', scope.orgId, scope.criteriaId, scope.today, { ...filter, sort, direction });
  const known = orders.at(store, key, stamp);
  if (known) return { ids: known, stamp };
  let inFlight = reading.get(store);
  if (!inFlight) reading.set(store, (inFlight = new Map()));
  const flightKey = `${key}@${stamp}`;
  const pending = inFlight.get(flightKey);
  if (pending) return pending;
  const read = readOrder(store, registerOrderSql(scope, filter, sort, direction)).then((order) => {
    orders.remember(store, key, order.stamp, order.ids);
    return order;
  });
  inFlight.set(flightKey, read);
  const forget = (): void => void inFlight.delete(flightKey);
  read.then(forget, forget);
  return read;
}

async function readOrder(store: Store, built: BuiltSql): Promise<{ ids: Uint8Array; stamp: string }> {
  const [row] = await store.query<{ stamp: string; ids: string }>(built.text, built.params);
  // PostgreSQL breaks base64 into lines, which the decoder skips.
  return { ids: Buffer.from(row!.ids, 'base64'), stamp: row!.stamp };
}

/** One page (limit rows from offset) of the register in the sort's order, with the number of matches. */
export async function orderedPage(
  store: Store,
  scope: FilterScope,
  stamp: string,
  ordering: Ordering,
  page: { limit: number; offset: number },
): Promise<OrderedPage> {
  const order = await orderOf(store, scope, stamp, ordering);
  const total = order.ids.byteLength / UUID_BYTES;
  const end = Math.min(total, page.offset + page.limit);
  const ids: string[] = [];
  for (let i = page.offset; i < end; i++) ids.push(uuidAt(order.ids, i));
  const rows =
    ids.length === 0
      ? []
      : await store.query<RegisterRow>(REGISTER_ROWS_BY_IDS_SQL.text, [scope.orgId, ids], { name: REGISTER_ROWS_BY_IDS_SQL.name });
  return { rows, total, stamp: order.stamp };
}
