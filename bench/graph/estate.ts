/**
 * A seeded generator of a realistic estate graph: mostly supporting assets, ~5 % primary, a few hundred
 * outside organizations, power-law in-degree (hubs: shared hosts, sites, cloud providers) and cycles
 * (software ↔ software, host ↔ host, service ↔ service). Same seed, same graph, in every process.
 */
import { allocateEdgeArrays, type EdgeArrays } from '../../src/inventory/graph/csr.ts';
import { allocateNodeColumns, type NodeColumns } from '../../src/inventory/graph/graph.ts';
import { edgeTypeCode, nodeKindCode, type EdgeType, type NodeKind } from '../../src/inventory/graph/types.ts';

export interface Estate {
  nodes: NodeColumns;
  edges: EdgeArrays;
  /** First node int of each kind (kinds are contiguous blocks). */
  blocks: Map<NodeKind, { first: number; size: number }>;
}

/** Share of the nodes per kind; organizations are counted apart (0.03 %, at least 5). */
const SHARES: [NodeKind, number][] = [
  ['information', 0.03],
  ['business_process', 0.01],
  ['service', 0.01],
  ['software', 0.3],
  ['host', 0.2],
  ['cloud_resource', 0.15],
  ['storage', 0.06],
  ['network', 0.03],
  ['site', 0.005],
  ['person', 0.205],
];

/** Relationship rules: source kind, target kind, type, weight (share of the edges). */
const RULES: [NodeKind, NodeKind, EdgeType, number][] = [
  ['business_process', 'service', 'depends_on', 3],
  ['business_process', 'information', 'processes', 3],
  ['business_process', 'person', 'depends_on', 2],
  ['service', 'software', 'depends_on', 4],
  ['service', 'service', 'depends_on', 0.05],
  ['information', 'storage', 'stores', 3],
  ['information', 'software', 'stores', 1],
  ['software', 'host', 'runs_on', 5],
  ['software', 'cloud_resource', 'runs_on', 4],
  ['software', 'software', 'depends_on', 1.5],
  ['software', 'organization', 'provided_by', 1],
  ['storage', 'host', 'runs_on', 1],
  ['storage', 'cloud_resource', 'runs_on', 1],
  ['host', 'network', 'connects_to', 3],
  ['host', 'site', 'depends_on', 1],
  ['host', 'host', 'connects_to', 0.8],
  ['host', 'organization', 'provided_by', 0.3],
  ['network', 'site', 'depends_on', 0.5],
  ['cloud_resource', 'organization', 'provided_by', 2],
  ['cloud_resource', 'cloud_resource', 'depends_on', 0.6],
  ['person', 'organization', 'provided_by', 0.3],
  ['organization', 'organization', 'provided_by', 0.05],
];

/**
 * mulberry32, a small seeded PRNG, as a float in [0, 1). The state stays an int32 and the float is made
 * from 31 bits, so V8 keeps everything in small integers (a uint32 state boxes a heap number per call).
 */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 1) / 2147483648;
  };
}

