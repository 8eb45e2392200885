import { describe, expect, it } from 'vitest';
import { parseAnalysis } from './parse-analysis.ts';
import { errorParameter } from './errors.testkit.ts';

const pert = (min: number, mode: number, max: number) => ({ kind: 'pert', min, mode, max });
const product = () => ({
  model: 'product',
  inputs: {
    threatEventFrequency: pert(1, 2, 4),
    vulnerability: pert(0.1, 0.3, 0.6),
    primaryLoss: { forms: { response: pert(10, 20, 40), productivity: { kind: 'lognormal', lo: 5, hi: 50 } } },
    secondaryLossEventFrequency: pert(0, 0.2, 0.5),
    secondaryLossMagnitude: pert(100, 200, 400),
  },
  controls: [{ name: 'EDR', yearlyCost: 1000, effects: [{ factor: 'vulnerability', reduction: { kind: 'uniform', min: 0.1, max: 0.5 } }] }],
});

/** The .parameter of the FairParameterError that `value` is refused with. */
const refused = (value: unknown, driverKeys?: ReadonlySet<string>): string => errorParameter(() => parseAnalysis(value, driverKeys));

/** `product()` with `edit` applied. */
function productWith(edit: (a: ReturnType<typeof product> & Record<string, unknown>) => void): unknown {
  const a = product() as ReturnType<typeof product> & Record<string, unknown>;
  edit(a);
  return a;
}

