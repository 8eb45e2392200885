import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/platform/http/app.ts';
import { JobRunner } from '../../src/platform/jobs/job-runner.ts';
import { jobHandlers } from '../../src/platform/jobs/handlers.ts';
import { analyzeScenario, parseAnalysis } from '../../src/quant/fair/analysis.ts';
import { bearer, problem, testConfig } from '../support/test-app.ts';
import { buildFairBed, pert, productAnalysis, type FairBed } from '../support/fair-fixture.ts';

/*
 * FAIR runs through the API: inline (201) and as a job (202 → worker → stored run), reproducible from the seed,
 * refused over budget, cancelled; a rating set from a run onto the criteria's bands; the portfolio.
 */
let bed: FairBed;
let scenarioId: string;

beforeAll(async () => {
  bed = await buildFairBed();
  scenarioId = (await bed.scenario('Ransomware stops the warehouse')).id;
  const saved = await bed.call('PUT', `/scenarios/${scenarioId}/fair`, productAnalysis());
  if (saved.statusCode !== 200) throw new Error(saved.body);
});
afterAll(() => bed.ctx.dispose());

const runner = () => new JobRunner(bed.ctx.store, jobHandlers);

describe('scenario runs', () => {
  let runId: string;

  it('a small run runs in the request (201) and is stored; the same seed gives exactly the engine’s result', async () => {
    const response = await bed.call('POST', `/scenarios/${scenarioId}/fair/runs`, {});
    expect(response.statusCode, response.body).toBe(201);
    const { run, job } = response.json();
    expect(job).toBeNull();
    expect(run).toMatchObject({ kind: 'scenario', scenarioId, model: 'product', iterations: 5_000, seed: 20_260_101, jobId: null });
    runId = run.id;

    const stored = (await bed.call('GET', `/fair-runs/${runId}`, undefined, bed.viewer)).json();
    const { iterations, seed, ...analysis } = productAnalysis();
    const direct = analyzeScenario(parseAnalysis(analysis), { iterations, seed, drivers: {}, sensitivity: true });
    expect(stored.result).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(stored.result.annualLoss.mean).toBeGreaterThan(0);
    expect(stored.result.controls).toHaveLength(1);
    expect(stored.analysis.analysis.inputs).toEqual(analysis.inputs);

    const again = (await bed.call('POST', `/scenarios/${scenarioId}/fair/runs`, {})).json();
    expect(again.run.result).toEqual(stored.result);
  });

  it('lists runs newest first with their headline figures, and GET …/fair shows the latest', async () => {
    const list = (await bed.call('GET', `/scenarios/${scenarioId}/fair/runs?limit=5`, undefined, bed.viewer)).json();
    expect(list.items).toHaveLength(2);
    const stored = (await bed.call('GET', `/fair-runs/${runId}`)).json();
    expect(list.items[1]).toMatchObject({
      id: runId,
      iterations: 5_000,
      seed: 20_260_101,
      mean: stored.result.annualLoss.mean,
      p95: stored.result.annualLoss.p95,
    });
    const fair = (await bed.call('GET', `/scenarios/${scenarioId}/fair`)).json();
    expect(fair.latestRun.id).toBe(list.items[0].id);
  });

  it('a run without sensitivity has an empty tornado', async () => {
    const { run } = (await bed.call('POST', `/scenarios/${scenarioId}/fair/runs`, { sensitivity: false })).json();
    expect(run.result.sensitivity).toEqual([]);
  });

  it('a scenario without an analysis cannot run (422)', async () => {
    const id = (await bed.scenario('No analysis')).id;
    const response = await bed.call('POST', `/scenarios/${id}/fair/runs`, {});
    expect(response.statusCode).toBe(422);
  });

  it('a large run is queued (202), runs in a worker through the job runner, and stores the run; the job’s result is {runId}', async () => {
    const id = (await bed.scenario('Big one')).id;
    expect((await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 150_000, seed: 7 }))).statusCode).toBe(200);
    const response = await bed.call('POST', `/scenarios/${id}/fair/runs`, {});
    expect(response.statusCode, response.body).toBe(202);
    const { run, job } = response.json();
    expect(run).toBeNull();
    expect(job).toMatchObject({ kind: 'fair.simulate', status: 'queued' });
    expect(await runner().runOnce()).toBe(true);
    const done = (await bed.call('GET', `/jobs/${job.id}`)).json();
    expect(done.status, done.error).toBe('succeeded');
    expect(done.progress).toEqual({ done: 1000, total: 1000 });
    const stored = (await bed.call('GET', `/fair-runs/${done.result.runId}`)).json();
    expect(stored).toMatchObject({ scenarioId: id, jobId: job.id, iterations: 150_000, seed: 7 });
    expect(stored.result.annualLoss.iterations).toBe(150_000);
  }, 120_000);

  it('counts the tornado’s traced years in the work a request may do inline', async () => {
    // 120,000 iterations × (1 + 1 control) = 240,000 years, inline alone; the tornado's 100,000 more tip it past 300,000.
    const id = (await bed.scenario('Tipped by its tornado')).id;
    expect((await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 120_000 }))).statusCode).toBe(200);
    const withTornado = await bed.call('POST', `/scenarios/${id}/fair/runs`, {});
    expect(withTornado.statusCode, withTornado.body).toBe(202);
    expect((await bed.call('POST', `/jobs/${withTornado.json().job.id}/cancel`)).json().status).toBe('cancelled');
    const without = await bed.call('POST', `/scenarios/${id}/fair/runs`, { sensitivity: false });
    expect(without.statusCode, without.body).toBe(201);
    expect(without.json().run.result.sensitivity).toEqual([]);
  });

  it('a queued run cancelled before it starts stores nothing', async () => {
    const id = (await bed.scenario('Cancelled')).id;
    expect((await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 300_000 }))).statusCode).toBe(200);
    const runsBefore = await bed.count('fair_runs');
    const { job } = (await bed.call('POST', `/scenarios/${id}/fair/runs`, {})).json();
    const cancelled = await bed.call('POST', `/jobs/${job.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await runner().runOnce()).toBe(false);
    expect(await bed.count('fair_runs')).toBe(runsBefore);
  });

  it('a running job cancelled mid-way terminates its worker and stores nothing', async () => {
    const id = (await bed.scenario('Cancelled while running')).id;
    const heavy = productAnalysis({ iterations: 4_000_000, seed: 11 });
    expect((await bed.call('PUT', `/scenarios/${id}/fair`, heavy)).statusCode).toBe(200);
    const runsBefore = await bed.count('fair_runs');
    const { job } = (await bed.call('POST', `/scenarios/${id}/fair/runs`, { sensitivity: true })).json();
    const running = runner().runOnce();
    const deadline = Date.now() + 60_000;
    let seen = (await bed.call('GET', `/jobs/${job.id}`)).json();
    while (seen.status === 'queued' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = (await bed.call('GET', `/jobs/${job.id}`)).json();
    }
    expect(seen.status).toBe('running');
    expect((await bed.call('POST', `/jobs/${job.id}/cancel`)).json().status).toBe('cancelled');
    const cancelledAt = Date.now();
    await running;
    // The worker was terminated, not run to the end (a full run of this size takes far longer).
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
    expect((await bed.call('GET', `/jobs/${job.id}`)).json().status).toBe('cancelled');
    expect(await bed.count('fair_runs')).toBe(runsBefore);
  }, 120_000);

  it('over the budget: 422 FAIR_BUDGET_EXCEEDED with the estimate and the limit; no run, no job', async () => {
    const tight = await buildApp(bed.ctx.store, testConfig({ fairMaxMemoryMb: 0, fairMaxSeconds: 0 }));
    await tight.ready();
    try {
      const [runs, jobs] = [await bed.count('fair_runs'), await bed.count('jobs')];
      const response = await tight.inject({
        method: 'POST',
        url: `/api/orgs/${bed.org.slug}/scenarios/${scenarioId}/fair/runs`,
        headers: bearer(bed.writer),
        payload: {},
      });
      expect(response.statusCode).toBe(422);
      const body = problem(response) as ReturnType<typeof problem> & { estimate: object; limit: object };
      expect(body.code).toBe('FAIR_BUDGET_EXCEEDED');
      expect(body.detail).toMatch(/limit is 0/);
      expect(body.limit).toEqual({ memoryMb: 0, seconds: 0 });
      const portfolio = await tight.inject({
        method: 'POST',
        url: `/api/orgs/${bed.org.slug}/fair/portfolio-runs`,
        headers: bearer(bed.writer),
        payload: {},
      });
      expect(problem(portfolio).code).toBe('FAIR_BUDGET_EXCEEDED');
      expect([await bed.count('fair_runs'), await bed.count('jobs')]).toEqual([runs, jobs]);
    } finally {
      await tight.close();
    }
  });

  it('another organization cannot read a run (404) or run our scenario (404)', async () => {
    expect((await bed.call('GET', `/fair-runs/${runId}`, undefined, bed.outsider, bed.other.slug)).statusCode).toBe(404);
    expect((await bed.call('POST', `/scenarios/${scenarioId}/fair/runs`, {}, bed.outsider, bed.other.slug)).statusCode).toBe(404);
  });

  it('runs go with their scenario', async () => {
    const id = (await bed.scenario('Deleted with runs')).id;
    await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 500 }));
    const { run } = (await bed.call('POST', `/scenarios/${id}/fair/runs`, {})).json();
    expect((await bed.call('DELETE', `/scenarios/${id}`)).statusCode).toBe(204);
    expect((await bed.call('GET', `/fair-runs/${run.id}`)).statusCode).toBe(404);
  });
});

describe('setting a rating from a run', () => {
  it('maps the loss event frequency and magnitude onto the criteria’s bands and writes the rating with its history', async () => {
    const { run } = (await bed.call('POST', `/scenarios/${scenarioId}/fair/runs`, {})).json();
    const response = await bed.call('POST', `/scenarios/${scenarioId}/fair/apply-rating`, { runId: run.id, rating: 'inherent' });
    expect(response.statusCode, response.body).toBe(200);
    const scenario = response.json();

    const criteria = (await bed.call('GET', `/risk/criteria/${scenario.criteria.id}`)).json();
    const definition = criteria.definition ?? criteria.versions?.at(-1)?.definition;
    const within = (band: { min: number; max: number }, value: number, last: boolean) => value >= band.min && (value < band.max || last);
    const lef = run.result.lossEventFrequency.mean;
    const lm = run.result.lossMagnitude.mean;
    const l = definition.likelihood.findIndex((level: { eventsPerYear: { min: number; max: number } }, i: number, all: unknown[]) =>
      within(level.eventsPerYear, lef, i === all.length - 1),
    );
    const c = definition.consequence.findIndex((level: { monetary: { min: number; max: number } }, i: number, all: unknown[]) =>
      within(level.monetary, lm, i === all.length - 1),
    );
    expect(l).toBeGreaterThanOrEqual(0);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(scenario.inherent).toMatchObject({ likelihood: l, consequence: c });
    expect(scenario.rationale.inherent).toContain(run.id);

    const history = (await bed.call('GET', `/scenarios/${scenarioId}/history`)).json();
    const last = history.items.at(-1);
    expect(last.action).toBe('assessed');
    expect(last.changes.inherent[1]).toMatchObject({ likelihood: l, consequence: c });
  });

  it('refuses a run of another scenario (422 body.runId)', async () => {
    const id = (await bed.scenario('Another')).id;
    await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 500 }));
    const { run } = (await bed.call('POST', `/scenarios/${id}/fair/runs`, {})).json();
    const response = await bed.call('POST', `/scenarios/${scenarioId}/fair/apply-rating`, { runId: run.id, rating: 'current' });
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['body.runId']);
  });

  it('refuses criteria without bands (422 naming the scales) and leaves the rating alone', async () => {
    const created = await bed.call('POST', '/risk/criteria', { template: '3x3' });
    const criteria = created.json();
    const definition = criteria.definition ?? criteria.versions?.at(-1)?.definition;
    const hasBands = definition?.likelihood?.some((level: { eventsPerYear: unknown }) => level.eventsPerYear);
    const unbanded = hasBands
      ? (
          await bed.call('POST', '/risk/criteria', {
            definition: {
              ...definition,
              name: 'No bands',
              likelihood: definition.likelihood.map((level: object) => ({ ...level, eventsPerYear: null })),
              consequence: definition.consequence.map((level: object) => ({ ...level, monetary: null })),
            },
          })
        ).json()
      : criteria;
    const made = await bed.call('POST', '/scenarios', { title: 'Qualitative only', approach: 'asset-based', criteriaId: unbanded.id });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    await bed.call('PUT', `/scenarios/${id}/fair`, productAnalysis({ iterations: 500 }));
    const { run } = (await bed.call('POST', `/scenarios/${id}/fair/runs`, {})).json();
    const response = await bed.call('POST', `/scenarios/${id}/fair/apply-rating`, { runId: run.id, rating: 'inherent' });
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['criteria.likelihood', 'criteria.consequence']);
    expect((await bed.call('GET', `/scenarios/${id}`)).json().inherent).toBeNull();
  });
});

describe('portfolio', () => {
  it('runs every scenario with an analysis together, names them and sets the total against appetite and tolerance', async () => {
    const settings = await bed.call('PUT', '/fair-settings', {
      currency: 'EUR',
      appetite: [{ loss: 1, probability: 0.0001 }],
      drivers: [{ key: 'ransomware-campaign', name: 'Ransomware campaigns', description: null, distribution: pert(0.5, 1, 3) }],
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const shared = await bed.scenario('Shares the campaign');
    const base = productAnalysis({ iterations: 1_000 });
    await bed.call('PUT', `/scenarios/${shared.id}/fair`, {
      ...base,
      inputs: { ...base.inputs, threatEventFrequency: { driver: 'ransomware-campaign' } },
    });
    const second = await bed.scenario('Also shares it');
    await bed.call('PUT', `/scenarios/${second.id}/fair`, {
      ...base,
      inputs: { ...base.inputs, threatEventFrequency: { driver: 'ransomware-campaign' } },
    });

    const response = await bed.call('POST', '/fair/portfolio-runs', {
      scenarioIds: [scenarioId, shared.id, second.id],
      iterations: 20_000,
      seed: 99,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { run } = response.json();
    expect(run).toMatchObject({ kind: 'portfolio', scenarioId: null, iterations: 20_000, seed: 99 });
    const result = run.result;
    expect(result.scenarios.map((s: { id: string }) => s.id).sort()).toEqual([scenarioId, shared.id, second.id].sort());
    expect(result.scenarios.find((s: { id: string }) => s.id === shared.id).refId).toBe(shared.refId);
    expect(result.drivers).toEqual(['ransomware-campaign']);
    const sum = result.scenarios.reduce((n: number, s: { mean: number }) => n + s.mean, 0);
    expect(result.total.mean).toBeCloseTo(sum, 6);
    expect(result.appetite.exceeds).toBe(true);
    expect(result.tolerance).toBeNull();

    const page = (await bed.call('GET', '/fair/portfolio', undefined, bed.viewer)).json();
    expect(page.latestRun.id).toBe(run.id);
    expect(page.settings.currency).toBe('EUR');
    expect(page.scenarios.find((s: { id: string }) => s.id === scenarioId).mean).toBeGreaterThan(0);
    expect(page.scenarios.find((s: { id: string }) => s.id === shared.id).mean).toBeNull();
  });

  it('refuses an id without an analysis (422 naming it)', async () => {
    const bare = (await bed.scenario('Bare')).id;
    const response = await bed.call('POST', '/fair/portfolio-runs', { scenarioIds: [scenarioId, bare], iterations: 100 });
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['body.scenarioIds.1']);
  });

  it('a large portfolio is a job whose result names the stored run', async () => {
    const response = await bed.call('POST', '/fair/portfolio-runs', { iterations: 100_000, seed: 5 });
    expect(response.statusCode, response.body).toBe(202);
    const { job } = response.json();
    expect(await runner().runOnce()).toBe(true);
    const done = (await bed.call('GET', `/jobs/${job.id}`)).json();
    expect(done.status, done.error).toBe('succeeded');
    const stored = (await bed.call('GET', `/fair-runs/${done.result.runId}`)).json();
    expect(stored).toMatchObject({ kind: 'portfolio', jobId: job.id, iterations: 100_000, seed: 5 });
    expect(stored.result.appetite).not.toBeNull();
  }, 120_000);
});
