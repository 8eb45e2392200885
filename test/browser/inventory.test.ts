/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';

/*
 * The inventory pages against the real server and the demo estate (~200 assets): the administrator searches,
 * sorts and pages the inventory, opens an asset and reads why its protection needs are what they are, then opens
 * the demo's cloud provider and sees what depends on it.
 */
const { started, screenshot, signIn } = browserSuite();

const assetNames = async (page: Page): Promise<string[]> =>
  (await page.getByTestId('asset-row').locator('td:first-child a').allTextContents()).map((name) => name.trim());
const countText = async (page: Page): Promise<string> => (await page.getByTestId('asset-count').textContent()) ?? '';
const search = (page: Page): URLSearchParams => new URL(page.url()).searchParams;

/** Waits until the table shows a page other than `before` (the previous page stays on screen while loading). */
async function waitForRowsChange(page: Page, before: string[]): Promise<string[]> {
  await page.waitForFunction((previous) => {
    const names = [...document.querySelectorAll('[data-testid="asset-row"] td:first-child a')].map((a) => a.textContent?.trim() ?? '');
    return names.length > 0 && names.join('|') !== previous;
  }, before.join('|'));
  return assetNames(page);
}

describe('inventory', () => {
  it('searches, sorts and pages the inventory, explains an asset’s protection needs, and shows what depends on the cloud provider', async ({
    onTestFailed,
  }) => {
    const page = await started().browser.context.newPage();
    onTestFailed(() => screenshot(page, 'inventory-failure', true));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);

    // The navigation offers the inventory pages; detail pages have no link.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toContain('Inventory');
    expect(links).toContain('Outside organizations');
    expect(links).not.toContain('Asset');

    // Inventory: the first page of 50, sorted by name, with the exact total.
    await nav.getByRole('link', { name: 'Inventory' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventory' }).waitFor();
    await page.getByTestId('asset-row').nth(49).waitFor();
    expect(await page.getByTestId('asset-row').count()).toBe(50);
    const firstCount = await countText(page);
    const total = Number(/of ([\d,]+) assets/.exec(firstCount)?.[1]?.replace(/,/g, ''));
    expect(firstCount).toMatch(/^Showing 1–50 of [\d,]+ assets$/);
    expect(total).toBeGreaterThan(150);
    const firstPage = await assetNames(page);
    const lowered = firstPage.map((name) => name.toLowerCase());
    expect(lowered).toEqual([...lowered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await screenshot(page, 'inventory');

    // Search (debounced, into the URL): "card" finds Card data and the card vault, and nothing unrelated.
    await page.getByRole('textbox', { name: 'Search' }).fill('card');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('q') === 'card');
    const found = await waitForRowsChange(page, firstPage);
    expect(found).toContain('Card data');
    expect(found.length).toBeLessThan(20);
    expect(await countText(page)).toMatch(new RegExp(`of ${found.length} assets?$`));
    await screenshot(page, 'inventory-search');

    // Back restores the unfiltered view (the search box follows the URL).
    await page.goBack();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('q'));
    expect(await waitForRowsChange(page, found)).toEqual(firstPage);

    // Sort by criticality with the column header: the most critical come first.
    await page.getByRole('button', { name: 'Criticality' }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('sort') === 'criticality');
    const bySeverity = await waitForRowsChange(page, firstPage);
    expect(await page.getByRole('columnheader', { name: 'Criticality' }).getAttribute('aria-sort')).toBe('descending');
    const firstRow = page.getByTestId('asset-row').first();
    expect(await firstRow.locator('td').nth(5).textContent()).toBe('Very high');
    expect(bySeverity).toContain('Payments');

    // Page forward with the keyset cursor, then back with Previous.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('cursor'));
    const secondPage = await waitForRowsChange(page, bySeverity);
    expect(search(page).get('sort')).toBe('criticality');
    expect(await countText(page)).toBe(firstCount.replace('1–50', '51–100'));
    expect(secondPage.some((name) => bySeverity.includes(name))).toBe(false);
    await screenshot(page, 'inventory-page-2');
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await waitForRowsChange(page, secondPage)).toEqual(bySeverity);
    expect(search(page).has('cursor')).toBe(false);

    // An asset: card-vault stores Card data, so it must be as confidential as Card data, and the page says why.
    await page.getByRole('textbox', { name: 'Search' }).fill('card-vault');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('q') === 'card-vault');
    await page.getByTestId('asset-row').getByRole('link', { name: 'card-vault', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'card-vault' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/o\/demo\/assets\/[0-9a-f-]{36}$/);
    const confidentiality = page.getByTestId('protection-confidentiality');
    await confidentiality.waitFor();
    expect(await confidentiality.locator('td').nth(2).textContent()).toBe('Very high');
    const reason = (await confidentiality.locator('td').nth(3).textContent()) ?? '';
    expect(reason).toContain('Inherited from');
    expect(reason).toMatch(/Card data|Payments/);
    expect(await confidentiality.getByTestId('protection-path').getByRole('link').count()).toBeGreaterThan(0);
    // Dependencies both ways, blast radius and upstream exposure are there; so is the slot for the graph.
    await page.getByTestId('dependents').getByRole('link', { name: 'Card data' }).waitFor();
    await page.getByTestId('blast-radius-summary').waitFor();
    expect(await page.getByTestId('blast-radius-summary').textContent()).toMatch(/primary assets?/);
    await page.getByTestId('upstream-exposure').getByRole('table').first().waitFor();
    expect(await page.getByTestId('neighbourhood-graph-slot').getByRole('link', { name: 'Open the graph' }).getAttribute('href')).toMatch(
      /\/assets\/[0-9a-f-]{36}\/graph$/,
    );
    await screenshot(page, 'asset');
    await screenshot(page, 'asset-full', true);

    // Outside organizations: the cloud provider, with the concentration figures, then its page.
    await nav.getByRole('link', { name: 'Outside organizations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outside organizations' }).waitFor();
    const nimbusRow = page.getByTestId('external-org-row').filter({ hasText: 'Nimbus Cloud' });
    await nimbusRow.waitFor();
    expect(await nimbusRow.textContent()).toContain('Cloud provider');
    await nimbusRow.getByText(/\d+ primary assets?/).waitFor();
    await screenshot(page, 'external-organizations');
    await nimbusRow.getByRole('link', { name: 'Nimbus Cloud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nimbus Cloud' }).waitFor();
    const summary = page.getByTestId('org-dependents-summary');
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    const affected = Number(/(\d[\d,]*) assets are affected/.exec(summaryText)?.[1]?.replace(/,/g, ''));
    const primary = Number(/(\d[\d,]*) primary assets?/.exec(summaryText)?.[1]?.replace(/,/g, ''));
    expect(affected).toBeGreaterThan(10);
    expect(primary).toBeGreaterThan(0);
    expect(await page.getByTestId('primary-affected').getByRole('link', { name: 'Online shop' }).count()).toBe(1);
    expect(await page.getByTestId('reached-row').filter({ hasText: 'nimbus-k8s-prod' }).count()).toBe(1);
    expect(await page.getByTestId('operated-assets').getByRole('link', { name: 'nimbus-k8s-prod' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Contacts' }).textContent()).toContain('support@nimbus-cloud.example');
    await screenshot(page, 'external-organization');
    await screenshot(page, 'external-organization-full', true);

    // Edit it: the dialog saves a note, closes, and the page shows the new version's note.
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Nimbus Cloud' });
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Reviewed in the browser test');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Reviewed in the browser test').waitFor();

    expect(pageErrors).toEqual([]);
    await page.close();
  });
  it('refuses a stale edit with a clear version conflict, then saves on the latest version', async ({ onTestFailed }) => {
    const page = await started().browser.context.newPage();
    onTestFailed(() => screenshot(page, 'inventory-conflict-failure', true));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);
    await page.goto(`${started().server.baseUrl}/o/demo/assets?q=card-vault`);
    await page.getByTestId('asset-row').getByRole('link', { name: 'card-vault', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'card-vault' }).waitFor();
    const assetId = new URL(page.url()).pathname.split('/').pop() ?? '';

    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Location' }).fill('Vault room B');
    await screenshot(page, 'asset-edit');

    // Someone else changes the asset meanwhile (through the API, as another tab would).
    const status = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/orgs/demo/assets/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ description: 'Changed in another tab' }),
      });
      return response.status;
    }, assetId);
    expect(status).toBe(200);

    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const conflict = dialog.getByRole('alert');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed this asset while you were editing');
    expect(await dialog.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await screenshot(page, 'asset-edit-conflict');

    await dialog.getByRole('button', { name: 'Load the latest version' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLTextAreaElement>('[role="dialog"] textarea')?.value === 'Changed in another tab',
    );
    await dialog.getByRole('textbox', { name: 'Location' }).fill('Vault room B');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Vault room B').waitFor();
    expect(await page.getByText('Changed in another tab').count()).toBe(1);

    // A writer adds a dependency from the asset page, and it shows under "Relies on".
    await page.getByRole('button', { name: 'Add something it relies on' }).click();
    const add = page.getByRole('dialog');
    await add.getByRole('combobox', { name: /^What it relies on/ }).fill('Nimbus');
    await page.getByRole('option', { name: 'Nimbus Cloud (outside organization)' }).click();
    await add.getByRole('button', { name: 'Add dependency' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByTestId('depends-on').getByRole('link', { name: 'Nimbus Cloud' }).waitFor();
    await screenshot(page, 'asset-dependency-added');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
