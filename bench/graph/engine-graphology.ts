import { DirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import { EDGE_TYPES, ORGANIZATION_KIND } from '../../src/inventory/graph/types.ts';
import type { Starts } from './engine-bulwark.ts';
import { prng, type Estate } from './estate.ts';
import { log, median, memory, memoryDelta, round, sampled, time } from './measure.ts';

interface AssetAttributes {
  kind: number;
  isPrimary: boolean;
  confidentiality: number;
  integrity: number;
  availability: number;
  criticality: number;
  effective: [number, number, number];
}

/** Budget per operation before it is sampled and extrapolated. */
const BUDGET_MS = 30_000;

/**
 * The peer: graphology as its users write it (addNode/addEdge with string keys and attribute objects,
 * bfsFromNode for traversals). It has no condensation in the installed packages, so the whole-graph
 * operations are written the direct way (a traversal per primary asset / per organization).
 */
export function runGraphology(estate: Estate, starts: Starts, reps: number): Record<string, unknown> {
  const { ids, kind, isPrimary, confidentiality, integrity, availability, criticality } = estate.nodes;
  const { src, dst, type } = estate.edges;
  const n = ids.length;
  log('graphology: load');
  const before = memory();
  const load = time(() => {
    const graph = new DirectedGraph<AssetAttributes>();
    for (let u = 0; u < n; u++) {
      graph.addNode(ids[u]!, {
        kind: kind[u]!,
        isPrimary: isPrimary[u] === 1,
        confidentiality: confidentiality[u]!,
        integrity: integrity[u]!,
        availability: availability[u]!,
        criticality: criticality[u]!,
        effective: [0, 0, 0],
      });
    }
    for (let e = 0; e < src.length; e++) graph.addEdge(ids[src[e]!]!, ids[dst[e]!]!, { type: EDGE_TYPES[type[e]!] });
    return graph;
  });
  const graph = load.value;
  const loadMemory = memoryDelta(before, memory());
  log(`graphology: loaded in ${round(load.ms)} ms`);

  const bfs = (mode: 'inbound' | 'outbound', list: number[]): Record<string, unknown>[] =>
    list.map((start) => {
      const runs: { ms: number; cpuMs: number }[] = [];
      let reached = 0;
      // One run when a traversal takes seconds; up to `reps` when it is quick.
      for (let r = 0; r < reps && (r === 0 || runs[0]!.ms < 5_000); r++) {
        reached = 0;
        runs.push(time(() => bfsFromNode(graph, ids[start]!, () => void reached++, { mode })));
      }
      const ms = median(runs.map((run) => run.ms));
      log(`graphology: ${mode} bfs from ${start}: ${round(ms)} ms`);
      return { start, reached, ms: round(ms, 2), cpuMs: round(median(runs.map((run) => run.cpuMs)), 2), runs: runs.length };
    });
  const summary = (list: Record<string, unknown>[]): Record<string, unknown> => ({
    medianMs: round(median(list.map((t) => t.ms as number)), 2),
    medianCpuMs: round(median(list.map((t) => t.cpuMs as number)), 2),
    starts: list,
  });
  const blast = bfs('inbound', starts.blast);
  const upstream = bfs('outbound', starts.upstream);

  log('graphology: effective protection (a traversal per primary asset)');
  const primaries = shuffled(ids.filter((_, u) => isPrimary[u] === 1));
  const protection = sampled(primaries, BUDGET_MS, (primary) => {
    const own = graph.getNodeAttributes(primary);
    const levels = [own.confidentiality, own.integrity, own.availability];
    bfsFromNode(
      graph,
      primary,
      (_key, attributes) => {
        for (let p = 0; p < 3; p++) if (attributes.effective[p]! < levels[p]!) attributes.effective[p] = levels[p]!;
      },
      { mode: 'outbound' },
    );
  });
  log('graphology: concentration (a traversal per organization)');
  const organizations = shuffled(ids.filter((_, u) => kind[u] === ORGANIZATION_KIND));
  const counted: { organization: string; primaryDependents: number; criticalitySum: number }[] = [];
  const concentration = sampled(organizations, BUDGET_MS, (organization) => {
    let primaryDependents = 0;
    let criticalitySum = 0;
    bfsFromNode(
      graph,
      organization,
      (_key, attributes) => {
        if (attributes.isPrimary) {
          primaryDependents++;
          criticalitySum += attributes.criticality;
        }
      },
      { mode: 'inbound' },
    );
    counted.push({ organization, primaryDependents, criticalitySum });
  });
  counted.sort((a, b) => b.primaryDependents - a.primaryDependents);
  return {
    engine: 'graphology',
    load: {
      ms: round(load.ms),
      cpuMs: round(load.cpuMs),
      what: 'DirectedGraph addNode + addEdge, uuid keys, attribute objects',
      ...loadMemory,
    },
    rssAfterLoadMB: round(memory().rssMB),
    blastRadius: summary(blast),
    upstreamExposure: summary(upstream),
    effectiveProtection: { method: 'outbound bfsFromNode per primary asset', ...protection },
    concentration: {
      method: 'inbound bfsFromNode per organization (organizations only)',
      ...concentration,
      topSampled: counted[0],
    },
  };
}

/** A seeded shuffle, so that a time-boxed sample is a fair one (ids come in power-law order: hubs first). */
function shuffled<T>(items: T[]): T[] {
  const random = prng(7);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