describe('parseAnalysis', () => {
  it('accepts a full product analysis and returns a normalized copy', () => {
    const input = product();
    const parsed = parseAnalysis(input);
    expect(parsed.model).toBe('product');
    expect(parsed.controls).toEqual([
      {
        name: 'EDR',
        controlId: null,
        yearlyCost: 1000,
        effects: [{ factor: 'vulnerability', reduction: { kind: 'uniform', min: 0.1, max: 0.5 } }],
      },
    ]);
    // Forms come back in the canonical order, whatever the input's (jsonb reorders keys).
    const forms = (parsed.inputs as { primaryLoss: { forms: object } }).primaryLoss.forms;
    expect(Object.keys(forms)).toEqual(['productivity', 'response']);
    expect(parsed.inputs).not.toBe(input.inputs);
    expect(parseAnalysis(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it("keeps pertSampling 'table', drops the default 'exact', and refuses anything else at its path", () => {
    expect(parseAnalysis({ ...product(), pertSampling: 'table' })).toMatchObject({ pertSampling: 'table' });
    expect(parseAnalysis({ ...product(), pertSampling: 'exact' })).toEqual(parseAnalysis(product()));
    expect(parseAnalysis(product())).not.toHaveProperty('pertSampling');
    expect(refused({ ...product(), pertSampling: 'fast' })).toBe('pertSampling');
  });

  it('accepts derived TEF and vulnerability, drivers, compound analyses and no controls', () => {
    const derived = productWith((a) => {
      a.inputs.threatEventFrequency = { contactFrequency: pert(1, 5, 9), probabilityOfAction: { kind: 'constant', value: 0.5 } } as never;
      a.inputs.vulnerability = { threatCapability: pert(0, 50, 100), resistanceStrength: pert(20, 60, 90) } as never;
      delete (a as Record<string, unknown>).controls;
    });
    expect(parseAnalysis(derived).controls).toEqual([]);
    const driven = productWith((a) => (a.inputs.threatEventFrequency = { driver: 'ransomware-campaign' } as never));
    expect(parseAnalysis(driven, new Set(['ransomware-campaign']))).toMatchObject({
      inputs: { threatEventFrequency: { driver: 'ransomware-campaign' } },
    });
    const compound = { model: 'compound', inputs: { lossEventFrequency: 0.5, magnitude: { forms: { reputation: pert(1, 2, 3) } } } };
    expect(parseAnalysis(compound)).toEqual({ ...compound, controls: [] });
  });

  it('names the path of every bad value, relative to the analysis', () => {
    expect(refused(null)).toBe('(analysis)');
    expect(refused(productWith((a) => (a.model = 'sum')))).toBe('model');
    expect(refused(productWith((a) => (a.inputs.primaryLoss.forms.response = pert(10, 50, 40) as never)))).toBe(
      'inputs.primaryLoss.forms.response.mode',
    );
    expect(refused(productWith((a) => (a.inputs.primaryLoss.forms.response = pert(-10, 5, 40) as never)))).toBe(
      'inputs.primaryLoss.forms.response',
    );
    expect(refused(productWith((a) => (a.inputs.primaryLoss = { forms: {} } as never)))).toBe('inputs.primaryLoss.forms');
    expect(
      refused(
        productWith(
          (a) => (a.controls[0]!.effects.push({ factor: 'primaryLoss', reduction: { kind: 'uniform', min: 0, max: Number.NaN } }), a),
        ),
      ),
    ).toBe('controls.0.effects.1.reduction.max');
    // Reductions are probabilities.
    expect(refused(productWith((a) => (a.controls[0]!.effects[0]!.reduction = { kind: 'uniform', min: 0.5, max: 1.5 })))).toBe(
      'controls.0.effects.0.reduction',
    );
    expect(refused(productWith((a) => (a.controls[0]!.yearlyCost = -1)))).toBe('controls.0.yearlyCost');
    expect(refused(productWith((a) => (a.controls[0]!.yearlyCost = Infinity)))).toBe('controls.0.yearlyCost');
    expect(refused(productWith((a) => (a.controls[0]!.name = ' ')))).toBe('controls.0.name');
    expect(refused(productWith((a) => (a.controls[0]!.name = 'x'.repeat(201))))).toBe('controls.0.name');
    expect(refused(productWith((a) => (a.controls[0]!.effects = [])))).toBe('controls.0.effects');
    expect(refused(productWith((a) => (a.controls[0]!.effects[0]!.factor = 'magnitude' as never)))).toBe('controls.0.effects.0.factor');
    expect(refused(productWith((a) => (a.vulnerability = 1)))).toBe('vulnerability'); // unknown top-level key
    expect(refused(productWith((a) => delete (a.inputs as Record<string, unknown>).secondaryLossMagnitude))).toBe(
      'inputs.secondaryLossMagnitude',
    );
    expect(refused(productWith((a) => (a.inputs.vulnerability = pert(0.1, 0.3, 1.2) as never)))).toBe('inputs.vulnerability');
    expect(refused(productWith((a) => (a.inputs.threatEventFrequency = { kind: 'gamma' } as never)))).toBe(
      'inputs.threatEventFrequency.kind',
    );
    expect(refused({ model: 'compound', inputs: { lossEventFrequency: Infinity, magnitude: pert(1, 2, 3) } })).toBe(
      'inputs.lossEventFrequency',
    );
    expect(
      refused({
        model: 'compound',
        inputs: { lossEventFrequency: 1, magnitude: pert(1, 2, 3) },
        controls: [{ name: 'x', effects: [{ factor: 'vulnerability', reduction: pert(0, 0.1, 0.2) }] }],
      }),
    ).toBe('controls.0.effects.0.factor');
  });

  it('refuses unknown keys, naming them', () => {
    expect(
      refused(productWith((a) => (a.inputs.primaryLoss.forms = { ...a.inputs.primaryLoss.forms, legal: pert(1, 2, 3) } as never))),
    ).toBe('inputs.primaryLoss.forms.legal');
    expect(refused(productWith((a) => ((a.inputs as Record<string, unknown>).primaryLos = pert(1, 2, 3))))).toBe('inputs.primaryLos');
    expect(refused(productWith((a) => ((a.inputs.vulnerability as Record<string, unknown>).mean = 0.3)))).toBe('inputs.vulnerability.mean');
    expect(refused(productWith((a) => ((a.controls[0] as Record<string, unknown>).owner = 'me')))).toBe('controls.0.owner');
    expect(refused(productWith((a) => ((a.controls[0]!.effects[0] as Record<string, unknown>).weight = 1)))).toBe(
      'controls.0.effects.0.weight',
    );
    expect(() => parseAnalysis(productWith((a) => Object.assign(a.inputs.secondaryLossMagnitude, { a: 1, b: 2 })))).toThrow(
      /unknown fields "a", "b"/,
    );
  });

  it('checks driver keys (and against the settings when given)', () => {
    expect(refused(productWith((a) => (a.inputs.threatEventFrequency = { driver: 'Bad Key' } as never)))).toBe(
      'inputs.threatEventFrequency.driver',
    );
    const driven = productWith((a) => (a.inputs.threatEventFrequency = { driver: 'phishing' } as never));
    expect(refused(driven, new Set(['ransomware']))).toBe('inputs.threatEventFrequency.driver');
    expect(() => parseAnalysis(driven)).not.toThrow();
  });

  it('enforces the limits: 20 controls, 10 effects, 100,000 empirical values', () => {
    const control = { name: 'c', effects: [{ factor: 'vulnerability', reduction: { kind: 'constant', value: 0.1 } }] };
    expect(() => parseAnalysis(productWith((a) => (a.controls = Array(20).fill(control))))).not.toThrow();
    expect(refused(productWith((a) => (a.controls = Array(21).fill(control))))).toBe('controls');
    expect(refused(productWith((a) => (a.controls[0]!.effects = Array(11).fill(control.effects[0]))))).toBe('controls.0.effects');
    const empirical = (n: number) => ({ kind: 'empirical', values: Array.from({ length: n }, (_, i) => i) });
    expect(() => parseAnalysis(productWith((a) => (a.inputs.secondaryLossMagnitude = empirical(100_000) as never)))).not.toThrow();
    expect(refused(productWith((a) => (a.inputs.secondaryLossMagnitude = empirical(100_001) as never)))).toBe(
      'inputs.secondaryLossMagnitude.values',
    );
    expect(refused(productWith((a) => (a.inputs.secondaryLossMagnitude = { kind: 'empirical', values: [1, Number.NaN] } as never)))).toBe(
      'inputs.secondaryLossMagnitude.values.1',
    );
  });
});
