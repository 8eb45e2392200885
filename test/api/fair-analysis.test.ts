import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../support/test-app.ts';
import { buildFairBed, pert, productAnalysis, type FairBed } from '../support/fair-fixture.ts';

/*
 * A scenario's FAIR analysis through the API: save, read, delete; every bad value a 422 naming its path with
 * nothing stored; settings and shared drivers; roles and tenants.
 */
let bed: FairBed;
let scenarioId: string;

beforeAll(async () => {
  bed = await buildFairBed();
  scenarioId = (await bed.scenario('Ransomware stops the warehouse')).id;
});
afterAll(() => bed.ctx.dispose());

const put = (body: object | string, id = scenarioId) => bed.call('PUT', `/scenarios/${id}/fair`, body);

describe('FAIR analysis: save, read, delete', () => {
  it('has none at first', async () => {
    const response = await bed.call('GET', `/scenarios/${scenarioId}/fair`, undefined, bed.viewer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ analysis: null, latestRun: null, currency: null });
  });

  it('saves an analysis and reads it back as stored, version 1, then 2', async () => {
    const first = await put(productAnalysis());
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.analysis).toMatchObject({ model: 'product', pertSampling: 'exact', iterations: 5_000, seed: 20_260_101, version: 1 });
    expect(body.analysis.inputs.primaryLoss.forms.response).toEqual({ kind: 'lognormal', lo: 10_000, hi: 200_000 });
    expect(body.analysis.controls[0]).toMatchObject({ name: 'EDR', yearlyCost: 40_000 });
    const read = (await bed.call('GET', `/scenarios/${scenarioId}/fair`, undefined, bed.viewer)).json();
    expect(read.analysis).toEqual(body.analysis);

    const second = await put({ ...productAnalysis({ iterations: 7_000 }), version: 1 });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().analysis).toMatchObject({ iterations: 7_000, version: 2 });
    const stale = await put({ ...productAnalysis(), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
  });

  it("stores pertSampling 'table', and a run records it and draws from tables", async () => {
    const id = (await bed.scenario('Sampled from tables')).id;
    const saved = await put(productAnalysis({ pertSampling: 'table', iterations: 20_000 }), id);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().analysis.pertSampling).toBe('table');
    const tableRun = (await bed.call('POST', `/scenarios/${id}/fair/runs`, { sensitivity: false })).json().run;
    expect(tableRun.analysis.analysis.pertSampling).toBe('table');
    expect((await put({ ...productAnalysis({ iterations: 20_000 }), pertSampling: 'exact', version: 1 }, id)).statusCode).toBe(200);
    const exactRun = (await bed.call('POST', `/scenarios/${id}/fair/runs`, { sensitivity: false })).json().run;
    expect(exactRun.analysis.analysis).not.toHaveProperty('pertSampling');
    // Same inputs and seed, other draws: the table's figures differ, within Monte Carlo error of the exact ones.
    expect(tableRun.result.annualLoss.mean).not.toBe(exactRun.result.annualLoss.mean);
    expect(tableRun.result.annualLoss.mean / exactRun.result.annualLoss.mean).toBeGreaterThan(0.9);
    expect(tableRun.result.annualLoss.mean / exactRun.result.annualLoss.mean).toBeLessThan(1.1);
  });

  it('defaults to 100,000 iterations and a random seed', async () => {
    const id = (await bed.scenario('Defaults')).id;
    const { iterations: _i, seed: _s, ...analysis } = productAnalysis();
    const response = await put(analysis, id);
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json().analysis;
    expect(saved.iterations).toBe(100_000);
    expect(Number.isSafeInteger(saved.seed) && saved.seed >= 0).toBe(true);
  });

  it('audits the save', async () => {
    const rows = await bed.ctx.store.query<{ action: string }>(
      `select action from audit_entries where org_id = $1 and action like 'fair-analysis.%' order by seq`,
      [bed.org.orgId],
    );
    expect(rows.map((r) => r.action).slice(0, 2)).toEqual(['fair-analysis.created', 'fair-analysis.updated']);
  });

  it('deletes it (204), and GET shows none', async () => {
    const id = (await bed.scenario('To remove')).id;
    expect((await put(productAnalysis(), id)).statusCode).toBe(200);
    const response = await bed.call('DELETE', `/scenarios/${id}/fair`);
    expect(response.statusCode).toBe(204);
    expect((await bed.call('GET', `/scenarios/${id}/fair`)).json().analysis).toBeNull();
  });

  it('goes with its scenario when the scenario is deleted', async () => {
    const id = (await bed.scenario('Doomed')).id;
    expect((await put(productAnalysis(), id)).statusCode).toBe(200);
    expect((await bed.call('DELETE', `/scenarios/${id}`)).statusCode).toBe(204);
    const [row] = await bed.ctx.store.query<{ n: number }>('select count(*)::int as n from fair_analyses where scenario_id = $1', [id]);
    expect(row!.n).toBe(0);
    expect((await bed.call('GET', `/scenarios/${id}/fair`)).statusCode).toBe(404);
  });
});

