/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';
import { pageApi } from './page-api.ts';
import { pageMoney } from './page-money.ts';

/*
 * The FAIR card's background path: a run too big for the request (iterations × (1 + controls) > 200,000) comes
 * back 202 with a job; the card follows it with a progress bar, Cancel stops it and nothing is stored, and a
 * second big run finishes and shows the stored run's figures.
 */
const { started, screenshot, signIn, newPage } = browserSuite();

const pert = (min: number, mode: number, max: number) => ({ kind: 'pert', min, mode, max });
const analysis = (iterations: number) => ({
  model: 'product',
  inputs: {
    threatEventFrequency: pert(0.5, 2, 6),
    vulnerability: pert(0.1, 0.3, 0.6),
    primaryLoss: { kind: 'lognormal', lo: 10_000, hi: 200_000 },
    secondaryLossEventFrequency: { kind: 'uniform', min: 0, max: 0.4 },
    secondaryLossMagnitude: { kind: 'triangular', min: 0, mode: 50_000, max: 500_000 },
  },
  controls: [{ name: 'EDR', yearlyCost: 40_000, effects: [{ factor: 'vulnerability', reduction: pert(0.3, 0.5, 0.8) }] }],
  iterations,
  seed: 7,
});

interface Job {
  id: string;
  status: string;
}
interface ScenarioFair {
  currency: string | null;
  latestRun: { id: string; jobId: string | null; result: { annualLoss: { mean: number } } } | null;
}

const api = <T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
  pageApi<T>(page, started().server.baseUrl, method, path, data);

const money = pageMoney;

describe('FAIR card, background runs', () => {
  it('follows a big run as a job: Cancel stores nothing, a second big run finishes and shows the stored figures', async ({
    onTestFailed,
  }) => {
    const { page, pageErrors } = await newPage();
    onTestFailed(() => screenshot(page, 'risk-fair-more-job-failure', true));
    await signIn(page);
    const base = started().server.baseUrl;
    const created = await api<{ id: string }>(page, 'POST', '/api/orgs/demo/scenarios', {
      title: 'Browser test: a big FAIR run',
      approach: 'event-based',
    });
    expect(created.status).toBe(201);
    const fairPath = `/api/orgs/demo/scenarios/${created.body.id}/fair`;
    // 4,000,000 × (1 + 1 control): far over the inline limit, and several seconds of work on a fast machine, so
    // Cancel lands while it runs (a 1,000,000 run was half done by the time of the click here); well within the
    // default budget (estimated at about a third of its memory and a tenth of its time).
    expect((await api(page, 'PUT', fairPath, analysis(4_000_000))).status).toBe(200);

    await page.goto(`${base}/o/demo/risk/scenarios/${created.body.id}`);
    const card = page.getByTestId('fair-card');
    await card.getByRole('button', { name: 'Run', exact: true }).click();
    const job = card.getByTestId('fair-job');
    await job.waitFor();
    await job.getByRole('progressbar').waitFor();
    const jobId = (await job.locator('[id^="job-"]').first().getAttribute('id'))!.slice('job-'.length);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'risk-fair-more-job-progress');
    await job.getByRole('button', { name: 'Cancel' }).click();
    await job.getByText('The simulation was cancelled; nothing was stored').waitFor({ timeout: 30_000 });
    await screenshot(page, 'risk-fair-more-job-cancelled');
    await expect.poll(async () => (await api<Job>(page, 'GET', `/api/orgs/demo/jobs/${jobId}`)).body.status).toBe('cancelled');
    expect((await api<ScenarioFair>(page, 'GET', fairPath)).body.latestRun).toBeNull();
    expect(await card.getByTestId('fair-results').count()).toBe(0);
    await job.getByRole('button', { name: 'Dismiss' }).click();
    await job.waitFor({ state: 'hidden' });

    // 150,000 × 2 = 300,000: still a job, quick enough to finish.
    expect((await api(page, 'PUT', fairPath, analysis(150_000))).status).toBe(200);
    await page.reload();
    await card.getByRole('button', { name: 'Run', exact: true }).click();
    await card.getByTestId('fair-job').waitFor();
    const results = card.getByTestId('fair-results');
    await results.waitFor({ timeout: 120_000 });
    const fair = (await api<ScenarioFair>(page, 'GET', fairPath)).body;
    expect(fair.latestRun).not.toBeNull();
    expect(fair.latestRun!.jobId).not.toBeNull();
    expect(fair.latestRun!.jobId).not.toBe(jobId);
    expect(await results.getAttribute('data-run-id')).toBe(fair.latestRun!.id);
    expect(await results.getByTestId('ale-mean').textContent()).toBe(
      await money(page, fair.latestRun!.result.annualLoss.mean, fair.currency),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'risk-fair-more-job-done', true);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
