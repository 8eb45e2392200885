import type { DependencyType, GraphNode, HighlightMode, NodeKind } from './graph-types';
import { distanceIn } from './neighbourhood';

/** One colour per dependency type (edges, the legend and the filter use the same). */
export const EDGE_COLORS: Record<DependencyType, string> = {
  'depends-on': '#5c7cfa',
  'runs-on': '#12b886',
  stores: '#be4bdb',
  'connects-to': '#fd7e14',
  'provided-by': '#e64980',
  processes: '#228be6',
};
/** Tree edges whose type the API did not give. */

export const DEPENDENCY_TYPE_LABELS: Record<DependencyType, string> = {
  'depends-on': 'depends on',
  'runs-on': 'runs on',
  stores: 'stores (data kept on)',
  'connects-to': 'connects to',
  'provided-by': 'provided by',
  processes: 'processes',
};

/** Distance 1, 2, 3, 4+ from the focus: darker is nearer. Blast radius in reds, upstream in blues. */
export const DISTANCE_COLORS: Record<HighlightMode, readonly string[]> = {
  blast: ['#c92a2a', '#e8590c', '#f59f00', '#fab005'],
  upstream: ['#1864ab', '#1c7ed6', '#4dabf7', '#74c0fc'],
};
export const FOCUS_COLOR = '#364fc7';
/** Nodes on the side that is not highlighted. */
export const MUTED_COLOR = '#dee2e6';

export const KIND_LABELS: Record<NodeKind, string> = {
  information: 'Information',
  'business-process': 'Business process / service',
  software: 'Software',
  host: 'Host',
  network: 'Network',
  storage: 'Storage',
  'cloud-resource': 'Cloud resource',
  site: 'Site',
  person: 'Person',
  organization: 'External organization',
};

export function distanceColor(mode: HighlightMode, distance: number): string {
  const palette = DISTANCE_COLORS[mode];
  return palette[Math.min(distance, palette.length) - 1] ?? palette[palette.length - 1] ?? MUTED_COLOR;
}

export interface NodeLook {
  color: string;
  /** Diameter in model units. */
  size: number;
  isHighlighted: boolean;
}

/** How a node is drawn in a highlight mode: coloured by distance on the highlighted side, primary assets larger. */
export function nodeLook(node: GraphNode, mode: HighlightMode): NodeLook {
  if (node.side === 'focus') return { color: FOCUS_COLOR, size: 46, isHighlighted: true };
  const distance = distanceIn(node, mode);
  const base = node.isPrimary ? 32 : node.kind === 'organization' ? 26 : 20;
  if (distance === null) return { color: MUTED_COLOR, size: base, isHighlighted: false };
  return { color: distanceColor(mode, distance), size: base, isHighlighted: true };
}