describe('FAIR analysis: bad input is a 422 naming the field, and nothing is stored', () => {
  let target: string;
  beforeAll(async () => {
    target = (await bed.scenario('Validation target')).id;
  });

  const refused = async (body: object | string, path: RegExp | string): Promise<void> => {
    const before = await bed.count('fair_analyses');
    const response = await put(body, target);
    expect(response.statusCode, response.body).toBe(422);
    const paths = problem(response).errors?.map((e) => e.path) ?? [];
    if (typeof path === 'string') expect(paths).toContain(path);
    else
      expect(
        paths.some((p) => path.test(p)),
        paths.join(', '),
      ).toBe(true);
    expect(await bed.count('fair_analyses')).toBe(before);
  };
  const withInputs = (inputs: Record<string, unknown>) => {
    const base = productAnalysis();
    return { ...base, inputs: { ...base.inputs, ...inputs } };
  };

  it('min above the most likely value → …mode', () =>
    refused(withInputs({ vulnerability: pert(0.5, 0.2, 0.9) }), 'body.inputs.vulnerability.mode'));

  it('a probability outside [0, 1] → the vulnerability', () =>
    refused(withInputs({ vulnerability: pert(0.2, 0.5, 1.5) }), /^body\.inputs\.vulnerability/));

  it('a number as a string → that field', () =>
    refused(withInputs({ threatEventFrequency: { kind: 'pert', min: '1', mode: 2, max: 3 } }), 'body.inputs.threatEventFrequency.min'));

  it('1e999 in the JSON (parsed as Infinity) → that field', () => {
    const raw = JSON.stringify(withInputs({ threatEventFrequency: { kind: 'pert', min: 1, mode: 2, max: 12345 } })).replace(
      '12345',
      '1e999',
    );
    return refused(raw, 'body.inputs.threatEventFrequency.max');
  });

  it('a loss form the model does not know → that form', () =>
    refused(withInputs({ primaryLoss: { forms: { lunch: pert(1, 2, 3) } } }), /^body\.inputs\.primaryLoss\.forms/));

  it('a control reduction above 1 → that control effect', () => {
    const body = productAnalysis({ controls: [{ name: 'X', effects: [{ factor: 'vulnerability', reduction: pert(0.5, 0.9, 1.2) }] }] });
    return refused(body, /^body\.controls\.0\.effects\.0\.reduction/);
  });

  it('an unknown PERT sampling → 400 at body.pertSampling (the request schema refuses it)', async () => {
    const before = await bed.count('fair_analyses');
    const response = await put({ ...productAnalysis(), pertSampling: 'fast' }, target);
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(['body.pertSampling']);
    expect(await bed.count('fair_analyses')).toBe(before);
  });
  it('zero iterations → body.iterations', () => refused(productAnalysis({ iterations: 0 }), 'body.iterations'));
  it('absurd iterations → body.iterations', () => refused(productAnalysis({ iterations: 1e12 }), 'body.iterations'));
  it('fractional iterations → body.iterations', () => refused(productAnalysis({ iterations: 10.5 }), 'body.iterations'));
  it('a negative seed → body.seed', () => refused(productAnalysis({ seed: -1 }), 'body.seed'));

  it('an unknown driver → …threatEventFrequency.driver', () =>
    refused(withInputs({ threatEventFrequency: { driver: 'no-such-driver' } }), 'body.inputs.threatEventFrequency.driver'));
});

