/** Timing and memory helpers for the graph benchmark (stderr for progress, stdout stays one JSON object). */

export interface Memory {
  heapMB: number;
  arrayBuffersMB: number;
  rssMB: number;
}

const MB = 1024 * 1024;

/** Memory after a full collection when the process runs with --expose-gc. */
export function memory(): Memory {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heapMB: usage.heapUsed / MB, arrayBuffersMB: usage.arrayBuffers / MB, rssMB: usage.rss / MB };
}

export function memoryDelta(before: Memory, after: Memory): Memory {
  return {
    heapMB: round(after.heapMB - before.heapMB),
    arrayBuffersMB: round(after.arrayBuffersMB - before.arrayBuffersMB),
    rssMB: round(after.rssMB - before.rssMB),
  };
}

/** CPU time of this process (all its threads), in ms. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Wall and CPU time of a run. On a shared machine the process is often descheduled, which inflates
 * wall time but not CPU time; both are reported.
 */
export function time<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = cpuMs();
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, cpuMs: cpuMs() - cpu, value };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function log(message: string): void {
  process.stderr.write(`[graph-bench] ${message}\n`);
}

/**
 * Runs `run(item)` over items until done or `budgetMs` has passed, and extrapolates the total: for the
 * operations that would take minutes on a slow engine.
 */
export function sampled<T>(
  items: readonly T[],
  budgetMs: number,
  run: (item: T) => void,
): {
  ms: number;
  cpuMs: number;
  extrapolated: boolean;
  sampled: number;
  of: number;
  msPerItem: number;
} {
  let done = 0;
  const start = performance.now();
  const cpu = cpuMs();
  while (done < items.length && performance.now() - start < budgetMs) run(items[done++]!);
  const elapsed = performance.now() - start;
  const elapsedCpu = cpuMs() - cpu;
  const scale = done === 0 ? 0 : items.length / done;
  return {
    ms: round(elapsed * scale, 0),
    cpuMs: round(elapsedCpu * scale, 0),
    extrapolated: done < items.length,
    sampled: done,
    of: items.length,
    msPerItem: round(done === 0 ? 0 : elapsed / done),
  };
}
