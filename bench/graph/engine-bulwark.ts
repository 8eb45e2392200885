import { concentration } from '../../src/inventory/graph/concentration.ts';
import { buildCsr, csrByteSize } from '../../src/inventory/graph/csr.ts';
import { blastRadius, upstreamExposure } from '../../src/inventory/graph/exposure.ts';
import { createGraph, type InventoryGraph } from '../../src/inventory/graph/graph.ts';
import { pathsBetween } from '../../src/inventory/graph/paths.ts';
import { effectiveProtection } from '../../src/inventory/graph/protection.ts';
import { componentsOf } from '../../src/inventory/graph/scc.ts';
import { singlePointsOfFailure } from '../../src/inventory/graph/spof.ts';
import { ALL_EDGE_TYPES } from '../../src/inventory/graph/types.ts';
import type { Estate } from './estate.ts';
import { createFloorBfs } from './floor.ts';
import { log, median, memory, memoryDelta, round, time } from './measure.ts';

export interface Starts {
  blast: number[];
  upstream: number[];
}

/** Median wall and CPU ms of `reps` runs. */
function repeated(reps: number, run: () => unknown): { ms: number; cpuMs: number } {
  const runs = Array.from({ length: reps }, () => time(run));
  return { ms: round(median(runs.map((r) => r.ms))), cpuMs: round(median(runs.map((r) => r.cpuMs))) };
}

/**
 * Our engine. Each traversal alternates with the floor BFS over the same arrays in the same process, and
 * the ratio is the median of the per-pair ratios, so it holds on a noisy shared machine.
 */
export function runBulwark(estate: Estate, starts: Starts, reps: number): Record<string, unknown> {
  const n = estate.nodes.ids.length;
  log('bulwark: buildCsr');
  let before = memory();
  const csrRun = time(() => buildCsr(n, estate.edges));
  const csrMemory = memoryDelta(before, memory());
  const csrBytes = csrByteSize(csrRun.value);
  log(`bulwark: buildCsr ${round(csrRun.ms)} ms; createGraph`);
  before = memory();
  const load = time(() => createGraph(estate.nodes, estate.edges));
  const g = load.value;
  const loadMemory = memoryDelta(before, memory());

  log('bulwark: blastRadius');
  const blast = traversals(g, 'in', starts.blast, reps);
  log('bulwark: upstreamExposure');
  const upstream = traversals(g, 'out', starts.upstream, reps);

  log('bulwark: components');
  const scc = time(() => componentsOf(g, ALL_EDGE_TYPES));
  let largest = 0;
  let cyclic = 0;
  for (let c = 0; c < scc.value.count; c++) {
    const size = scc.value.start[c + 1]! - scc.value.start[c]!;
    largest = Math.max(largest, size);
    if (size > 1) cyclic += size;
  }
  log('bulwark: effectiveProtection');
  before = memory();
  const firstProtection = time(() => effectiveProtection(g));
  const protectionMemory = memoryDelta(before, memory());
  const protection = repeated(Math.max(1, Math.min(reps, 3)), () => effectiveProtection(g));
  log('bulwark: concentration');
  const ranking = concentration(g, { topK: 10 });
  const concentrationTime = repeated(Math.max(1, Math.min(reps, 3)), () => concentration(g, { topK: 10 }));
  log('bulwark: single points of failure and paths');
  const spof = starts.upstream.map((s) => {
    const run = time(() => singlePointsOfFailure(g, s));
    const { upstream: size, bottoms, points } = run.value;
    const chokepoints = points.filter((p) => !p.isBottom).length;
    return { start: s, ms: round(run.ms), cpuMs: round(run.cpuMs), upstream: size, bottoms, points: points.length, chokepoints };
  });
  const paths = time(() => pathsBetween(g, starts.upstream[0]!, starts.blast[0]!, { maxPaths: 5 }));
  return {
    engine: 'bulwark',
    buildCsr: { ms: round(csrRun.ms), cpuMs: round(csrRun.cpuMs), bytesMB: round(csrBytes / 1024 / 1024), ...csrMemory },
    load: { ms: round(load.ms), cpuMs: round(load.cpuMs), what: 'createGraph: CSR both directions + id index', ...loadMemory },
    rssAfterLoadMB: round(memory().rssMB),
    components: { ms: round(scc.ms), cpuMs: round(scc.cpuMs), count: scc.value.count, largest, nodesInCycles: cyclic },
    blastRadius: summary(blast),
    upstreamExposure: summary(upstream),
    effectiveProtection: { ...protection, firstMs: round(firstProtection.ms), ...protectionMemory },
    concentration: {
      ...concentrationTime,
      evaluated: ranking.evaluated,
      topOrganization: ranking.organizations[0],
      topAsset: ranking.assets[0],
    },
    singlePointsOfFailure: spof,
    pathsBetween: { ms: round(paths.ms), found: paths.value.length, lengths: paths.value.map((p) => p.nodes.length - 1) },
  };
}

interface Traversal {
  start: number;
  reached: number;
  ms: number;
  cpuMs: number;
  floorMs: number;
  floorCpuMs: number;
  ratio: number;
  cpuRatio: number;
}

function traversals(g: InventoryGraph, direction: 'in' | 'out', list: number[], reps: number): Traversal[] {
  const floor = createFloorBfs(g.n);
  const offsets = direction === 'in' ? g.base.inOffsets : g.base.outOffsets;
  const targets = direction === 'in' ? g.base.inSources : g.base.outTargets;
  return list.map((start) => {
    const ours: { ms: number; cpuMs: number }[] = [];
    const floors: { ms: number; cpuMs: number }[] = [];
    let reached = 0;
    for (let r = 0; r < reps; r++) {
      floors.push(time(() => floor(offsets, targets, start)));
      const run = time(() => (direction === 'in' ? blastRadius(g, start) : upstreamExposure(g, start)));
      ours.push(run);
      reached = run.value.nodes.length;
    }
    const pairs = (key: 'ms' | 'cpuMs'): number => median(ours.map((o, i) => o[key] / Math.max(floors[i]![key], 0.01)));
    return {
      start,
      reached,
      ms: round(median(ours.map((o) => o.ms)), 2),
      cpuMs: round(median(ours.map((o) => o.cpuMs)), 2),
      floorMs: round(median(floors.map((f) => f.ms)), 2),
      floorCpuMs: round(median(floors.map((f) => f.cpuMs)), 2),
      ratio: round(pairs('ms'), 3),
      cpuRatio: round(pairs('cpuMs'), 3),
    };
  });
}

function summary(list: Traversal[]): Record<string, unknown> {
  return {
    medianMs: round(median(list.map((t) => t.ms)), 2),
    medianCpuMs: round(median(list.map((t) => t.cpuMs)), 2),
    medianRatio: round(median(list.map((t) => t.ratio)), 3),
    starts: list,
  };
}
