/**
 * Graph analytics of the cyberspace inventory: a pure module over typed arrays (no IO, no clock).
 * Nodes are assets and outside organizations; edge A→B means "A depends on B" (see types.ts).
 */
export * from './types.ts';
export { allocateEdgeArrays, buildCsr, csrByteSize, type Csr, type EdgeArrays } from './csr.ts';
export { allocateNodeColumns, createGraph, forEachNeighbor, nodeOf, type InventoryGraph, type NodeColumns } from './graph.ts';
export { graphFromRecords, type EdgeRecord, type NodeRecord } from './records.ts';
export { compact, edgeCount } from './compaction.ts';
export { addEdge, addNode, applyChanges, clearEdges, hasEdge, removeEdge, removeNode, setAttributes, type GraphChange } from './delta.ts';
export { pathInReach, type Reach } from './bfs.ts';
export { blastRadius, upstreamExposure, type OrganizationExposure, type UpstreamExposure } from './exposure.ts';
export { componentsOf, type Components } from './scc.ts';
export { effectiveProtection, explainProtection, type PropertyProtection, type ProtectionResult } from './protection.ts';
export { concentration, type ConcentrationEntry, type ConcentrationOptions, type ConcentrationResult } from './concentration.ts';
export { dominatorTree, dominatorsOf, type DominatorTree } from './dominators.ts';
export { singlePointsOfFailure, type SinglePointOfFailure, type SpofOptions, type SpofResult } from './spof.ts';
export { pathsBetween, shortestPath, type GraphPath, type PathOptions } from './paths.ts';
