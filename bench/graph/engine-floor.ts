import { buildCsr } from '../../src/inventory/graph/csr.ts';
import type { Starts } from './engine-bulwark.ts';
import type { Estate } from './estate.ts';
import { createFloorBfs } from './floor.ts';
import { median, memory, memoryDelta, round, time } from './measure.ts';

/** The floor on its own: CSR arrays and the bare BFS, nothing else in the process. */
export function runFloor(estate: Estate, starts: Starts, reps: number): Record<string, unknown> {
  const n = estate.nodes.ids.length;
  const before = memory();
  const build = time(() => buildCsr(n, estate.edges));
  const csr = build.value;
  const floor = createFloorBfs(n);
  const loadMemory = memoryDelta(before, memory());
  const bfs = (offsets: Uint32Array, targets: Uint32Array, list: number[]): Record<string, number>[] =>
    list.map((start) => {
      const runs = Array.from({ length: reps }, () => time(() => floor(offsets, targets, start)));
      return {
        start,
        reached: runs[0]!.value,
        ms: round(median(runs.map((r) => r.ms)), 2),
        cpuMs: round(median(runs.map((r) => r.cpuMs)), 2),
      };
    });
  const blast = bfs(csr.inOffsets, csr.inSources, starts.blast);
  const upstream = bfs(csr.outOffsets, csr.outTargets, starts.upstream);
  const summary = (list: Record<string, number>[]): Record<string, unknown> => ({
    medianMs: round(median(list.map((t) => t.ms!)), 2),
    medianCpuMs: round(median(list.map((t) => t.cpuMs!)), 2),
    starts: list,
  });
  return {
    engine: 'floor',
    load: { ms: round(build.ms), cpuMs: round(build.cpuMs), what: 'buildCsr + BFS buffers', ...loadMemory },
    rssAfterLoadMB: round(memory().rssMB),
    blastRadius: summary(blast),
    upstreamExposure: summary(upstream),
  };
}
