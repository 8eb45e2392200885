import { StampedMemo } from '../platform/db/stamped-memo.ts';
import type { Store } from '../platform/db/store.ts';

/*
 * Register totals and heat maps, remembered until the organization changes. Counting 50,000 scenarios costs
 * the database milliseconds on every page view, while the answer only moves when something is written — and
 * every write in Bulwark appends to the organization's audit chain in its own transaction, bumping
 * organizations.audit_seq (ARCHITECTURE.md). So an answer is stored with the audit head it was computed at
 * (read in the same statement, so the same snapshot) and reused while a request finds the head unchanged;
 * `today` is part of the key, for the filters that compare dates. Still exact, computed once per change. Per
 * store and per process (platform/db/stamped-memo.ts).
 */

const memo = new StampedMemo<unknown>(2_000);

/** A key for one question: what is asked (total, heat map of a rating), of which set, with which filters, on which day. */
export function registerCacheKey(kind: string, orgId: string, criteriaId: string, today: string, filter: object): string {
  const entries = Object.entries(filter)
    .filter(([name, value]) => value !== undefined && name !== 'criteriaId')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${orgId}|${criteriaId}|${kind}|${today}|${JSON.stringify(entries)}`;
}

/** The remembered answer if it was computed at audit head `stamp`. */
export function cachedAt<T>(store: Store, key: string, stamp: string): T | undefined {
  return memo.at(store, key, stamp) as T | undefined;
}

export function remember(store: Store, key: string, stamp: string, value: unknown): void {
  memo.remember(store, key, stamp, value);
}

/** SQL for the audit head of organization `$1`, as text (bigint). */
export const AUDIT_HEAD_SQL = '(select o.audit_seq::text from organizations o where o.id = $1)';
