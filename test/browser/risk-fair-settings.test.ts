/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';
import { pageApi } from './page-api.ts';
import { pageMoney } from './page-money.ts';

/*
 * The organization's side of FAIR, then a reader's view of it. An administrator opens the Risk portfolio
 * settings, switches the currency, reshapes the appetite curve and adds a shared driver; the page and a reload
 * show them stored, and an appetite curve that rises comes back next to the point at fault with nothing stored.
 * A scenario with a loss history takes the compound model (loss events a year, Poisson) to a run; another
 * takes its threat event frequency from the new driver, and the run and the portfolio draw it. Last, a viewer
 * signs in and sees the figures without any button that would change them.
 *
 * The tests run in order and build on each other (one server and one browser context for the file).
 */
const { started, screenshot, signIn, newPage } = browserSuite();

const CURRENCY = 'USD';
const DRIVER = { key: 'phishing-wave', name: 'Phishing waves against staff', description: 'Credential phishing campaigns a year.' };
const DRIVER_PERT = { min: 2, mode: 4, max: 10 };
const COMPOUND_TITLE = 'Browser test: payment card chargebacks';
const DRIVER_TITLE = 'Browser test: mailbox takeover by phishing';
const READER = { email: 'fair.reader@demo.example', name: 'Fiona Reader' };

interface CurvePoint {
  loss: number;
  probability: number;
}
interface Settings {
  currency: string | null;
  appetite: CurvePoint[];
  tolerance: CurvePoint[];
  drivers: { key: string; name: string; description: string | null; distribution: Record<string, unknown> }[];
}
interface ScenarioFair {
  currency: string | null;
  analysis: { model: string; inputs: Record<string, unknown>; pertSampling: string; iterations: number; seed: number } | null;
  latestRun: {
    id: string;
    /** What was run: the analysis and the distributions of the drivers it names, by key. */
    analysis: { analysis: { pertSampling?: string }; drivers: Record<string, unknown> };
    result: { annualLoss: { mean: number }; lossEventFrequency: { mean: number } };
  } | null;
}
interface Portfolio {
  settings: Settings;
  latestRun: {
    id: string;
    /** What was run: the entries and the distributions of every driver they name, by key. */
    analysis: { drivers: Record<string, unknown> };
    result: { total: { mean: number }; scenarios: { id: string }[] };
  } | null;
}

/** What the tests share as they go: the scenarios they made. */
const made: { compoundScenarioId?: string; driverScenarioId?: string } = {};

const api = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
  pageApi<T>(page, started().server.baseUrl, method, path, data);

async function getJson<T>(page: Page, path: string): Promise<T> {
  const { status, body } = await api<T>(page, 'GET', path);
  expect(status).toBe(200);
  return body;
}

/** A new scenario (through the API), its page, and its card's "Add FAIR analysis" form open. */
async function newAnalysisForm(
  page: Page,
  title: string,
): Promise<{ scenarioId: string; fairPath: string; card: Locator; dialog: Locator }> {
  const scenarioId = await createScenario(page, title);
  const card = await openScenario(page, scenarioId, title);
  await card.getByRole('button', { name: 'Add FAIR analysis' }).click();
  const dialog = page.getByRole('dialog', { name: /^FAIR analysis of R-\d{3}$/ });
  await dialog.waitFor();
  return { scenarioId, fairPath: `/api/orgs/demo/scenarios/${scenarioId}/fair`, card, dialog };
}

