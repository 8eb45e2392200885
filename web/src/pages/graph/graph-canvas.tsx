import { ActionIcon, Alert, Box, Group, Loader, Tooltip } from '@mantine/core';
import { IconFocusCentered, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { EDGE_COLORS, nodeLook } from './graph-style';
import type { GraphEdge, GraphNode, HighlightMode } from './graph-types';
import { radialLayout } from './radial-layout';

/** Above this many nodes, pan and zoom draw a cached texture and hide edges while moving. */
const LARGE_GRAPH = 600;
/** Above this many nodes, labels need more zoom to show. */
const DENSE_GRAPH = 120;

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(name)',
      'font-size': 11,
      // Labels vanish when zoomed out (11 px × zoom below this); hovering or selecting a node shows its name anyway.
      'min-zoomed-font-size': 5,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-max-width': '130px',
      'text-wrap': 'ellipsis',
      color: '#212529',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'border-width': 1.5,
      'border-color': '#ffffff',
    },
  },
  // Crowded graphs drop labels sooner: they come back as one zooms in.
  { selector: 'node[?dense]', style: { 'min-zoomed-font-size': 9 } },
  { selector: 'node[kind = "organization"]', style: { shape: 'diamond' } },
  { selector: 'node[?primary]', style: { shape: 'round-rectangle', 'border-width': 3, 'border-color': '#212529', 'font-weight': 'bold' } },
  { selector: 'node.muted', style: { color: '#868e96', 'border-color': '#ced4da' } },
  { selector: 'node.muted[?primary]', style: { 'border-color': '#868e96' } },
  {
    selector: 'node[?focus]',
    style: { 'border-width': 5, 'border-color': '#bac8ff', 'font-size': 14, 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'z-index': 20 },
  },
  {
    selector: 'node.hover, node:selected',
    style: {
      'min-zoomed-font-size': 0,
      'font-size': 13,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.92,
      'text-background-padding': '3px',
      'text-background-shape': 'roundrectangle',
      'text-outline-width': 0,
      'z-index': 30,
    },
  },
  { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#212529', 'overlay-opacity': 0 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'straight',
      opacity: 0.8,
      label: 'data(label)',
      'font-size': 8,
      'min-zoomed-font-size': 10,
      color: '#495057',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.muted', style: { opacity: 0.3 } },
  { selector: 'edge.incident', style: { width: 3.5, opacity: 1, 'min-zoomed-font-size': 0, 'font-size': 10, 'z-index': 25 } },
];

const lookData = (node: GraphNode, mode: HighlightMode): { color: string; size: number } => {
  const look = nodeLook(node, mode);
  return { color: look.color, size: look.size };
};

interface GraphCanvasProps {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  mode: HighlightMode;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** Says what the canvas shows, for screen readers (the table view has the same data). */
  label: string;
  height: number | string;
}

