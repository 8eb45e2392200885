import { Alert, Button, Grid, Group, Paper, SegmentedControl, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconGraph, IconTable } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { ProblemAlert } from '../../components/problem-alert';
import { linkProps, matchPath, navigate, useLocation } from '../../router/router';
import { useCurrentOrg } from '../../session/current-org';
import { GraphCanvas } from './graph-canvas';
import { GraphLegend } from './graph-legend';
import { DEPTHS, readGraphSettings, writeGraphSettings, type GraphSettings } from './graph-settings';
import { KIND_LABELS } from './graph-style';
import type { GraphNode, HighlightMode, Neighbourhood } from './graph-types';
import { buildNeighbourhood, NODE_CAP } from './neighbourhood';
import { NeighbourhoodTable } from './neighbourhood-table';
import { graphPath, nodePagePath } from './node-links';
import { NodePanel } from './node-panel';
import { useNeighbourhood, useProtectionScale } from './use-graph';


const formatCount = (count: number): string => count.toLocaleString('en-GB');

function summaryOf(neighbourhood: Neighbourhood, depth: number): string {
  const { blastTotal, primaryAffected, upstreamTotal, organizationsUpstream } = neighbourhood;
  const within = `within ${depth} ${depth === 1 ? 'hop' : 'hops'}`;
  return (
    `${formatCount(blastTotal)} ${blastTotal === 1 ? 'node relies' : 'nodes rely'} on it ${within} (${formatCount(primaryAffected)} primary); ` +
    `it relies on ${formatCount(upstreamTotal)} (${formatCount(organizationsUpstream)} external ${organizationsUpstream === 1 ? 'organization' : 'organizations'}).`
  );
}

/** An asset's neighbourhood as an interactive graph: its blast radius, or its upstream exposure, highlighted. */
export function GraphPage() {
  const { org } = useCurrentOrg();
  const { pathname, search } = useLocation();
  const assetId = matchPath('/o/:org/assets/:assetId/graph', pathname)?.assetId ?? '';
  const settings = useMemo(() => readGraphSettings(search), [search]);
  const answer = useNeighbourhood(org.slug, assetId, settings);
  const scale = useProtectionScale(org.slug);
  const [selection, setSelection] = useState<{ focusId: string; nodeId: string } | null>(null);
  const [tab, setTab] = useState<string | null>('graph');
  const selectedId = selection?.focusId === assetId ? selection.nodeId : null;
  const neighbourhood = useMemo(() => (answer.data ? buildNeighbourhood(answer.data) : null), [answer.data]);
  const nodesById = useMemo(() => new Map((neighbourhood?.nodes ?? []).map((node) => [node.id, node])), [neighbourhood]);
  const selectedNode = selectedId ? (nodesById.get(selectedId) ?? null) : null;

  const changeSettings = (change: Partial<GraphSettings>): void => navigate(graphPath(org.slug, assetId, writeGraphSettings({ ...settings, ...change })), { replace: true });
  const select = useCallback((nodeId: string | null) => setSelection(nodeId ? { focusId: assetId, nodeId } : null), [assetId]);
  const recentre = (node: GraphNode): void => {
    setSelection(null);
    navigate(graphPath(org.slug, node.id, search));
  };

  const focus = neighbourhood?.focus;
  const error = answer.error;
  const isRefreshing = answer.isFetching && neighbourhood !== null;
  const canvasLabel = focus
    ? `Dependency graph of ${focus.name}: ${formatCount(neighbourhood.nodes.length)} nodes and ${formatCount(neighbourhood.edges.length)} edges, ` +
      `${settings.mode === 'blast' ? 'blast radius' : 'upstream exposure'} highlighted. The table view lists the same nodes.`
    : 'Dependency graph, loading';

  return (
    <Stack gap="md">
      <PageHeader
        title={focus ? `Graph of ${focus.name}` : 'Dependency graph'}
        description={
          focus && neighbourhood ? (
            <>
              {KIND_LABELS[focus.kind]}. {summaryOf(neighbourhood, settings.depth)}
            </>
          ) : (
            'What relies on an asset, and what it relies on.'
          )
        }
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} component="a" {...linkProps(nodePagePath(org.slug, { id: assetId, kind: 'host' }))}>
            Asset page
          </Button>
        }
      />
      <ProblemAlert error={error} title="Could not load the neighbourhood" />
      <Paper withBorder radius="md" px="md" py="sm">
        <Group gap="lg" align="center">
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} id="graph-depth-label">
              Depth
            </Text>
            <SegmentedControl
              aria-labelledby="graph-depth-label"
              size="xs"
              value={String(settings.depth)}
              onChange={(value) => changeSettings({ depth: Number(value) })}
              data={DEPTHS.map((depth) => ({ value: String(depth), label: String(depth) }))}
            />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={500} id="graph-mode-label">
              Highlight
            </Text>
            <SegmentedControl
              aria-labelledby="graph-mode-label"
              size="xs"
              value={settings.mode}
              onChange={(value) => changeSettings({ mode: value as HighlightMode })}
              data={[
                { value: 'blast', label: 'Blast radius' },
                { value: 'upstream', label: 'Upstream exposure' },
              ]}
            />
          </Group>
          {neighbourhood && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {isRefreshing ? 'Updating…' : `${formatCount(neighbourhood.nodes.length)} nodes, ${formatCount(neighbourhood.edges.length)} edges`}
            </Text>
          )}
        </Group>
      </Paper>
      {neighbourhood?.isCapped && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Large neighbourhood: not everything is shown">
          Showing the nearest {formatCount(neighbourhood.nodes.length)} of {formatCount(neighbourhood.reachedTotal + 1)} nodes (at most {formatCount(NODE_CAP)}, so the
          view stays responsive). Lower the depth or follow fewer dependency types to see the rest.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List px="sm">
                <Tabs.Tab value="graph" leftSection={<IconGraph size={16} aria-hidden />}>
                  Graph
                </Tabs.Tab>
                <Tabs.Tab value="table" leftSection={<IconTable size={16} aria-hidden />}>
                  Table view
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="graph">
                {neighbourhood ? (
                  <GraphCanvas
                    nodes={neighbourhood.nodes}
                    edges={neighbourhood.edges}
                    mode={settings.mode}
                    selectedId={selectedId}
                    onSelect={select}
                    label={canvasLabel}
                    height="max(420px, calc(100vh - 330px))"
                  />
                ) : (
                  !error && <Skeleton height={480} radius={0} />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="table">
                {neighbourhood && <NeighbourhoodTable orgSlug={org.slug} nodes={neighbourhood.nodes} mode={settings.mode} selectedId={selectedId} onSelect={select} onRecentre={recentre} />}
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="md">
            {selectedNode ? (
              <NodePanel
                key={selectedNode.id}
                orgSlug={org.slug}
                node={selectedNode}
                viaName={selectedNode.via ? (nodesById.get(selectedNode.via)?.name ?? null) : null}
                scale={scale.data}
                onRecentre={recentre}
                onClose={() => select(null)}
              />
            ) : (
              neighbourhood && (
                <Text size="sm" c="dimmed">
                  Select a node (click it, or its name in the table view) to see its details. Hover a node to see its name.
                </Text>
              )
            )}
            <GraphLegend mode={settings.mode} types={settings.types} onTypesChange={(types) => changeSettings({ types })} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
