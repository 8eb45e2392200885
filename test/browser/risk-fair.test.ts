/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';
import { pageMoney } from './page-money.ts';

/*
 * FAIR in the product, as someone new to it meets it: on a fresh ransomware scenario, "Add FAIR analysis", enter
 * calibrated estimates (a mistyped range comes back next to the field it is in), save, run, and read the annual
 * loss exposure and the loss exceedance curve; then weigh a control with its yearly cost and see what it removes
 * and returns; finally the risk portfolio runs every analysed scenario together and judges the total against
 * the appetite.
 */
const { started, screenshot, signIn } = browserSuite();

const TITLE = 'Browser test: ransomware encrypts the file servers';
const CONTROL = 'Endpoint detection and response';

interface LossSummary {
  mean: number;
}
interface ScenarioFair {
  currency: string | null;
  latestRun: {
    id: string;
    result: {
      annualLoss: LossSummary;
      controls: { name: string; reduction: { mean: number }; returnOnControl: number | null; yearlyCost: number | null }[];
    };
  } | null;
}
interface Portfolio {
  settings: { currency: string | null; appetite: unknown[] };
  latestRun: {
    id: string;
    jobId: string | null;
    result: {
      total: LossSummary;
      scenarios: { id: string }[];
      appetite: { exceeds: boolean } | null;
      tolerance: { exceeds: boolean } | null;
    };
  } | null;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`${started().server.baseUrl}${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

const money = pageMoney;

/** A Mantine select by its label (a combobox or, in some versions, a textbox). */
const select = (scope: Locator, name: string): Locator =>
  scope
    .getByRole('combobox', { name, exact: true })
    .or(scope.getByRole('textbox', { name, exact: true }))
    .first();

/** One uncertain quantity of the form: its group (by label), a distribution kind, and its figures by label. */
async function estimate(scope: Locator, page: Page, label: string, kind: string | null, figures: Record<string, string>): Promise<void> {
  const group = scope.getByRole('group', { name: label, exact: true });
  if (kind) {
    await select(group, 'Distribution').click();
    await page.getByRole('option', { name: kind }).click();
  }
  for (const [name, value] of Object.entries(figures)) await group.getByRole('textbox', { name, exact: true }).fill(value);
}

/** A chart drawn by ECharts: marked rendered, with SVG paths inside. */
async function expectChartDrawn(chart: Locator): Promise<void> {
  await expect.poll(() => chart.getAttribute('data-rendered'), { timeout: 15_000 }).toBe('true');
  expect(await chart.locator('svg path').count()).toBeGreaterThan(5);
}

describe('FAIR analysis', () => {
  it('takes calibrated estimates for a ransomware scenario to a loss exceedance curve, a control’s return and the portfolio verdict', async ({
    onTestFailed,
  }) => {
    const page = await started().browser.context.newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-failure', true));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);
    const base = started().server.baseUrl;

    // A new scenario (through the API, as the register would make it).
    const session = (await (await page.request.get(`${base}/api/auth/session`)).json()) as { csrfToken: string };
    const created = await page.request.post(`${base}/api/orgs/demo/scenarios`, {
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      data: JSON.stringify({ title: TITLE, approach: 'event-based' }),
    });
    expect(created.status()).toBe(201);
    const scenarioId = ((await created.json()) as { id: string }).id;
    const fairPath = `/api/orgs/demo/scenarios/${scenarioId}/fair`;

    await page.goto(`${base}/o/demo/risk/scenarios/${scenarioId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`: ${TITLE}$`) }).waitFor();
    const card = page.getByTestId('fair-card');
    await card.getByTestId('fair-not-analysed').waitFor();
    expect(await card.getByTestId('fair-not-analysed').textContent()).toContain('Not analysed');
    await card.getByRole('button', { name: 'Add FAIR analysis' }).click();

    // The form: the Open FAIR taxonomy, with guidance on calibrated estimates.
    const dialog = page.getByRole('dialog', { name: /^FAIR analysis of R-\d{3}$/ });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /^Open FAIR taxonomy/ }).isChecked()).toBe(true);
    expect(await dialog.getByTestId('calibration-guidance').textContent()).toContain('nine times out of ten');
    await estimate(dialog, page, 'Threat event frequency', null, { Min: '0.5', 'Most likely': '2', Max: '6' });
    await estimate(dialog, page, 'Vulnerability', null, { Min: '0.05', 'Most likely': '0.15', Max: '0.4' });
    await dialog.getByRole('switch', { name: 'Split primary loss by the six forms of loss' }).check({ force: true });
    const forms = dialog.getByRole('group', { name: 'Primary loss by form of loss' });
    await forms.getByRole('checkbox', { name: 'Productivity' }).check({ force: true });
    await forms.getByRole('checkbox', { name: 'Response' }).check({ force: true });
    // A range typed the wrong way round: the server's problem comes back beside that very field.
    await estimate(dialog, page, 'Primary loss: productivity', null, { '5th percentile': '2000000', '95th percentile': '50000' });
    await estimate(dialog, page, 'Primary loss: response', null, { '5th percentile': '20000', '95th percentile': '400000' });
    await estimate(dialog, page, 'Secondary loss event frequency', null, { Min: '0.1', 'Most likely': '0.3', Max: '0.6' });
    await estimate(dialog, page, 'Secondary loss magnitude', null, { '5th percentile': '10000', '95th percentile': '1000000' });
    await dialog.getByRole('textbox', { name: 'Iterations' }).fill('20000');
    await dialog.getByRole('textbox', { name: 'Seed' }).fill('42');
    await screenshot(page, 'risk-fair-form');
    await dialog.getByRole('button', { name: 'Save analysis' }).click();
    const productivityHigh = dialog
      .getByRole('group', { name: 'Primary loss: productivity', exact: true })
      .getByRole('textbox', { name: '95th percentile' });
    await expect.poll(() => productivityHigh.getAttribute('aria-invalid')).toBe('true');
    expect(
      await dialog
        .getByRole('group', { name: 'Primary loss: response', exact: true })
        .getByRole('textbox', { name: '95th percentile' })
        .getAttribute('aria-invalid'),
    ).not.toBe('true');
    expect((await getJson<ScenarioFair & { analysis: unknown }>(page, fairPath)).analysis).toBeNull(); // nothing half-saved
    await productivityHigh.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-form-error');
    await estimate(dialog, page, 'Primary loss: productivity', null, { '5th percentile': '50000', '95th percentile': '2000000' });
    await dialog.getByRole('button', { name: 'Save analysis' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Run: the figures are the stored run's, and the loss exceedance curve is drawn.
    await card.getByRole('button', { name: 'Run', exact: true }).click();
    const results = card.getByTestId('fair-results');
    await results.waitFor();
    const first = await getJson<ScenarioFair>(page, fairPath);
    expect(first.latestRun).not.toBeNull();
    expect(await results.getAttribute('data-run-id')).toBe(first.latestRun!.id);
    expect(await results.getByTestId('ale-mean').textContent()).toBe(
      await money(page, first.latestRun!.result.annualLoss.mean, first.currency),
    );
    expect(first.latestRun!.result.annualLoss.mean).toBeGreaterThan(0);
    await expectChartDrawn(card.getByTestId('fair-lec-chart'));
    await expectChartDrawn(card.getByTestId('fair-histogram-chart'));
    await expectChartDrawn(card.getByTestId('fair-tornado-chart'));
    await page.evaluate(() => window.scrollTo(0, 0)); // a full-page shot of a scrolled page repeats the fixed header mid-page
    await screenshot(page, 'risk-fair-results', true);

    // A control with its yearly cost: what it removes and what it returns.
    await card.getByRole('button', { name: 'Edit estimates' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Add a control' }).click();
    const control = dialog.getByRole('group', { name: 'Control 1' });
    await control.getByRole('textbox', { name: 'Control name' }).fill(CONTROL);
    await control.getByRole('textbox', { name: /^Yearly cost/ }).fill('60000');
    await select(control, 'Factor it reduces').click();
    await page.getByRole('option', { name: 'Vulnerability', exact: true }).click();
    await estimate(control, page, 'Reduction', null, { Min: '0.3', 'Most likely': '0.5', Max: '0.7' });
    await control.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-control-form');
    await dialog.getByRole('button', { name: 'Save analysis' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => results.getAttribute('data-run-id'), { timeout: 30_000 }).not.toBe(first.latestRun!.id);
    const second = await getJson<ScenarioFair>(page, fairPath);
    expect(await results.getAttribute('data-run-id')).toBe(second.latestRun!.id);
    const outcome = second.latestRun!.result.controls[0]!;
    expect(outcome.name).toBe(CONTROL);
    expect(outcome.yearlyCost).toBe(60_000);
    expect(outcome.reduction.mean).toBeGreaterThan(0);
    const row = card.getByTestId('fair-controls-table').getByRole('row', { name: new RegExp(CONTROL) });
    expect(await row.getByTestId('control-reduction').textContent()).toBe(await money(page, outcome.reduction.mean, second.currency));
    expect(outcome.returnOnControl).toBeCloseTo(outcome.reduction.mean / 60_000, 6);
    const ratio = await page.evaluate(
      (value) => `${new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 }).format(value)}×`,
      outcome.returnOnControl!,
    );
    expect(await row.getByTestId('control-return').textContent()).toBe(ratio);
    // The after-control curve is on the same chart as the one before.
    await expectChartDrawn(card.getByTestId('fair-lec-chart'));
    expect(await card.getByTestId('fair-lec-chart').textContent()).toContain(`After ${CONTROL}`);
    await card.getByTestId('fair-controls-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-controls');

    // The run sets the current rating: its loss events a year and loss per event, placed on the criteria's bands.
    expect((await getJson<{ current: unknown }>(page, `/api/orgs/demo/scenarios/${scenarioId}`)).current).toBeNull();
    await card.getByRole('button', { name: 'Set rating from these results' }).click();
    await card.getByRole('status').getByText('The current rating now follows this run').waitFor();
    const rated = await getJson<{ current: { likelihood: number; consequence: number } | null; rationale: { current: string | null } }>(
      page,
      `/api/orgs/demo/scenarios/${scenarioId}`,
    );
    expect(rated.current).not.toBeNull();
    expect(rated.rationale.current).toContain(second.latestRun!.id);

    // The portfolio: every analysed scenario (the demo's and this one) together, against the appetite.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Risk portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk portfolio' }).waitFor();
    const before = (await getJson<Portfolio>(page, '/api/orgs/demo/fair/portfolio')).latestRun?.id ?? null;
    await page.getByRole('textbox', { name: 'Iterations', exact: true }).fill('100000');
    await page.getByRole('button', { name: 'Run portfolio' }).click();
    const portfolioResults = page.getByTestId('portfolio-results');
    await expect
      .poll(async () => (await portfolioResults.count()) > 0 && (await portfolioResults.getAttribute('data-run-id')) !== before, {
        timeout: 120_000,
      })
      .toBe(true);
    const portfolio = await getJson<Portfolio>(page, '/api/orgs/demo/fair/portfolio');
    const run = portfolio.latestRun!;
    expect(await portfolioResults.getAttribute('data-run-id')).toBe(run.id);
    // Five scenarios × 100,000 years is over the inline limit: it ran as a job, followed by the progress bar, then loaded.
    expect(run.jobId).not.toBeNull();
    expect(run.result.scenarios.map((scenario) => scenario.id)).toContain(scenarioId);
    expect(await page.getByTestId('portfolio-mean').textContent()).toBe(
      await money(page, run.result.total.mean, portfolio.settings.currency),
    );
    const expectedVerdict = run.result.tolerance?.exceeds
      ? 'above-tolerance'
      : portfolio.settings.appetite.length === 0
        ? 'no-appetite'
        : run.result.appetite?.exceeds
          ? 'above-appetite'
          : 'within-appetite';
    expect(await page.getByTestId('portfolio-verdict').getAttribute('data-verdict')).toBe(expectedVerdict);
    await expectChartDrawn(page.getByTestId('portfolio-lec-chart'));
    const link = page.getByTestId('portfolio-contributions').getByRole('link', { name: new RegExp(TITLE) });
    expect(await link.getAttribute('href')).toBe(`/o/demo/risk/scenarios/${scenarioId}`);
    await screenshot(page, 'risk-fair-portfolio', true);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
