import type { Store } from './store.ts';

/*
 * PGlite runs no autovacuum worker, so an embedded store never gathers planner statistics on its own: after an
 * import of thousands of assets the planner still believes tables are empty and picks plans for that (the
 * register's search scanned 50,000 rows where the trigram index answers in 2 ms). This does what PostgreSQL's
 * autovacuum does for ANALYZE, with its default thresholds: a table is analysed once the rows changed since
 * its last analysis exceed 50 + 10 % of its rows. PostgreSQL servers have their own autovacuum and do not run it.
 */

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, PostgreSQL's defaults. */
const THRESHOLD = 50;
const SCALE_FACTOR = 0.1;

const DUE_SQL = `select s.relname as name from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                  where s.schemaname = 'public' and s.n_mod_since_analyze > ${THRESHOLD} + ${SCALE_FACTOR} * greatest(c.reltuples, 0)
                  order by s.relname`;

/** Analyses every table that is due; returns their names. One table at a time: PGlite runs one statement at a time anyway. */
export async function analyzeDueTables(store: Store): Promise<string[]> {
  const due = await store.query<{ name: string }>(DUE_SQL);
  for (const { name } of due) await store.query(`analyze "${name.replaceAll('"', '""')}"`);
  return due.map((row) => row.name);
}

export interface AutoAnalyzer {
  stop(): Promise<void>;
}

/**
 * Checks every `intervalMs` (and once soon after start) on an embedded store; a no-op on PostgreSQL. A check
 * is one catalogue query; an ANALYZE samples at most 30,000 rows of a table, a few hundred milliseconds at
 * 100,000 rows, during which PGlite answers nothing else — hence checks a minute apart, not after every write.
 */
export function startAutoAnalyze(
  store: Store,
  options: {
    intervalMs?: number;
    firstAfterMs?: number;
    onAnalyzed?: (tables: string[], ms: number) => void;
    onError?: (error: unknown) => void;
  } = {},
): AutoAnalyzer {
  if (store.kind !== 'embedded') return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = (): void => {
    if (stopped || running) return;
    const started = performance.now();
    running = analyzeDueTables(store)
      .then((tables) => {
        if (tables.length > 0) options.onAnalyzed?.(tables, Math.round(performance.now() - started));
      })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(tick, options.firstAfterMs ?? 5_000);
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
