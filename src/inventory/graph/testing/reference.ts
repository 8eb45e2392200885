/**
 * Naive reference implementations over plain Maps and Sets, written for obviousness, not speed.
 * Property tests compare the engine against them on random small graphs.
 */
import type { EdgeRecord, NodeRecord } from '../records.ts';
import type { EdgeType, ProtectionProperty } from '../types.ts';

export class ReferenceGraph {
  readonly out = new Map<string, { to: string; type: EdgeType }[]>();
  readonly in = new Map<string, { to: string; type: EdgeType }[]>();
  readonly nodes = new Map<string, NodeRecord>();

  constructor(nodes: readonly NodeRecord[], edges: readonly EdgeRecord[]) {
    for (const node of nodes) {
      this.nodes.set(node.id, node);
      this.out.set(node.id, []);
      this.in.set(node.id, []);
    }
    for (const edge of edges) {
      this.out.get(edge.from)!.push({ to: edge.to, type: edge.type });
      this.in.get(edge.to)!.push({ to: edge.from, type: edge.type });
    }
  }

  neighbours(id: string, direction: 'out' | 'in', types?: readonly EdgeType[], without?: string): string[] {
    return (direction === 'out' ? this.out : this.in)
      .get(id)!
      .filter((edge) => (types === undefined || types.includes(edge.type)) && edge.to !== without)
      .map((edge) => edge.to);
  }

  /** Distances of everything reachable from `start` (level by level). */
  distances(
    start: string,
    direction: 'out' | 'in',
    types?: readonly EdgeType[],
    maxDepth = Infinity,
    without?: string,
  ): Map<string, number> {
    const distance = new Map([[start, 0]]);
    let frontier = [start];
    for (let d = 1; frontier.length > 0 && d <= maxDepth; d++) {
      const next: string[] = [];
      for (const u of frontier) {
        for (const v of this.neighbours(u, direction, types, without)) {
          if (!distance.has(v)) {
            distance.set(v, d);
            next.push(v);
          }
        }
      }
      frontier = next;
    }
    return distance;
  }

  reaches(from: string, to: string, types?: readonly EdgeType[]): boolean {
    return this.distances(from, 'out', types).has(to);
  }

  /** Effective level: own, or the highest primary asset that reaches the node. */
  effectiveLevel(id: string, property: ProtectionProperty, types?: readonly EdgeType[]): number {
    let level = this.nodes.get(id)![property] ?? 0;
    for (const [pid, p] of this.nodes) {
      if (p.isPrimary === true && this.reaches(pid, id, types)) level = Math.max(level, p[property] ?? 0);
    }
    return level;
  }

  /** Strict dominators of `target` from `root`: the nodes whose removal cuts every path. */
  dominators(root: string, target: string, types?: readonly EdgeType[]): Set<string> {
    const result = new Set<string>();
    for (const d of this.nodes.keys()) {
      if (d === target) continue;
      if (d === root || !this.distances(root, 'out', types, Infinity, d).has(target)) result.add(d);
    }
    return result;
  }

  /** Primary assets other than `id` that reach it. */
  primaryDependents(id: string, types?: readonly EdgeType[]): string[] {
    return [...this.nodes.values()].filter((p) => p.isPrimary === true && p.id !== id && this.reaches(p.id, id, types)).map((p) => p.id);
  }

  /** All simple paths from → to (depth-first; fine for small graphs), as id lists. */
  simplePaths(from: string, to: string, types?: readonly EdgeType[], maxDepth = Infinity): string[][] {
    const paths: string[][] = [];
    const walk = (path: string[]): void => {
      const last = path[path.length - 1]!;
      if (last === to) {
        paths.push(path);
        return;
      }
      if (path.length - 1 >= maxDepth) return;
      for (const v of new Set(this.neighbours(last, 'out', types))) if (!path.includes(v)) walk([...path, v]);
    };
    walk([from]);
    return paths;
  }
}