async function createScenario(page: Page, title: string): Promise<string> {
  const created = await api<{ id: string }>(page, 'POST', '/api/orgs/demo/scenarios', { title, approach: 'event-based' });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A Mantine select by its label (a combobox or, in some versions, a textbox). */
const select = (scope: Locator, name: string): Locator =>
  scope
    .getByRole('combobox', { name, exact: true })
    .or(scope.getByRole('textbox', { name, exact: true }))
    .first();

/** Fills the figures of one distribution group (found by its label), each by its field's label. */
async function fillGroup(scope: Locator, label: string, figures: Record<string, string>): Promise<void> {
  const group = scope.getByRole('group', { name: label, exact: true });
  for (const [name, value] of Object.entries(figures)) await group.getByRole('textbox', { name, exact: true }).fill(value);
}

/** Clicks the visible label of a control whose input is hidden (a segmented control's segment), as a person would. */
async function clickLabelOf(input: Locator): Promise<void> {
  const id = await input.getAttribute('id');
  await input.page().locator(`label[for="${id}"]`).click();
}

/** The text a field points at with aria-describedby (its description and, when there is one, its error). */
const describedText = (field: Locator): Promise<string> =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/** A chart drawn by ECharts: marked rendered, with SVG paths inside. */
async function expectChartDrawn(chart: Locator): Promise<void> {
  await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 15_000 }).toBe('true');
  expect(await chart.locator('svg path').count()).toBeGreaterThan(5);
}

/** The appetite curve's fields, point by point: the first point's fields carry visible labels, the others an aria-label. */
function curvePoint(curve: Locator, index: number, currency: string): { loss: Locator; chance: Locator } {
  const suffix = index === 1 ? '' : `, point ${index}`;
  return {
    loss: curve.getByRole('textbox', { name: `Loss of at least (${currency})${suffix}`, exact: true }),
    chance: curve.getByRole('textbox', { name: `Chance a year (%)${suffix}`, exact: true }),
  };
}

async function openPortfolio(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Risk portfolio' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risk portfolio' }).waitFor();
  await page.getByTestId('portfolio-results').waitFor();
}

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Risk portfolio settings' });
  await dialog.waitFor();
  return dialog;
}