/** The neighbourhood on a canvas (cytoscape, loaded on first use), laid out in rings by distance from the focus. */
export function GraphCanvas({ nodes, edges, mode, selectedId, onSelect, label, height }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [renderedNodes, setRenderedNodes] = useState<number | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  const isLarge = nodes.length > LARGE_GRAPH;
  // New nodes start in the current mode's colours; the mode effect below keeps them up to date.
  const modeRef = useRef(mode);
  useEffect(() => {
    modeRef.current = mode;
  }, [mode]);
  /** The node ids on the canvas, to tell a new neighbourhood from new edges. */
  const nodeKey = useRef('');

  // One cytoscape instance per size class (the viewport options are fixed at creation).
  useEffect(() => {
    let isCancelled = false;
    let instance: Core | null = null;
    import('cytoscape').then(
      ({ default: cytoscape }) => {
        if (isCancelled || !container.current) return;
        instance = cytoscape({
          container: container.current,
          style: STYLE,
          minZoom: 0.02,
          maxZoom: 4,
          boxSelectionEnabled: false,
          selectionType: 'single',
          autoungrabify: true,
          textureOnViewport: isLarge,
          hideEdgesOnViewport: isLarge,
          pixelRatio: isLarge ? 1 : 'auto',
        });
        instance.on('tap', 'node', (event) => onSelectRef.current(event.target.id() as string));
        instance.on('tap', (event) => {
          if (event.target === instance) onSelectRef.current(null);
        });
        instance.on('mouseover', 'node', (event) => event.target.addClass('hover'));
        instance.on('mouseout', 'node', (event) => event.target.removeClass('hover'));
        nodeKey.current = '';
        setCy(instance);
      },
      (error: unknown) => setLoadError(error),
    );
    return () => {
      isCancelled = true;
      instance?.destroy();
      setCy(null);
    };
  }, [isLarge]);

  // The elements: nodes placed by the radial layout and fitted when the node set changes; when only the edges
  // change, the edges are swapped and the viewport is left where the user put it.
  useEffect(() => {
    if (!cy) return;
    const edgeElements: ElementDefinition[] = edges.map((edge) => ({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        label: edge.type,
        color: EDGE_COLORS[edge.type],
      },
    }));
    const key = nodes.map((node) => node.id).join(',');
    if (key === nodeKey.current && cy.nodes().length === nodes.length) {
      cy.batch(() => {
        cy.edges().remove();
        cy.add(edgeElements);
      });
      return;
    }
    nodeKey.current = key;
    const positions = radialLayout(nodes);
    const isDense = nodes.length > DENSE_GRAPH;
    const nodeElements: ElementDefinition[] = nodes.map((node) => ({
      group: 'nodes',
      data: { id: node.id, name: node.name, kind: node.kind, primary: node.isPrimary, focus: node.side === 'focus', dense: isDense, ...lookData(node, modeRef.current) },
      position: positions.get(node.id) ?? { x: 0, y: 0 },
    }));
    cy.batch(() => {
      cy.elements().remove();
      cy.add([...nodeElements, ...edgeElements]);
    });
    cy.fit(undefined, 24);
    setRenderedNodes(cy.nodes().length);
  }, [cy, nodes, edges]);

  // Colours and sizes for the highlight mode.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      const highlighted = new Set<string>();
      for (const node of nodes) {
        const look = nodeLook(node, mode);
        const element = cy.getElementById(node.id);
        element.data(lookData(node, mode));
        element.toggleClass('muted', !look.isHighlighted);
        if (look.isHighlighted) highlighted.add(node.id);
      }
      cy.edges().forEach((edge) => {
        edge.toggleClass('muted', !(highlighted.has(edge.data('source') as string) && highlighted.has(edge.data('target') as string)));
      });
    });
  }, [cy, nodes, edges, mode]);

  // Selection: the node and its edges stand out; a node out of view is brought into it.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() => {
      cy.elements(':selected').unselect();
      cy.edges('.incident').removeClass('incident');
      if (!selectedId) return;
      const element = cy.getElementById(selectedId);
      if (element.empty()) return;
      element.select();
      element.connectedEdges().addClass('incident');
    });
    const element = selectedId ? cy.getElementById(selectedId) : null;
    if (element && element.nonempty()) {
      const box = element.renderedBoundingBox();
      const isOutside = box.x2 < 0 || box.y2 < 0 || box.x1 > cy.width() || box.y1 > cy.height();
      if (isOutside) cy.animate({ center: { eles: element } }, { duration: 250 });
    }
  }, [cy, selectedId, nodes, edges]);

  const zoomBy = (factor: number): void => {
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <Box pos="relative" h={height}>
      {loadError !== null && (
        <Alert color="red" variant="light" title="Could not load the graph view" role="alert">
          The drawing library did not load. The table view shows the same nodes.
        </Alert>
      )}
      <div
        ref={container}
        role="img"
        aria-label={label}
        data-testid="graph-canvas"
        data-rendered-nodes={renderedNodes ?? undefined}
        style={{ position: 'absolute', inset: 0, background: 'white' }}
      />
      {!cy && loadError === null && (
        <Loader size="sm" aria-label="Loading the graph" style={{ position: 'absolute', top: 12, left: 12 }} />
      )}
      <Group gap={4} style={{ position: 'absolute', top: 8, right: 8 }}>
        <Tooltip label="Zoom in">
          <ActionIcon variant="default" aria-label="Zoom in" onClick={() => zoomBy(1.4)} disabled={!cy}>
            <IconZoomIn size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Zoom out">
          <ActionIcon variant="default" aria-label="Zoom out" onClick={() => zoomBy(1 / 1.4)} disabled={!cy}>
            <IconZoomOut size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Fit the whole graph">
          <ActionIcon variant="default" aria-label="Fit the whole graph" onClick={() => cy?.fit(undefined, 24)} disabled={!cy}>
            <IconFocusCentered size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Box>
  );
}
