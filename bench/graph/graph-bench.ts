/**
 * Inventory graph benchmark: our engine against a bare typed-array BFS floor and graphology, each in its
 * own child process (so one engine's memory does not disturb another's), on the same seeded estate.
 *
 *   npx tsx bench/graph/graph-bench.ts [--nodes 1000000] [--edges 5000000] [--seed 42] [--reps 5]
 *                                      [--engines bulwark,floor,graphology]
 *
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBulwark } from './engine-bulwark.ts';
import { runFloor } from './engine-floor.ts';
import { runGraphology } from './engine-graphology.ts';
import { generateEstate, startNodes } from './estate.ts';
import { log, round, time } from './measure.ts';

const ENGINES = ['bulwark', 'floor', 'graphology'] as const;
type Engine = (typeof ENGINES)[number];

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1000000' },
    edges: { type: 'string', default: '5000000' },
    seed: { type: 'string', default: '42' },
    reps: { type: 'string', default: '5' },
    engines: { type: 'string', default: ENGINES.join(',') },
    engine: { type: 'string' },
  },
});
const nodes = Number(values.nodes);
const edges = Number(values.edges);
const seed = Number(values.seed);
const reps = Number(values.reps);

function runEngine(engine: Engine): Record<string, unknown> {
  log(`${engine}: generating ${nodes} nodes / ${edges} edges (seed ${seed})`);
  const generation = time(() => generateEstate(nodes, edges, seed));
  const estate = generation.value;
  const starts = startNodes(estate, seed);
  const run = engine === 'bulwark' ? runBulwark : engine === 'floor' ? runFloor : runGraphology;
  const result = run(estate, starts, reps);
  return { ...result, generationMs: round(generation.ms), starts };
}

function runChild(engine: Engine): Record<string, unknown> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--expose-gc', '--max-old-space-size=6144', '--import', 'tsx', script, '--engine', engine];
  args.push('--nodes', String(nodes), '--edges', String(edges), '--seed', String(seed), '--reps', String(reps));
  const child = spawnSync(process.execPath, args, {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (child.status !== 0) return { engine, error: `exit ${child.status ?? child.signal}` };
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

type Figures = Record<string, unknown>;
const at = (object: Figures | undefined, path: string): number | undefined => {
  let value: unknown = object;
  for (const key of path.split('.')) value = (value as Figures | undefined)?.[key];
  return typeof value === 'number' ? value : undefined;
};
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : round(a / b, 2);

function summarize(results: Partial<Record<Engine, Figures>>): Figures {
  const { bulwark, floor, graphology } = results;
  const perStart = (key: 'ratio' | 'cpuRatio'): number[] =>
    ['blastRadius', 'upstreamExposure'].flatMap(
      (query) => ((bulwark?.[query] as Figures | undefined)?.starts as Figures[] | undefined)?.map((s) => s[key] as number) ?? [],
    );
  const worst = (values: number[]): number | null => (values.length > 0 ? round(Math.max(...values), 2) : null);
  const wallRatios = perStart('ratio');
  const cpuRatios = perStart('cpuRatio');
  const protectionMs = at(bulwark, 'effectiveProtection.ms');
  const protectionCpuMs = at(bulwark, 'effectiveProtection.cpuMs');
  const versus = (peer: string, ours: string): { wall: number | null; cpu: number | null } => ({
    wall: ratio(
      at(graphology, `${peer}.ms`) ?? at(graphology, `${peer}.medianMs`),
      at(bulwark, `${ours}.ms`) ?? at(bulwark, `${ours}.medianMs`),
    ),
    cpu: ratio(
      at(graphology, `${peer}.cpuMs`) ?? at(graphology, `${peer}.medianCpuMs`),
      at(bulwark, `${ours}.cpuMs`) ?? at(bulwark, `${ours}.medianCpuMs`),
    ),
  });
  return {
    benchmark: 'inventory-graph',
    graph: { nodes, edges, seed },
    machine: { cpus: os.cpus().length, loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)), node: process.version },
    ratios: {
      bfsOursOverFloor: {
        note: 'median of per-pair ratios (ours and floor alternate in one process), per start; worst start shown',
        worstWall: worst(wallRatios),
        worstCpu: worst(cpuRatios),
        wallPerStart: wallRatios,
        cpuPerStart: cpuRatios,
      },
      floorChildOverBulwarkChildFloor: ratio(at(floor, 'blastRadius.medianCpuMs'), at(bulwark, 'blastRadius.starts.0.floorCpuMs')),
      graphologyOverOurs: {
        load: versus('load', 'load'),
        blastRadius: versus('blastRadius', 'blastRadius'),
        upstreamExposure: versus('upstreamExposure', 'upstreamExposure'),
        effectiveProtection: versus('effectiveProtection', 'effectiveProtection'),
        concentration: versus('concentration', 'concentration'),
        heapAfterLoad: ratio(at(graphology, 'load.heapMB'), (at(bulwark, 'load.heapMB') ?? 0) + (at(bulwark, 'load.arrayBuffersMB') ?? 0)),
        rssAfterLoad: ratio(at(graphology, 'rssAfterLoadMB'), at(bulwark, 'rssAfterLoadMB')),
      },
    },
    goals: {
      bfsWithin1_5xFloor: { wall: wallRatios.every((r) => r <= 1.5), cpu: cpuRatios.every((r) => r <= 1.5) },
      effectiveProtectionUnder2s: {
        wall: protectionMs === undefined ? null : protectionMs < 2000,
        cpu: protectionCpuMs === undefined ? null : protectionCpuMs < 2000,
      },
    },
    ...results,
  };
}

function main(): void {
  if (values.engine !== undefined) {
    process.stdout.write(`${JSON.stringify(runEngine(values.engine as Engine))}\n`);
    return;
  }
  const engines = values.engines.split(',').filter((e): e is Engine => (ENGINES as readonly string[]).includes(e));
  const results: Partial<Record<Engine, Record<string, unknown>>> = {};
  for (const engine of engines) results[engine] = runChild(engine);
  process.stdout.write(`${JSON.stringify(summarize(results), null, 2)}\n`);
}

main();