describe('FAIR settings and shared drivers', () => {
  const driver = { key: 'ransomware-campaign', name: 'Ransomware campaigns', description: null, distribution: pert(0.5, 1, 4) };

  it('has defaults before any change', async () => {
    const response = await bed.call('GET', '/fair-settings', undefined, bed.viewer);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ currency: null, appetite: [], tolerance: [], drivers: [], updatedAt: null, updatedBy: null });
  });

  it('saves currency, curves (sorted by loss) and drivers; omitted fields keep', async () => {
    const response = await bed.call('PUT', '/fair-settings', {
      currency: 'EUR',
      appetite: [
        { loss: 5e6, probability: 0.01 },
        { loss: 1e5, probability: 0.3 },
      ],
      drivers: [driver],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      currency: 'EUR',
      appetite: [
        { loss: 1e5, probability: 0.3 },
        { loss: 5e6, probability: 0.01 },
      ],
      tolerance: [],
      drivers: [driver],
    });
    const kept = await bed.call('PUT', '/fair-settings', { tolerance: [{ loss: 1e7, probability: 0.05 }] });
    expect(kept.json()).toMatchObject({ currency: 'EUR', drivers: [driver], tolerance: [{ loss: 1e7, probability: 0.05 }] });
    expect((await bed.call('GET', `/scenarios/${scenarioId}/fair`)).json().currency).toBe('EUR');
  });

  it('refuses a rising curve, a probability above 1, a bad driver distribution and a repeated key (422, nothing changed)', async () => {
    const before = (await bed.call('GET', '/fair-settings')).json();
    const response = await bed.call('PUT', '/fair-settings', {
      appetite: [
        { loss: 1e5, probability: 0.1 },
        { loss: 1e6, probability: 0.2 },
      ],
      tolerance: [{ loss: 1e6, probability: 1.5 }],
      drivers: [driver, { ...driver, distribution: pert(2, 1, 4) }],
    });
    expect(response.statusCode).toBe(422);
    expect(problem(response).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'body.appetite.1.probability',
        'body.tolerance.0.probability',
        'body.drivers.1.key',
        'body.drivers.1.distribution.mode',
      ]),
    );
    expect((await bed.call('GET', '/fair-settings')).json()).toEqual(before);
  });

  it('an analysis may name a driver; removing that driver is a 409 naming the scenario', async () => {
    const named = await bed.scenario('Uses the campaign driver');
    const base = productAnalysis();
    const saved = await put({ ...base, inputs: { ...base.inputs, threatEventFrequency: { driver: 'ransomware-campaign' } } }, named.id);
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await bed.call('PUT', '/fair-settings', { drivers: [] });
    expect(response.statusCode).toBe(409);
    const body = problem(response) as ReturnType<typeof problem> & { scenarios: { id: string; refId: string }[] };
    expect(body.scenarios.map((s) => s.id)).toEqual([named.id]);
    expect(body.detail).toContain(named.refId);
    expect((await bed.call('GET', '/fair-settings')).json().drivers).toEqual([driver]);
    // Changing its distribution is fine.
    const changed = await bed.call('PUT', '/fair-settings', { drivers: [{ ...driver, distribution: pert(1, 2, 5) }] });
    expect(changed.statusCode, changed.body).toBe(200);
  });
});

describe('FAIR analysis: roles and tenants', () => {
  it('a viewer reads but cannot write (403), nothing stored', async () => {
    const id = (await bed.scenario('Viewer target')).id;
    expect((await bed.call('GET', `/scenarios/${id}/fair`, undefined, bed.viewer)).statusCode).toBe(200);
    for (const [method, path, body] of [
      ['PUT', `/scenarios/${id}/fair`, productAnalysis()],
      ['DELETE', `/scenarios/${id}/fair`, undefined],
      ['POST', `/scenarios/${id}/fair/runs`, {}],
      ['PUT', '/fair-settings', { currency: 'USD' }],
      ['POST', '/fair/portfolio-runs', {}],
    ] as const) {
      const response = await bed.call(method, path, body, bed.viewer);
      expect(response.statusCode, `${method} ${path}`).toBe(403);
    }
    expect((await bed.call('GET', `/scenarios/${id}/fair`)).json().analysis).toBeNull();
    expect((await bed.call('GET', '/fair-settings')).json().currency).toBe('EUR');
  });

  it('another organization’s scenario is a 404, through its slug or ours', async () => {
    const foreign = (await bed.scenario('Foreign', bed.outsider, bed.other.slug)).id;
    expect((await bed.call('PUT', `/scenarios/${foreign}/fair`, productAnalysis())).statusCode).toBe(404);
    expect((await bed.call('GET', `/scenarios/${foreign}/fair`)).statusCode).toBe(404);
    expect((await bed.call('GET', `/scenarios/${scenarioId}/fair`, undefined, bed.outsider, bed.other.slug)).statusCode).toBe(404);
    expect((await bed.call('GET', `/scenarios/${scenarioId}/fair`, undefined, bed.outsider)).statusCode).toBe(404);
    expect((await bed.call('GET', '/fair-settings', undefined, bed.outsider)).statusCode).toBe(404);
  });
});