export function generateEstate(n: number, m: number, seed: number): Estate {
  const random = prng(seed);
  const organizations = Math.max(5, Math.round(n * 0.0003));
  const blocks = new Map<NodeKind, { first: number; size: number }>();
  let first = 0;
  for (const [kind, share] of SHARES) {
    const size = Math.max(1, Math.round((n - organizations) * share));
    blocks.set(kind, { first, size });
    first += size;
  }
  const person = blocks.get('person')!;
  person.size += n - organizations - first; // rounding remainder
  blocks.set('organization', { first: n - organizations, size: organizations });

  const nodes = allocateNodeColumns(n);
  const { ids, kind, isPrimary, confidentiality, integrity, availability, criticality } = nodes;
  const level = (): number => 1 + Math.floor(random() * 4);
  for (const [name, block] of blocks) {
    const primary = name === 'information' || name === 'business_process' || name === 'service';
    for (let u = block.first; u < block.first + block.size; u++) {
      ids[u] = uuid(random);
      kind[u] = nodeKindCode(name);
      if (primary || random() < 0.1) {
        confidentiality[u] = level();
        integrity[u] = level();
        availability[u] = level();
      }
      if (primary) {
        isPrimary[u] = 1;
        criticality[u] = random() < 0.1 ? 4 : level() - (level() > 2 ? 1 : 0);
      }
    }
  }

  const edges = allocateEdgeArrays(m);
  const { src, dst, type } = edges;
  // Rules as flat arrays: destructuring and closures in this 5 M-iteration loop cost seconds of GC.
  const total = RULES.reduce((sum, rule) => sum + rule[3], 0);
  const cumulative = Float64Array.from(RULES, (_, i) => RULES.slice(0, i + 1).reduce((t, r) => t + r[3], 0) / total);
  const fromBlock = RULES.map((rule) => blocks.get(rule[0])!);
  const toBlock = RULES.map((rule) => blocks.get(rule[1])!);
  const ruleType = Uint8Array.from(RULES, (rule) => edgeTypeCode(rule[2]));
  const seen = new PairSet(m);
  for (let e = 0; e < m;) {
    const r = random();
    let rule = 0;
    while (rule < RULES.length - 1 && r >= cumulative[rule]!) rule++;
    const a = pick(fromBlock[rule]!, random, 1.3);
    const b = pick(toBlock[rule]!, random, 3);
    if (a === b || !seen.add(a, b)) continue;
    src[e] = a;
    dst[e] = b;
    type[e++] = ruleType[rule]!;
  }
  return {
    nodes,
    edges,
    blocks,
  };
}

/** A node of the block; exponent > 1 skews toward the block's first nodes (power-law hubs). */
function pick(block: { first: number; size: number }, random: () => number, exponent: number): number {
  return block.first + Math.min(block.size - 1, Math.floor(block.size * Math.pow(random(), exponent)));
}

/** A UUIDv7-shaped id (random bits only: the store's ids are UUIDv7 strings of this length). */
function uuid(random: () => number): string {
  const a = hexWord(random);
  const b = hexWord(random);
  const c = hexWord(random);
  const d = hexWord(random);
  return `${a}-${b.slice(0, 4)}-7${b.slice(5)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

function hexWord(random: () => number): string {
  return ((random() * 4294967296) >>> 0).toString(16).padStart(8, '0');
}

/** Open-addressing set of (a, b) pairs; a JavaScript Set of 5 M non-small-integer keys takes seconds. */
class PairSet {
  private readonly first: Uint32Array;
  private readonly second: Uint32Array;
  private readonly mask: number;

  constructor(expected: number) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.first = new Uint32Array(capacity).fill(0xffffffff);
    this.second = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Adds the pair; false when it was there already. */
  add(a: number, b: number): boolean {
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const f = this.first[i]!;
      if (f === 0xffffffff) {
        this.first[i] = a;
        this.second[i] = b;
        return true;
      }
      if (f === a && this.second[i] === b) return false;
      i = (i + 1) & this.mask;
    }
  }
}

/**
 * Deterministic start nodes: for blast radius the most depended-on organization, host and software;
 * for upstream exposure three business processes and a service.
 */
export function startNodes(estate: Estate, seed: number): { blast: number[]; upstream: number[] } {
  const n = estate.nodes.ids.length;
  const inDegree = new Uint32Array(n);
  for (const d of estate.edges.dst) inDegree[d]!++;
  const hub = (kind: NodeKind): number => {
    const { first, size } = estate.blocks.get(kind)!;
    let best = first;
    for (let u = first; u < first + size; u++) if (inDegree[u]! > inDegree[best]!) best = u;
    return best;
  };
  const random = prng(seed ^ 0x5bd1e995);
  const any = (kind: NodeKind): number => {
    const { first, size } = estate.blocks.get(kind)!;
    return first + Math.floor(random() * size);
  };
  return {
    blast: [hub('organization'), hub('host'), hub('software')],
    upstream: [any('business_process'), any('business_process'), any('business_process'), any('service')],
  };
}
