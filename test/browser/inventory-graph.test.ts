import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';

/*
 * The dependency graph of an asset with a large blast radius in the demo estate: the canvas draws every node the
 * API reports, the table view lists the same nodes, a node picked in the table opens in the side panel, and the
 * graph re-centres on it.
 */
const { started, screenshot, signIn } = browserSuite();

interface Traversal {
  start: { id: string; name: string };
  total: number;
  items: { node: { id: string; name: string; kind: string }; distance: number }[];
}

async function getJson<T>(page: Page, apiPath: string): Promise<T> {
  const response = await page.request.get(`${started().server.baseUrl}${apiPath}`);
  expect(response.status(), apiPath).toBe(200);
  return (await response.json()) as T;
}

/** The nodes the graph should show at a depth: the asset, what relies on it and what it relies on. */
async function neighbourhoodOf(
  page: Page,
  assetId: string,
  depth: number,
): Promise<{ blast: Traversal; nodeIds: Set<string>; edgeCount: number }> {
  const query = `maxDepth=${depth}&limit=2000`;
  const blast = await getJson<Traversal>(page, `/api/orgs/demo/assets/${assetId}/blast-radius?${query}`);
  const upstream = await getJson<Traversal>(page, `/api/orgs/demo/assets/${assetId}/upstream?${query}`);
  const nodeIds = new Set([assetId, ...blast.items.map((item) => item.node.id), ...upstream.items.map((item) => item.node.id)]);
  // The graph draws every edge between the nodes, which the neighbourhood endpoint lists.
  const { edges } = await getJson<{ edges: unknown[] }>(page, `/api/orgs/demo/assets/${assetId}/neighbourhood?${query}`);
  return { blast, nodeIds, edgeCount: edges.length };
}

describe('inventory graph', () => {
  it('draws the neighbourhood of an asset with a large blast radius, lists it as a table, and re-centres', async () => {
    const { server: demo } = started();
    const page = await started().browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);

    // The network asset that affects the most within two hops (the demo's zones reach most of the estate).
    const networks = await getJson<{ items: { id: string; name: string }[] }>(page, '/api/orgs/demo/assets?kind=network&limit=100');
    expect(networks.items.length).toBeGreaterThan(0);
    let best: { id: string; name: string; total: number } | undefined;
    for (const asset of networks.items) {
      const blast = await getJson<Traversal>(page, `/api/orgs/demo/assets/${asset.id}/blast-radius?maxDepth=2&limit=2000`);
      if (!best || blast.total > best.total) best = { ...asset, total: blast.total };
    }
    if (!best) throw new Error('no network asset');
    expect(best.total).toBeGreaterThan(30);
    const { nodeIds, edgeCount } = await neighbourhoodOf(page, best.id, 2);
    expect(edgeCount).toBeGreaterThanOrEqual(nodeIds.size - 1);

    // The graph at the default depth (2): every node on the canvas, the blast radius highlighted.
    await page.goto(`${demo.baseUrl}/o/demo/assets/${best.id}/graph`);
    await page.getByRole('heading', { level: 1, name: `Graph of ${best.name}` }).waitFor();
    const canvas = page.getByTestId('graph-canvas');
    await page.locator(`[data-testid="graph-canvas"][data-rendered-nodes="${nodeIds.size}"]`).waitFor();
    expect(await canvas.getAttribute('role')).toBe('img');
    expect(await canvas.getAttribute('aria-label')).toContain(
      `Dependency graph of ${best.name}: ${nodeIds.size} nodes and ${edgeCount} edges`,
    );
    expect(await canvas.locator('canvas').count()).toBeGreaterThan(0);
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(600);
    expect(box?.height).toBeGreaterThan(350);
    expect(await page.getByRole('radio', { name: 'Blast radius' }).isChecked()).toBe(true);
    await screenshot(page, 'inventory-graph');

    // Upstream exposure highlighted instead; the URL keeps the choice.
    await page.getByText('Upstream exposure', { exact: true }).click();
    await page.waitForURL(/mode=upstream/);
    expect(await page.getByRole('radio', { name: 'Upstream exposure' }).isChecked()).toBe(true);
    await screenshot(page, 'inventory-graph-upstream');

    // Table view: the same nodes, the focus first.
    await page.getByRole('tab', { name: 'Table view' }).click();
    const table = page.getByRole('table', { name: 'Nodes of the graph' });
    await table.waitFor();
    const rows = table.getByTestId('graph-table-row');
    expect(await rows.count()).toBe(nodeIds.size);
    const rowIds = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-node-id')));
    expect(new Set(rowIds)).toEqual(nodeIds);
    expect(rowIds[0]).toBe(best.id);
    expect(await table.locator('caption').textContent()).toContain(`${nodeIds.size} nodes`);

    // Pick the nearest asset in the table (organizations cannot be a focus): the side panel shows it; then
    // re-centre the graph on it.
    const neighbour = rows.filter({ has: page.getByRole('button', { name: /^Re-centre the graph on / }) }).first();
    const neighbourId = (await neighbour.getAttribute('data-node-id')) ?? '';
    const neighbourName = (await neighbour.getByRole('button', { name: /^Show .+ in the side panel$/ }).textContent())?.trim() ?? '';
    await neighbour.getByRole('button', { name: `Show ${neighbourName} in the side panel` }).click();
    const panel = page.getByTestId('graph-node-panel');
    await panel.getByRole('heading', { name: neighbourName }).waitFor();
    expect(await panel.getByRole('link', { name: /Open the (asset|organization) page/ }).getAttribute('href')).toMatch(
      new RegExp(`/o/demo/(assets|external-organizations)/${neighbourId}$`),
    );
    await panel.getByText(/Confidentiality/).waitFor();
    await screenshot(page, 'inventory-graph-table');

    await table.getByRole('button', { name: `Re-centre the graph on ${neighbourName}` }).click();
    await page.waitForURL(new RegExp(`/o/demo/assets/${neighbourId}/graph\\?mode=upstream$`));
    await page.getByRole('heading', { level: 1, name: `Graph of ${neighbourName}` }).waitFor();
    const recentred = await neighbourhoodOf(page, neighbourId, 2);
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.locator(`[data-testid="graph-canvas"][data-rendered-nodes="${recentred.nodeIds.size}"]`).waitFor();

    // Deeper: depth 3 reaches more.
    await page.getByRole('radiogroup', { name: 'Depth' }).getByText('3', { exact: true }).click();
    await page.waitForURL(/depth=3/);
    const deeper = await neighbourhoodOf(page, neighbourId, 3);
    await page.locator(`[data-testid="graph-canvas"][data-rendered-nodes="${deeper.nodeIds.size}"]`).waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'inventory-graph-recentred');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
