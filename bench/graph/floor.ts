/**
 * The floor: the simplest breadth-first traversal over CSR arrays (a while loop, a Uint32Array queue and a
 * Uint8Array visited). Its buffers are allocated once and the visited bytes cleared per call, so the floor
 * pays no page faults for fresh memory: nothing real can be faster, and ratios are measured against it.
 */
export function createFloorBfs(n: number): (offsets: Uint32Array, targets: Uint32Array, start: number) => number {
  const visited = new Uint8Array(n);
  const queue = new Uint32Array(n);
  return (offsets, targets, start) => {
    visited.fill(0);
    let head = 0;
    let tail = 1;
    queue[0] = start;
    visited[start] = 1;
    while (head < tail) {
      const u = queue[head++]!;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const v = targets[e]!;
        if (visited[v] === 0) {
          visited[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    return tail;
  };
}
