import { traverse } from './bfs.ts';
import { buildCsr, type Csr } from './csr.ts';
import { assertNode, forEachNeighbor, type InventoryGraph } from './graph.ts';
import { scratchFor } from './scratch.ts';
import { edgeTypeMask, type EdgeType, type EdgeTypeMask } from './types.ts';

/** The subgraph reachable from a root, renumbered 0..r-1 in breadth-first order (root = 0). */
export interface LocalGraph extends Csr {
  /** Graph int of each local node. */
  nodes: Uint32Array;
}

/** Copies the part of g reachable from `root` over `mask` into a small CSR of its own. O(reach). */
export function forwardSubgraph(g: InventoryGraph, root: number, mask: EdgeTypeMask): LocalGraph {
  const { nodes } = traverse(g, root, 'out', mask);
  const slot = scratchFor(g).slot;
  for (let i = 0; i < nodes.length; i++) slot[nodes[i]!] = i;
  let m = 0;
  const count = (): void => void m++;
  for (let i = 0; i < nodes.length; i++) forEachNeighbor(g, nodes[i]!, 'out', mask, count);
  const edges = { src: new Uint32Array(m), dst: new Uint32Array(m), type: new Uint8Array(m) };
  let e = 0;
  let from = 0;
  const copy = (v: number, t: number): void => {
    edges.src[e] = from;
    edges.dst[e] = slot[v]!;
    edges.type[e++] = t;
  };
  for (from = 0; from < nodes.length; from++) forEachNeighbor(g, nodes[from]!, 'out', mask, copy);
  return { ...buildCsr(nodes.length, edges), nodes };
}

/** Immediate dominators of a local graph, by local id: idom[0] = 0, po = postorder numbers, rpo = order. */
export interface LocalDominators {
  idom: Int32Array;
  po: Uint32Array;
  rpo: Uint32Array;
}

/**
 * Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm" (2001): iterate
 * idom(b) = ∩ idom over b's processed predecessors, in reverse postorder, until nothing changes.
 * Near-linear on dependency graphs (few passes); every local node must be reachable from 0.
 */
export function localDominators(local: LocalGraph): LocalDominators {
  const r = local.n;
  const { outOffsets, outTargets, inOffsets, inSources } = local;
  const po = new Uint32Array(r);
  const rpo = new Uint32Array(r);
  const seen = new Uint8Array(r);
  const stack = new Uint32Array(r);
  const cursor = new Uint32Array(r);
  let sp = 0;
  let finished = 0;
  seen[0] = 1;
  stack[sp++] = 0;
  cursor[0] = outOffsets[0]!;
  while (sp > 0) {
    const v = stack[sp - 1]!;
    const e = cursor[sp - 1]!;
    if (e < outOffsets[v + 1]!) {
      cursor[sp - 1] = e + 1;
      const w = outTargets[e]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        stack[sp] = w;
        cursor[sp++] = outOffsets[w]!;
      }
      continue;
    }
    sp--;
    po[v] = finished;
    rpo[r - 1 - finished] = v;
    finished++;
  }
  const idom = new Int32Array(r).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (po[a]! < po[b]!) a = idom[a]!;
      while (po[b]! < po[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = r > 1; changed;) {
    changed = false;
    for (let k = 1; k < r; k++) {
      const b = rpo[k]!;
      let next = -1;
      for (let e = inOffsets[b]!, end = inOffsets[b + 1]!; e < end; e++) {
        const p = inSources[e]!;
        if (idom[p] === -1) continue;
        next = next < 0 ? p : intersect(p, next);
      }
      if (idom[b] !== next) {
        idom[b] = next;
        changed = true;
      }
    }
  }
  return { idom, po, rpo };
}

export interface DominatorTree {
  root: number;
  /** Nodes reachable from the root, in reverse postorder (root first): a node comes after its dominators. */
  nodes: Uint32Array;
  /** idom[i] = index in `nodes` of the immediate dominator of nodes[i]; −1 for the root. */
  idom: Int32Array;
}

/**
 * Dominator tree of the forward graph from `root`: d dominates v when every dependency path from the
 * root to v passes through d.
 */
export function dominatorTree(g: InventoryGraph, root: number, options: { edgeTypes?: readonly EdgeType[] } = {}): DominatorTree {
  assertNode(g, root);
  const local = forwardSubgraph(g, root, edgeTypeMask(options.edgeTypes));
  const { idom, rpo } = localDominators(local);
  const position = new Uint32Array(local.n);
  for (let k = 0; k < rpo.length; k++) position[rpo[k]!] = k;
  const nodes = new Uint32Array(rpo.length);
  const tree = new Int32Array(rpo.length);
  for (let k = 0; k < rpo.length; k++) {
    nodes[k] = local.nodes[rpo[k]!]!;
    tree[k] = k === 0 ? -1 : position[idom[rpo[k]!]!]!;
  }
  return { root, nodes, idom: tree };
}

/** The dominators of `node` (itself first, the root last); [] when the tree does not reach it. */
export function dominatorsOf(tree: DominatorTree, node: number): number[] {
  const chain: number[] = [];
  for (let k = tree.nodes.indexOf(node); k >= 0; k = tree.idom[k]!) chain.push(tree.nodes[k]!);
  return chain;
}