async function openScenario(page: Page, scenarioId: string, title: string): Promise<Locator> {
  await page.goto(`${started().server.baseUrl}/o/demo/risk/scenarios/${scenarioId}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`: ${title}$`) }).waitFor();
  return page.getByTestId('fair-card');
}

/** Runs the stored analysis from the card and waits for the stored run's figures. */
async function runFromCard(page: Page, card: Locator, fairPath: string): Promise<ScenarioFair> {
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  const results = card.getByTestId('fair-results');
  await results.waitFor({ timeout: 60_000 });
  const fair = await getJson<ScenarioFair>(page, fairPath);
  expect(fair.latestRun).not.toBeNull();
  expect(await results.getAttribute('data-run-id')).toBe(fair.latestRun!.id);
  expect(await results.getByTestId('ale-mean').textContent()).toBe(
    await pageMoney(page, fair.latestRun!.result.annualLoss.mean, fair.currency),
  );
  return fair;
}

describe('FAIR settings, the compound model, shared drivers and a reader', () => {
  it('edits the portfolio settings: currency, appetite points and a shared driver are stored; a rising curve is refused at its point', async ({
    onTestFailed,
  }) => {
    const { page, pageErrors } = await newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-settings-failure', true));
    await signIn(page);
    const before = await getJson<Settings>(page, '/api/orgs/demo/fair-settings');
    expect(before.currency).toBe('EUR'); // the demo's
    expect(before.drivers.map((driver) => driver.key)).not.toContain(DRIVER.key);

    await openPortfolio(page);
    const mean = page.getByTestId('portfolio-mean');
    const run = (await getJson<Portfolio>(page, '/api/orgs/demo/fair/portfolio')).latestRun!;
    expect(await mean.textContent()).toBe(await pageMoney(page, run.result.total.mean, 'EUR'));

    let dialog = await openSettings(page);
    await dialog.getByRole('textbox', { name: 'Currency', exact: true }).fill(CURRENCY);
    const appetite = dialog.getByRole('group', { name: 'Risk appetite', exact: true });
    // The loss fields name the currency as it is typed.
    expect(await curvePoint(appetite, 1, CURRENCY).loss.inputValue()).toBe('500,000');
    await curvePoint(appetite, 2, CURRENCY).chance.fill('40'); // 1,000,000 at 40 % rather than 50 %
    await appetite.getByRole('button', { name: 'Add a point' }).click();
    await curvePoint(appetite, 4, CURRENCY).loss.fill('2500000');
    await curvePoint(appetite, 4, CURRENCY).chance.fill('20');

    await dialog.getByRole('button', { name: 'Add a driver' }).click();
    const driver = dialog.getByRole('group', { name: `Driver ${before.drivers.length + 1}`, exact: true });
    await driver.getByRole('textbox', { name: 'Key', exact: true }).fill(DRIVER.key);
    await driver.getByRole('textbox', { name: 'Name', exact: true }).fill(DRIVER.name);
    await driver.getByRole('textbox', { name: 'Description', exact: true }).fill(DRIVER.description);
    await fillGroup(driver, 'Threat events a year', {
      Min: String(DRIVER_PERT.min),
      'Most likely': String(DRIVER_PERT.mode),
      Max: String(DRIVER_PERT.max),
    });
    await screenshot(page, 'risk-fair-settings-driver');
    await dialog.getByRole('textbox', { name: 'Currency', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-settings-editor');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Stored: the appetite sorted by loss, the tolerance as it was, the new driver after the demo's.
    const expected: Settings = {
      currency: CURRENCY,
      appetite: [
        { loss: 500_000, probability: 0.9 },
        { loss: 1_000_000, probability: 0.4 },
        { loss: 2_500_000, probability: 0.2 },
        { loss: 5_000_000, probability: 0.05 },
      ],
      tolerance: before.tolerance,
      drivers: [...before.drivers, { ...DRIVER, distribution: { kind: 'pert', ...DRIVER_PERT } }],
    };
    const saved = await getJson<Settings>(page, '/api/orgs/demo/fair-settings');
    expect(saved).toMatchObject(expected);

    // The page follows: figures and the chart's loss axis in dollars, the appetite and tolerance curves drawn.
    const dollars = await pageMoney(page, run.result.total.mean, CURRENCY);
    expect(dollars).toContain('US$');
    await expect.poll(() => mean.textContent()).toBe(dollars);
    const chart = page.getByTestId('portfolio-lec-chart');
    await expectChartDrawn(chart);
    await expect.poll(async () => (await chart.textContent()) ?? '').toContain('US$');
    expect(await chart.textContent()).not.toContain('€');
    expect(await chart.textContent()).toContain('Appetite');

    // A reload reads them back from the server.
    await page.reload();
    await page.getByTestId('portfolio-results').waitFor();
    expect(await mean.textContent()).toBe(dollars);
    dialog = await openSettings(page);
    expect(await dialog.getByRole('textbox', { name: 'Currency', exact: true }).inputValue()).toBe(CURRENCY);
    const shown: [string, string][] = [];
    for (let index = 1; index <= 4; index++) {
      const point = curvePoint(appetite, index, CURRENCY);
      shown.push([await point.loss.inputValue(), await point.chance.inputValue()]);
    }
    expect(shown).toEqual([
      ['500,000', '90'],
      ['1,000,000', '40'],
      ['2,500,000', '20'],
      ['5,000,000', '5'],
    ]);
    expect(await appetite.getByRole('textbox', { name: `Chance a year (%), point 5`, exact: true }).count()).toBe(0);
    const storedDriver = dialog.getByRole('group', { name: `Driver ${before.drivers.length + 1}`, exact: true });
    expect(await storedDriver.getByRole('textbox', { name: 'Key', exact: true }).inputValue()).toBe(DRIVER.key);
    expect(await storedDriver.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(DRIVER.name);

    // A larger loss made likelier than a smaller one: the curve would rise. The server names the point at fault.
    const fourth = curvePoint(appetite, 4, CURRENCY);
    await fourth.chance.fill('60');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => fourth.chance.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(fourth.chance)).toContain('an exceedance curve cannot rise');
    for (const other of [curvePoint(appetite, 3, CURRENCY).chance, fourth.loss])
      expect(await other.getAttribute('aria-invalid')).not.toBe('true');
    await dialog.getByRole('alert').first().waitFor();
    await fourth.chance.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-settings-error');
    expect(await getJson<Settings>(page, '/api/orgs/demo/fair-settings')).toEqual(saved); // nothing stored
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await mean.textContent()).toBe(dollars);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it('takes a scenario through the compound model (loss events a year, Poisson) to a run and its loss exceedance curve', async ({
    onTestFailed,
  }) => {
    const { page, pageErrors } = await newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-compound-failure', true));
    await signIn(page);
    const { scenarioId, fairPath, card, dialog } = await newAnalysisForm(page, COMPOUND_TITLE);
    made.compoundScenarioId = scenarioId;
    await dialog.getByRole('radio', { name: /^Loss events per year \(Poisson\)/ }).check();
    // The taxonomy's factors give way to the compound model's two.
    await dialog.getByRole('group', { name: 'Threat event frequency', exact: true }).waitFor({ state: 'detached' });
    await dialog.getByRole('textbox', { name: 'Loss events per year (average)', exact: true }).fill('3');
    await fillGroup(dialog, 'Loss magnitude', { '5th percentile': '2000', '95th percentile': '60000' });
    // The money fields name the currency the settings now have.
    expect(await dialog.getByRole('group', { name: 'Loss magnitude', exact: true }).textContent()).toContain(`amount in ${CURRENCY}`);
    await dialog.getByRole('textbox', { name: 'Iterations', exact: true }).fill('20000');
    await dialog.getByRole('textbox', { name: 'Seed', exact: true }).fill('11');
    await dialog.getByRole('button', { name: 'Save analysis' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const stored = await getJson<ScenarioFair>(page, fairPath);
    expect(stored.analysis).toMatchObject({
      model: 'compound',
      inputs: { lossEventFrequency: 3, magnitude: { kind: 'lognormal', lo: 2000, hi: 60_000 } },
      iterations: 20_000,
      seed: 11,
    });
    await card.getByText('Loss events per year (Poisson), 20,000 iterations, seed 11').waitFor();
    await card.getByText('Not run yet: press Run to simulate.').waitFor();

    const fair = await runFromCard(page, card, fairPath);
    expect(fair.currency).toBe(CURRENCY);
    const run = fair.latestRun!;
    // Poisson counts around the rate typed: 20,000 years put the mean within a few hundredths of 3.
    expect(run.result.lossEventFrequency.mean).toBeGreaterThan(2.9);
    expect(run.result.lossEventFrequency.mean).toBeLessThan(3.1);
    expect(run.result.annualLoss.mean).toBeGreaterThan(0);
    const results = card.getByTestId('fair-results');
    expect(await results.getByTestId('ale-mean').textContent()).toContain('US$');
    expect(await results.getByTestId('lef-mean').textContent()).toBe(
      await page.evaluate(
        (value) => new Intl.NumberFormat('en-GB', { notation: 'compact', maximumSignificantDigits: 3 }).format(value),
        run.result.lossEventFrequency.mean,
      ),
    );
    await expectChartDrawn(card.getByTestId('fair-lec-chart'));
    await expectChartDrawn(card.getByTestId('fair-histogram-chart'));
    await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page repeats the fixed header mid-page
    await screenshot(page, 'risk-fair-compound-results', true);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it('takes a threat event frequency from the shared driver: the analysis names it, the run and the portfolio run draw it', async ({
    onTestFailed,
  }) => {
    const { page, pageErrors } = await newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-driver-failure', true));
    await signIn(page);
    const { scenarioId, fairPath, card, dialog } = await newAnalysisForm(page, DRIVER_TITLE);
    made.driverScenarioId = scenarioId;
    const segment = dialog.getByRole('radio', { name: 'Shared driver', exact: true });
    await clickLabelOf(segment);
    expect(await segment.isChecked()).toBe(true);
    await dialog.getByRole('group', { name: 'Threat event frequency', exact: true }).waitFor({ state: 'detached' });
    await select(dialog, 'Shared driver').click();
    await page.getByRole('option', { name: `${DRIVER.name} (${DRIVER.key})`, exact: true }).click();
    await fillGroup(dialog, 'Vulnerability', { Min: '0.1', 'Most likely': '0.2', Max: '0.4' });
    await fillGroup(dialog, 'Primary loss', { '5th percentile': '1000', '95th percentile': '50000' });
    await fillGroup(dialog, 'Secondary loss event frequency', { Min: '0', 'Most likely': '0.1', Max: '0.3' });
    await fillGroup(dialog, 'Secondary loss magnitude', { '5th percentile': '5000', '95th percentile': '200000' });
    await dialog.getByRole('textbox', { name: 'Iterations', exact: true }).fill('20000');
    await dialog.getByRole('textbox', { name: 'Seed', exact: true }).fill('5');
    // This analysis's PERT inputs (the driver's, vulnerability's, secondary frequency's) are drawn from tables.
    await select(dialog, 'PERT sampling').click();
    await page.getByRole('option', { name: 'Fast: inverse-CDF table', exact: true }).click();
    await select(dialog, 'PERT sampling').scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-simulation-settings');
    await select(dialog, 'Shared driver').scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-driver-form');
    await dialog.getByRole('button', { name: 'Save analysis' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const stored = await getJson<ScenarioFair>(page, fairPath);
    expect(stored.analysis?.model).toBe('product');
    expect(stored.analysis?.inputs.threatEventFrequency).toEqual({ driver: DRIVER.key });
    expect(stored.analysis?.pertSampling).toBe('table');
    await card.getByText('PERT from tables', { exact: false }).waitFor();

    const fair = await runFromCard(page, card, fairPath);
    const run = fair.latestRun!;
    expect(run.analysis.analysis.pertSampling).toBe('table');
    expect(run.analysis.drivers).toEqual({ [DRIVER.key]: { kind: 'pert', ...DRIVER_PERT } }); // as the settings had it
    // The driver's own estimate is what ran: PERT(2, 4, 10) averages 14/3 a year, times a vulnerability averaging
    // 0.65/3, about 1.01 loss events a year (the demo's ransomware driver would give about 0.76).
    const expectedLef = (((DRIVER_PERT.min + 4 * DRIVER_PERT.mode + DRIVER_PERT.max) / 6) * (0.1 + 4 * 0.2 + 0.4)) / 6;
    expect(Math.abs(run.result.lossEventFrequency.mean - expectedLef) / expectedLef).toBeLessThan(0.05);
    await expectChartDrawn(card.getByTestId('fair-lec-chart'));

    // The portfolio run takes the scenario with the driver's estimate along (20,000 years keep it in the request).
    // Its result's "shared drivers" lists only those two or more scenarios draw together, so not this one yet.
    await openPortfolio(page);
    const portfolioResults = page.getByTestId('portfolio-results');
    const previous = await portfolioResults.getAttribute('data-run-id');
    await page.getByRole('textbox', { name: 'Iterations', exact: true }).fill('20000');
    await page.getByRole('button', { name: 'Run portfolio' }).click();
    await expect.poll(() => portfolioResults.getAttribute('data-run-id'), { timeout: 60_000 }).not.toBe(previous);
    const portfolio = await getJson<Portfolio>(page, '/api/orgs/demo/fair/portfolio');
    const portfolioRun = portfolio.latestRun!;
    expect(await portfolioResults.getAttribute('data-run-id')).toBe(portfolioRun.id);
    expect(portfolioRun.analysis.drivers[DRIVER.key]).toEqual({ kind: 'pert', ...DRIVER_PERT });
    expect(portfolioRun.result.scenarios.map((scenario) => scenario.id)).toEqual(
      expect.arrayContaining([scenarioId, made.compoundScenarioId]),
    );
    expect(await page.getByTestId('portfolio-mean').textContent()).toBe(await pageMoney(page, portfolioRun.result.total.mean, CURRENCY));
    const link = page.getByTestId('portfolio-contributions').getByRole('link', { name: new RegExp(DRIVER_TITLE) });
    expect(await link.getAttribute('href')).toBe(`/o/demo/risk/scenarios/${scenarioId}`);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows a viewer the figures of a scenario and of the portfolio, without a button that would change them', async ({ onTestFailed }) => {
    expect(made.compoundScenarioId).toBeDefined(); // the compound scenario, analysed and run above
    const { page, pageErrors } = await newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-reader-failure', true));
    await signIn(page);
    const added = await api<{ initialPassword?: string }>(page, 'POST', '/api/orgs/demo/members', { ...READER, role: 'viewer' });
    expect(added.status).toBe(201);
    const password = added.body.initialPassword!;
    expect(password).toBeTruthy();
    const scenarioFair = await getJson<ScenarioFair>(page, `/api/orgs/demo/scenarios/${made.compoundScenarioId}/fair`);
    const portfolio = await getJson<Portfolio>(page, '/api/orgs/demo/fair/portfolio');

    // The administrator signs out from the account menu; the viewer signs in with the password handed over.
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(READER.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo Corp' }).waitFor();
    await page.getByRole('button', { name: `Account: ${READER.name}` }).waitFor();

    // The scenario: the stored run's figures and curves, and none of the buttons that edit, run, rate or remove.
    const card = await openScenario(page, made.compoundScenarioId!, COMPOUND_TITLE);
    const results = card.getByTestId('fair-results');
    await results.waitFor();
    expect(await results.getAttribute('data-run-id')).toBe(scenarioFair.latestRun!.id);
    const aleMean = results.getByTestId('ale-mean');
    expect(await aleMean.isVisible()).toBe(true);
    expect(await aleMean.textContent()).toBe(await pageMoney(page, scenarioFair.latestRun!.result.annualLoss.mean, scenarioFair.currency));
    await expectChartDrawn(card.getByTestId('fair-lec-chart'));
    for (const name of ['Edit estimates', 'Run', 'Set rating from these results', 'Remove the FAIR analysis', 'Add FAIR analysis'])
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await card.getByRole('combobox', { name: 'Rating', exact: true }).count()).toBe(0);
    expect(await card.getByText('Not run yet').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'risk-fair-reader-scenario', true);

    // The portfolio: the total and its curve, no settings and no run.
    await openPortfolio(page);
    const mean = page.getByTestId('portfolio-mean');
    expect(await mean.isVisible()).toBe(true);
    expect(await mean.textContent()).toBe(await pageMoney(page, portfolio.latestRun!.result.total.mean, portfolio.settings.currency));
    expect(await page.getByTestId('portfolio-results').getAttribute('data-run-id')).toBe(portfolio.latestRun!.id);
    await expectChartDrawn(page.getByTestId('portfolio-lec-chart'));
    await page.getByTestId('portfolio-verdict').waitFor();
    for (const name of ['Settings', 'Run portfolio']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Iterations', exact: true }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Seed', exact: true }).count()).toBe(0);
    await screenshot(page, 'risk-fair-reader-portfolio', true);

    // The server agrees: the viewer may read the settings but not change them.
    expect((await api(page, 'GET', '/api/orgs/demo/fair-settings')).status).toBe(200);
    expect((await api(page, 'POST', `/api/orgs/demo/scenarios/${made.compoundScenarioId}/fair/runs`, {})).status).toBe(403);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
