import type { Store } from './store.ts';

/*
 * Answers remembered with the stamp of the data they were computed from. A stamp is a value the database
 * moves on every write that could change the answer (an organization's audit head, its inventory version),
 * read in the same statement as the answer, so the two come from one snapshot. A reader asks for the
 * current stamp (one cheap query, which it needs anyway for its token check) and reuses the answer only
 * while the stamp is unchanged: exact, computed once per change. Per store and per process; another
 * process keeps its own, checked against the same stamps.
 */
export class StampedMemo<T> {
  private readonly caches = new WeakMap<Store, Map<string, { stamp: string; value: T }>>();

  /** `maxEntries` bounds memory: beyond it the least recently stored answer goes. */
  constructor(private readonly maxEntries: number) {}

  private cacheOf(store: Store): Map<string, { stamp: string; value: T }> {
    let cache = this.caches.get(store);
    if (!cache) {
      cache = new Map();
      this.caches.set(store, cache);
    }
    return cache;
  }

  /** The remembered answer if it was computed at `stamp`. */
  at(store: Store, key: string, stamp: string): T | undefined {
    const entry = this.cacheOf(store).get(key);
    return entry && entry.stamp === stamp ? entry.value : undefined;
  }

  /** The remembered answer and its stamp, whatever the stamp (the caller checks it against the store). */
  latest(store: Store, key: string): { stamp: string; value: T } | undefined {
    return this.cacheOf(store).get(key);
  }

  remember(store: Store, key: string, stamp: string, value: T): void {
    const cache = this.cacheOf(store);
    cache.delete(key);
    cache.set(key, { stamp, value });
    // Maps iterate in insertion order: the first key is the least recently stored.
    if (cache.size > this.maxEntries) cache.delete(cache.keys().next().value!);
  }
}
