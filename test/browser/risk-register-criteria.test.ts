/// <reference lib="dom" />
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR } from './bulwark-harness.ts';
import { pageApi } from './page-api.ts';

/*
 * An organization with two criteria sets: the demo's default "Standard 5×5" and an "OT plant 4×4" made here
 * through the API, with two plant scenarios rated on it. With one set the register offers no choice; with two,
 * the "Criteria" picker switches the list, the heat maps (their scales) and the report to the plant set, keeps
 * it in the URL (a reload, a heat-map cell and "Clear all filters" keep it), and a new scenario is rated on
 * the set chosen in its form; the scenario page names its set and leads back to that set's register. A link
 * naming a set the organization does not have says so.
 *
 * The tests run in order and build on each other (one server and one browser context for the file).
 */
const { started, screenshot, signIn, newPage } = browserSuite();

const PLANT = 'OT plant 4×4';
const KILN = 'Browser test: kiln controller tampering';
const BADGE = 'Browser test: badge reader spoofing';
const CREATED = 'Browser test: historian database wiped';
const FIVE_CONSEQUENCES = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];
const FOUR_CONSEQUENCES = ['Limited', 'Significant', 'Serious', 'Critical'];

const made: { plantId?: string } = {};

const api = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', apiPath: string, data?: unknown) =>
  pageApi<T>(page, started().server.baseUrl, method, apiPath, data);

/** A Mantine select by its label (a combobox or, in some versions, a textbox). */
const select = (scope: Locator | Page, name: string): Locator =>
  scope
    .getByRole('combobox', { name, exact: true })
    .or(scope.getByRole('textbox', { name, exact: true }))
    .first();

async function choose(page: Page, scope: Locator | Page, label: string, option: string): Promise<void> {
  await select(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/** The titles of the register's rows, once the list has settled on `count` of them. */
async function rowTitles(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="scenario-row"]').length === n && !document.querySelector('[aria-busy="true"]'),
    count,
  );
  return page.getByTestId('scenario-row').locator('td:nth-child(2) a').allTextContents();
}

/** The consequence names heading a heat map's columns. */
async function consequenceColumns(page: Page, rating: string): Promise<string[]> {
  const headers = page.getByTestId(`heat-map-${rating}`).locator('thead th');
  return (await headers.allTextContents()).slice(1);
}

async function openRegister(page: Page, query = ''): Promise<void> {
  await page.goto(`${started().server.baseUrl}/o/demo/risk/scenarios${query}`);
  await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
}

