import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDueTables, startAutoAnalyze } from '../../src/platform/db/auto-analyze.ts';
import { createTestStore, TEST_STORE_KIND, type TestStore } from '../support/test-store.ts';

let scratch: TestStore;

beforeAll(async () => {
  scratch = await createTestStore();
});
afterAll(() => scratch.dispose());

/** The planner's row count of a table: what ANALYZE (or autovacuum) last measured, -1 when never. */
async function plannerRows(table: string): Promise<number> {
  const [row] = await scratch.store.query<{ n: number }>('select reltuples::float8 as n from pg_class where relname = $1', [table]);
  return row!.n;
}

/** Waits until the statistics system has counted at least `n` changes to `table` since its last analyse. */
async function countedChanges(table: string, n: number): Promise<void> {
  let counted = 0;
  for (let attempt = 0; attempt < 40 && counted < n; attempt++) {
    await sleep(100);
    // A new transaction sees fresh statistics (they are read once per transaction).
    const [row] = await scratch.store.query<{ n: number }>(
      'select coalesce(n_mod_since_analyze, 0)::int as n from pg_stat_user_tables where relname = $1',
      [table],
    );
    counted = row?.n ?? 0;
  }
  expect(counted).toBeGreaterThanOrEqual(n);
}

describe.runIf(TEST_STORE_KIND === 'embedded')('planner statistics on the embedded store (no autovacuum)', () => {
  it('analyses a table once enough of it changed, and leaves it alone after', async () => {
    const { store } = scratch;
    await store.query('create table analyze_probe (id int primary key, label text)');
    await store.query(`insert into analyze_probe select g, 'row ' || g from generate_series(1, 4000) g`);
    expect(await plannerRows('analyze_probe')).toBe(-1);
    // The statistics system counts changes when it flushes, at most once a second: wait for it to say so.
    let analysed: string[] = [];
    for (let attempt = 0; attempt < 20 && !analysed.includes('analyze_probe'); attempt++) {
      await sleep(250);
      analysed = await analyzeDueTables(store);
    }
    expect(analysed).toContain('analyze_probe');
    expect(await plannerRows('analyze_probe')).toBe(4000);
    // 100 more rows is under 50 + 10 % of 4,000: not due, once the statistics system has counted them (else
    // "not due" would hold whatever the threshold).
    await store.query(`insert into analyze_probe select g, 'row ' || g from generate_series(4001, 4100) g`);
    await countedChanges('analyze_probe', 100);
    expect(await analyzeDueTables(store)).not.toContain('analyze_probe');
    expect(await plannerRows('analyze_probe')).toBe(4000);
    // 400 more make 500 changes, over the 450 threshold: due.
    await store.query(`insert into analyze_probe select g, 'row ' || g from generate_series(4101, 4500) g`);
    await countedChanges('analyze_probe', 500);
    expect(await analyzeDueTables(store)).toContain('analyze_probe');
    expect(await plannerRows('analyze_probe')).toBe(4500);
  });

  it('runs by itself on a timer and stops cleanly', async () => {
    const { store } = scratch;
    await store.query('create table analyze_timer (id int primary key)');
    await store.query('insert into analyze_timer select g from generate_series(1, 3000) g');
    const seen: string[] = [];
    const analyzer = startAutoAnalyze(store, { firstAfterMs: 10, intervalMs: 200, onAnalyzed: (tables) => seen.push(...tables) });
    for (let waited = 0; waited < 8000 && !seen.includes('analyze_timer'); waited += 100) await sleep(100);
    await analyzer.stop();
    expect(seen).toContain('analyze_timer');
    expect(await plannerRows('analyze_timer')).toBe(3000);
  });
});

describe.runIf(TEST_STORE_KIND === 'postgres')('planner statistics on PostgreSQL', () => {
  it('leaves them to the server’s autovacuum: starting the analyser runs nothing', async () => {
    const { store } = scratch;
    await store.query('create table analyze_left (id int primary key)');
    await store.query('insert into analyze_left select g from generate_series(1, 3000) g');
    let called = false;
    const analyzer = startAutoAnalyze(store, { firstAfterMs: 1, intervalMs: 10, onAnalyzed: () => (called = true) });
    await sleep(300);
    await analyzer.stop();
    expect(called).toBe(false);
  });
});
