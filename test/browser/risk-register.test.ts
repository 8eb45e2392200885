/// <reference lib="dom" />
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, SCREENSHOT_DIR } from './bulwark-harness.ts';

/*
 * The risk register as a new risk owner meets it: from an asset's page, "New risk scenario" (with what the
 * dependency graph suggests), then assess it (current High, target Low), plan its treatment with an applied
 * control, see the residual risk fall when the control is implemented, accept the risk as its owner, and find it
 * in the register through a heat-map cell; the PDF report downloads with the same filters.
 */
const { started, screenshot, signIn } = browserSuite();

const TITLE = 'Browser test: card data stolen through the checkout';
const OTHER_TITLE = 'Browser test: laptop left on a train';

/** Writes through the API with the browser's session (cookie + CSRF), as another tab would. */
async function apiWriter(
  page: Page,
): Promise<(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown) => Promise<Record<string, unknown>>> {
  const base = started().server.baseUrl;
  const request: APIRequestContext = page.request;
  const session = (await (await request.get(`${base}/api/auth/session`)).json()) as { csrfToken: string };
  return async (method, path, body) => {
    const response = await request.fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      data: JSON.stringify(body),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${started().server.baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** A form field by its label (a required one's name ends with an asterisk; Mantine's selects are comboboxes). */
const field = (scope: Locator, label: string): Locator => {
  const name = new RegExp(`^${label}( \\*)?$`);
  return scope.getByRole('textbox', { name }).or(scope.getByRole('combobox', { name })).first();
};

/** Picks an option of a Mantine Select by its label. */
async function choose(scope: Locator, page: Page, label: string, option: string | RegExp): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

const utcDayAfter = (days: number): string => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
};

describe('risk register', () => {
  it('takes a scenario from an asset through assessment, treatment and acceptance, and finds it by its heat-map cell', async ({
    onTestFailed,
  }) => {
    const page = await started().browser.context.newPage();
    onTestFailed(() => screenshot(page, 'risk-register-failure', true));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);
    const base = started().server.baseUrl;
    const write = await apiWriter(page);

    // Set-up through the API: criteria (the demo has a default 5×5; make one if not), a risk source, an applied
    // control for the plan, and a second scenario elsewhere on the heat map.
    const criteria = await getJson<{ items: { id: string }[] }>(page, '/api/orgs/demo/risk/criteria');
    if (criteria.items.length === 0) await write('POST', '/api/orgs/demo/risk/criteria', { template: '5x5', makeDefault: true });
    await write('POST', '/api/orgs/demo/threats', { kind: 'source', category: 'criminal', name: 'Browser-test card thieves' });
    await write('POST', '/api/orgs/demo/threats', { kind: 'event', name: 'Browser-test checkout script injection' });
    await write('POST', '/api/orgs/demo/vulnerabilities', {
      cveId: 'CVE-2099-0001',
      title: 'Browser-test checkout library flaw',
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    });
    const control = await write('POST', '/api/orgs/demo/controls', { title: 'Browser-test checkout script guard', refId: 'BT-01' });
    const assets = await getJson<{ items: { id: string; name: string }[] }>(page, '/api/orgs/demo/assets?q=Card%20data&limit=5');
    const cardData = assets.items.find((asset) => asset.name === 'Card data');
    expect(cardData).toBeDefined();
    const other = await write('POST', '/api/orgs/demo/scenarios', { title: OTHER_TITLE, approach: 'asset-based', assets: [cardData!.id] });
    await write('PUT', `/api/orgs/demo/scenarios/${String(other.id)}/assessment`, {
      current: { likelihood: 2, consequence: 1 },
      version: other.version,
    });

    // The asset page offers a new scenario about it.
    await page.goto(`${base}/o/demo/assets/${cardData!.id}`);
    await page.getByRole('heading', { level: 1, name: 'Card data' }).waitFor();
    await page.getByRole('link', { name: 'New risk scenario' }).click();
    const dialog = page.getByRole('dialog', { name: 'New risk scenario' });
    await dialog.waitFor();
    expect(new URL(page.url()).searchParams.get('asset')).toBe(cardData!.id);
    const suggestion = dialog.getByTestId('risk-suggestion');
    await suggestion.getByTestId('suggested-consequence').waitFor();
    expect(await suggestion.getByTestId('suggested-consequence').textContent()).toBe('Severe');
    expect(await suggestion.getByRole('link', { name: 'Payments' }).count()).toBe(1);
    await dialog.getByText('Card data (Information)').first().waitFor(); // the asset is named already
    await screenshot(page, 'risk-new-scenario-suggestion');

    await field(dialog, 'Title').fill(TITLE);
    await choose(dialog, page, 'Risk source', 'Browser-test card thieves');
    await dialog.getByRole('textbox', { name: 'Desired end state' }).fill('Sell the card numbers');
    await field(dialog, 'First step').fill('Online shop');
    await page
      .getByRole('option', { name: /^Online shop/ })
      .first()
      .click();
    await dialog.getByTestId('path-step').first().waitFor();
    await field(dialog, 'Next step').fill('Card data');
    await page
      .getByRole('option', { name: /^Card data/ })
      .first()
      .click();
    await dialog.getByTestId('path-step').nth(1).waitFor();
    await field(dialog, 'Threats').fill('checkout script');
    await page.getByRole('option', { name: 'Browser-test checkout script injection (threat event)' }).click();
    await field(dialog, 'Vulnerabilities').fill('CVE-2099');
    await page.getByRole('option', { name: 'CVE-2099-0001 Browser-test checkout library flaw' }).click();
    await field(dialog, 'Tags').fill('pci');
    await field(dialog, 'Tags').press('Enter');
    await screenshot(page, 'risk-new-scenario');
    await dialog.getByRole('button', { name: 'Create scenario' }).click();

    // The scenario's page: identified, with its path as links and the graph's suggestion.
    const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^R-\\d{3}: ${TITLE}$`) });
    await heading.waitFor();
    const header = page.getByTestId('scenario-header');
    expect(await header.textContent()).toContain('Identified');
    const pathLinks = page.getByTestId('scenario-path');
    expect(await pathLinks.getByRole('link').allTextContents()).toEqual(['Online shop', 'Card data']);
    expect(await page.getByTestId('scenario-vulnerability').textContent()).toContain('CVSS 9.8 Critical');
    expect(await page.getByTestId('suggestion-card').getByTestId('suggested-consequence').textContent()).toBe('Severe');

    // Assess: the first save meets a change made meanwhile (409), says so, and saves on the latest version.
    const scenarioId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Assess' }).click();
    const assess = page.getByRole('dialog', { name: /^Assess R-\d{3}$/ });
    await choose(assess, page, 'Inherent likelihood', 'Almost certain');
    await choose(assess, page, 'Inherent consequence', 'Severe');
    await choose(assess, page, 'Current likelihood', 'Likely');
    await choose(assess, page, 'Current consequence', 'Major');
    await choose(assess, page, 'Target likelihood', 'Unlikely');
    await choose(assess, page, 'Target consequence', 'Minor');
    await assess.getByRole('textbox', { name: 'Why this current rating' }).fill('Checkout pages load third-party scripts');
    const current = await getJson<{ version: number }>(page, `/api/orgs/demo/scenarios/${scenarioId}`);
    await write('PATCH', `/api/orgs/demo/scenarios/${scenarioId}`, { description: 'Changed in another tab', version: current.version });
    await assess.getByRole('button', { name: 'Save assessment' }).click();
    await assess.getByText('Someone else changed this scenario while you were editing').waitFor();
    await screenshot(page, 'risk-assess-conflict');
    await assess.getByRole('button', { name: 'Load the latest version' }).click();
    // The form takes the latest values when they arrive (and the conflict notice goes): choosing before that
    // would have the reload reset the field being chosen.
    await assess.getByText('Someone else changed this scenario while you were editing').waitFor({ state: 'hidden' });
    await choose(assess, page, 'Inherent likelihood', 'Almost certain');
    await choose(assess, page, 'Inherent consequence', 'Severe');
    await choose(assess, page, 'Current likelihood', 'Likely');
    await choose(assess, page, 'Current consequence', 'Major');
    await choose(assess, page, 'Target likelihood', 'Unlikely');
    await choose(assess, page, 'Target consequence', 'Minor');
    await assess.getByRole('button', { name: 'Save assessment' }).click();
    await assess.waitFor({ state: 'hidden' });
    const rating = (name: string): Locator => page.getByTestId(`rating-${name}`);
    await rating('current').getByText('High', { exact: true }).waitFor();
    expect(await rating('target').getByText('Low', { exact: true }).count()).toBe(1);
    expect(await rating('residual').getByText('High', { exact: true }).count()).toBe(1);
    expect(await rating('inherent').getByText('Critical', { exact: true }).count()).toBe(1);
    expect(await header.textContent()).toContain('To treat');

    // Treat: modify, with the applied control made in set-up.
    await page.getByRole('button', { name: 'Decide treatment' }).click();
    const treat = page.getByRole('dialog', { name: /^Treatment of R-\d{3}$/ });
    await treat.getByRole('radio', { name: /^Modify/ }).click();
    await field(treat, 'Justification').fill('Guard the checkout scripts');
    await field(treat, 'Planned controls').fill('BT-01');
    await page.getByRole('option', { name: 'BT-01 Browser-test checkout script guard' }).click();
    await treat.getByRole('button', { name: 'Save treatment' }).click();
    await treat.waitFor({ state: 'hidden' });
    const progress = page.getByTestId('treatment-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toBe('0 of 1 controls in place (0 %)');
    await header.getByText('In treatment').waitFor();

    // Nobody accepts a High risk lightly: here the criteria give it to administrators (and owners), and the demo admin is an owner.
    expect(await page.getByTestId('acceptance-authority').textContent()).toContain('by your role');

    // The control is implemented (in the controls register): the residual risk moves to the target.
    await write('PATCH', `/api/orgs/demo/controls/${String(control.id)}`, { status: 'implemented' });
    await page.reload();
    await rating('residual').getByText('Low', { exact: true }).waitFor();
    expect(await progress.textContent()).toBe('1 of 1 controls in place (100 %)');
    expect(await header.textContent()).toContain('Treated');

    // Accept as the risk owner (the signed-in admin owns the scenario), for the longest the Low level allows.
    const authority = page.getByTestId('acceptance-authority');
    expect(await authority.textContent()).toBe('You may accept the residual risk at level Low, as its owner, for up to 730 days.');
    await page.getByRole('button', { name: 'Accept risk' }).click();
    const accept = page.getByRole('dialog', { name: /^Accept the risk of R-\d{3}$/ });
    expect(await accept.getByLabel('Valid through').inputValue()).toBe(utcDayAfter(730));
    await field(accept, 'Justification').fill('Low once the script guard is in place');
    await accept.getByRole('textbox', { name: 'Conditions' }).fill('The guard stays enforced');
    await accept.getByRole('button', { name: 'Accept risk' }).click();
    await accept.waitFor({ state: 'hidden' });
    await header.getByText('Accepted').waitFor();
    expect(await page.getByTestId('acceptance-expiry').textContent()).toBe(utcDayAfter(730));
    await page.getByTestId('history-entry').filter({ hasText: 'Risk accepted' }).waitFor();
    expect(await page.getByTestId('history-entry').first().textContent()).toContain('Risk accepted');
    expect(await page.getByTestId('history-entry').filter({ hasText: 'Residual risk recomputed' }).textContent()).toContain(
      'Likely × Major (High)',
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'risk-scenario');
    await screenshot(page, 'risk-scenario-full', true);

    // The register: search "Browser test", then a residual heat-map cell narrows it to our scenario.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Risk register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk register' }).waitFor();
    const rows = page.getByTestId('scenario-row');
    await rows.first().waitFor();
    await page.getByTestId('heat-map-residual').getByRole('table').waitFor();
    await screenshot(page, 'risk-register-all', true);

    // Paged with the exact total, and sorted by the column headers (priority first: the highest current level on top).
    const count = page.getByTestId('scenario-count');
    const total = Number(/of (\d+) scenarios?$/.exec((await count.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('columnheader', { name: 'Current' }).getAttribute('aria-sort')).toBe('descending');
    if (total > 25) {
      await page.getByRole('button', { name: 'Page 2' }).click();
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get('page') === '2');
      await page.getByText(new RegExp(`^Showing 26–${Math.min(total, 50)} of ${total} scenarios$`)).waitFor();
    }
    await page.getByRole('button', { name: 'Ref' }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('sort') === 'ref');
    expect(new URL(page.url()).searchParams.has('page')).toBe(false);
    expect(await page.getByRole('columnheader', { name: 'Ref' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByText(new RegExp(`^Showing 1–${Math.min(total, 25)} of ${total} scenarios$`)).waitFor();

    await page.getByRole('textbox', { name: 'Search' }).fill('Browser test');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('q') === 'Browser test');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-row"]').length === 2);
    const ours = rows.filter({ hasText: TITLE });
    expect(await ours.locator('td').nth(3).textContent()).toBe('High');
    expect(await ours.locator('td').nth(4).textContent()).toBe('Low');
    expect(await ours.locator('td').nth(5).textContent()).toBe('Accepted');
    expect(await ours.locator('td').nth(7).textContent()).toBe('1/1');
    expect(await ours.locator('td').nth(9).textContent()).toBe(utcDayAfter(730));
    await page.getByTestId('heat-map-residual').waitFor();
    await screenshot(page, 'risk-register', true);
    const showCurrent = page.getByRole('group', { name: 'Ratings shown' }).getByText('Current', { exact: true });
    await showCurrent.click();
    await page.getByTestId('heat-map-current').getByRole('table').waitFor();
    await page.getByRole('region', { name: 'Heat maps' }).screenshot({ path: path.join(SCREENSHOT_DIR, 'risk-heat-maps-three.png') });
    await showCurrent.click();
    await page.getByTestId('heat-map-current').waitFor({ state: 'detached' });

    const residualMap = page.getByTestId('heat-map-residual');
    await residualMap.getByRole('button', { name: /^Unlikely × Minor \(Low\): 1 scenario\./ }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('cell') === 'residual:1:1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-row"]').length === 1);
    expect(await rows.first().textContent()).toContain(TITLE);
    const chip = page.getByTestId('cell-filter');
    expect(await chip.textContent()).toBe('Residual risk: Unlikely × Minor');
    expect(await residualMap.getByRole('button', { name: /^Unlikely × Minor/ }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'risk-register-cell');
    await page.getByTestId('heat-map-inherent').screenshot({ path: path.join(SCREENSHOT_DIR, 'risk-heat-map-inherent.png') });

    // The PDF report of what is on screen: a plain link with the filters, downloaded with the session cookie.
    const pdf = page.getByRole('link', { name: 'Download the report as PDF' });
    const href = (await pdf.getAttribute('href')) ?? '';
    const reportQuery = new URL(href, base).searchParams;
    expect(reportQuery.get('format')).toBe('pdf');
    expect(reportQuery.get('cell')).toBe('residual:1:1');
    expect(reportQuery.get('q')).toBe('Browser test');
    const report = await page.request.get(new URL(href, base).toString());
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toBe('application/pdf');
    expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // Removing the chip lifts the cell filter.
    await chip.getByRole('button', { name: /^Remove the heat-map filter/ }).click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('cell'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-row"]').length === 2);

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