describe('risk register across criteria sets', () => {
  it('offers no criteria choice while the organization has one set', async () => {
    const { page, pageErrors } = await newPage();
    await signIn(page);
    const sets = await api<{ items: unknown[] }>(page, 'GET', '/api/orgs/demo/risk/criteria');
    expect(sets.body.items).toHaveLength(1);
    await openRegister(page);
    await page.getByTestId('scenario-row').first().waitFor();
    await page.getByTestId('heat-map-inherent').getByRole('table').waitFor();
    expect(await select(page, 'Criteria').count()).toBe(0);
    await page.getByRole('button', { name: 'New scenario' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk scenario' });
    await select(dialog, 'Title').waitFor();
    expect(await select(dialog, 'Risk criteria').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('switches the list, the heat maps and the report to another set, and keeps it in the URL', async () => {
    const { page, pageErrors } = await newPage();
    await signIn(page);
    const plant = await api<{ id: string }>(page, 'POST', '/api/orgs/demo/risk/criteria', { template: '4x4', name: PLANT });
    expect(plant.status).toBe(201);
    made.plantId = plant.body.id;
    for (const [title, [likelihood, consequence]] of [
      [KILN, [3, 3]],
      [BADGE, [1, 1]],
    ] as const) {
      const scenario = await api<{ id: string; version: number }>(page, 'POST', '/api/orgs/demo/scenarios', {
        title,
        approach: 'asset-based',
        criteriaId: made.plantId,
      });
      expect(scenario.status).toBe(201);
      const rated = await api(page, 'PUT', `/api/orgs/demo/scenarios/${scenario.body.id}/assessment`, {
        inherent: { likelihood, consequence },
        current: { likelihood, consequence },
        version: scenario.body.version,
      });
      expect(rated.status).toBe(200);
    }

    // The default set first: the demo's 41 scenarios on the 5×5 scales.
    await openRegister(page);
    const picker = select(page, 'Criteria');
    await picker.waitFor();
    expect(await picker.inputValue()).toBe('Standard 5×5 (default)');
    await page.getByTestId('heat-map-inherent').getByRole('table').waitFor();
    expect(await consequenceColumns(page, 'inherent')).toEqual(FIVE_CONSEQUENCES);
    const defaultCount = (await page.getByTestId('scenario-count').textContent()) ?? '';
    expect(defaultCount).toMatch(/of \d+ scenarios$/);
    expect(defaultCount).not.toMatch(/of 2 scenarios$/);
    await picker.click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Standard 5×5 (default)', PLANT]);
    await page.getByRole('search', { name: 'Search and filter the risk register' }).screenshot({
      path: path.join(SCREENSHOT_DIR, 'risk-register-criteria-picker-open.png'),
    });

    // The plant set: its two scenarios, its 4×4 heat maps, its report.
    await page.getByRole('option', { name: PLANT, exact: true }).click();
    await page.waitForFunction((id) => new URL(window.location.href).searchParams.get('criteria') === id, made.plantId);
    expect(await rowTitles(page, 2)).toEqual([KILN, BADGE]);
    expect(await page.getByTestId('scenario-count').textContent()).toBe('Showing 1–2 of 2 scenarios');
    await expect.poll(() => consequenceColumns(page, 'inherent')).toEqual(FOUR_CONSEQUENCES);
    expect(await picker.inputValue()).toBe(PLANT);
    const pdfHref = (await page.getByRole('link', { name: 'Download the report as PDF' }).getAttribute('href')) ?? '';
    expect(new URL(pdfHref, started().server.baseUrl).searchParams.get('criteriaId')).toBe(made.plantId);
    const csv = await page.request.get(new URL(pdfHref.replace('format=pdf', 'format=csv'), started().server.baseUrl).toString());
    expect(csv.status()).toBe(200);
    const csvText = await csv.text();
    expect(csvText).toContain(KILN);
    expect(csvText.trim().split('\n')).toHaveLength(3); // the header and the plant's two scenarios
    // The longest level name of the plant's scale shows whole in its column, never cut to "Very hi…".
    const cut = await page
      .getByTestId('scenario-row')
      .locator('.mantine-Badge-label')
      .evaluateAll((labels) =>
        labels
          .filter(
            (label) =>
              label.scrollWidth > label.clientWidth ||
              label.getBoundingClientRect().right > label.closest('td')!.getBoundingClientRect().right,
          )
          .map((label) => label.textContent),
      );
    expect(cut).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'risk-register-criteria');
    await screenshot(page, 'risk-register-criteria-full', true);

    // A heat-map cell click keeps the set, and so do a reload and "Clear all filters".
    await page
      .getByTestId('heat-map-inherent')
      .getByRole('button', { name: /^Very likely × Critical \(Very high\): 1 scenario\./ })
      .click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('cell') === 'inherent:3:3');
    expect(param(page, 'criteria')).toBe(made.plantId);
    expect(await rowTitles(page, 1)).toEqual([KILN]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    expect(await rowTitles(page, 1)).toEqual([KILN]);
    await expect.poll(() => select(page, 'Criteria').inputValue()).toBe(PLANT);
    expect(await page.getByTestId('cell-filter').textContent()).toBe('Inherent risk: Very likely × Critical');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('cell'));
    expect(param(page, 'criteria')).toBe(made.plantId);
    expect(await rowTitles(page, 2)).toEqual([KILN, BADGE]);

    // Back to the default set: the URL drops the set, and the 5×5 scales return.
    await choose(page, page, 'Criteria', 'Standard 5×5 (default)');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('criteria'));
    await expect.poll(() => consequenceColumns(page, 'inherent')).toEqual(FIVE_CONSEQUENCES);
    await expect.poll(() => page.getByTestId('scenario-count').textContent()).toBe(defaultCount);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('rates a new scenario on the set chosen in its form, and its page leads back to that set’s register', async () => {
    const { page, pageErrors } = await newPage();
    await signIn(page);
    // Opened from the plant's register, the form starts on the plant set.
    await openRegister(page, `?criteria=${made.plantId}`);
    await page.getByRole('button', { name: 'New scenario' }).click();
    let dialog = page.getByRole('dialog', { name: 'New risk scenario' });
    await expect.poll(() => select(dialog, 'Risk criteria').inputValue()).toBe(PLANT);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Opened from the default register, it starts on the default; the plant set is chosen instead.
    await openRegister(page);
    await page.getByRole('button', { name: 'New scenario' }).click();
    dialog = page.getByRole('dialog', { name: 'New risk scenario' });
    await expect.poll(() => select(dialog, 'Risk criteria').inputValue()).toBe('Standard 5×5 (default)');
    await select(dialog, 'Title').fill(CREATED);
    await choose(page, dialog, 'Risk criteria', PLANT);
    await screenshot(page, 'risk-new-scenario-criteria');
    await dialog.getByRole('button', { name: 'Create scenario' }).click();

    await page.getByRole('heading', { level: 1, name: new RegExp(`^R-\\d{3}: ${CREATED}$`) }).waitFor();
    const scenarioId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await api<{ criteria: { id: string } }>(page, 'GET', `/api/orgs/demo/scenarios/${scenarioId}`);
    expect(stored.body.criteria.id).toBe(made.plantId);
    expect(await page.getByTestId('assessment-card').textContent()).toContain(`On ${PLANT}, version 1.`);
    await page.getByRole('link', { name: `Risk register (${PLANT})` }).click();
    await page.waitForFunction((id) => new URL(window.location.href).searchParams.get('criteria') === id, made.plantId);
    expect(await rowTitles(page, 3)).toContain(CREATED);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('says so when a link names a set the organization does not have, and offers the default', async () => {
    const { page, pageErrors } = await newPage();
    await signIn(page);
    await openRegister(page, '?criteria=00000000-0000-4000-8000-000000000000');
    await page.getByRole('alert').filter({ hasText: 'No such risk criteria' }).waitFor();
    // One message, not the register's failure as well.
    expect(await page.getByText('Could not load the risk register').count()).toBe(0);
    // No report links for a set that does not exist (they would answer 404).
    expect(await page.getByRole('link', { name: 'Download the report as PDF' }).count()).toBe(0);
    await screenshot(page, 'risk-register-criteria-unknown');
    await page.getByRole('button', { name: 'Show the default set' }).click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('criteria'));
    await page.getByTestId('scenario-row').first().waitFor();
    expect(await page.getByText('No such risk criteria').count()).toBe(0);
    await page.getByRole('link', { name: 'Download the report as PDF' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
