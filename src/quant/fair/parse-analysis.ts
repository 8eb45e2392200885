import type { ControlEffect, DriverRef, FairControl, FairFactor, LossInput, ProductAnalysisInputs, ScenarioAnalysis } from './analysis.ts';
import { COMPOUND_FACTORS, LOSS_FORMS, PRODUCT_FACTORS } from './factors.ts';
import { validateDistribution, validateNonNegative, validateProbability, type Distribution } from './distributions.ts';
import { FairParameterError } from './errors.ts';

/**
 * Strict validation of an analysis as it arrives from JSON: every field's type and value, and no field the
 * engine does not know (a typo such as `primaryLos` would otherwise silently fall back to nothing). Paths are
 * relative to the analysis object, so the API can put `body.` in front.
 */

export const MAX_CONTROLS = 20;
export const MAX_EFFECTS = 10;
export const MAX_EMPIRICAL_VALUES = 100_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_LOSS_EVENT_FREQUENCY = 1e6;
export const DRIVER_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

type Json = Record<string, unknown>;

const fail = (path: string, message: string): never => {
  throw new FairParameterError(path, message);
};
const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);

function object(value: unknown, path: string, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path || '(analysis)', `must be ${what}`);
  return value as Json;
}

/** Refuses keys outside `allowed`, naming the first one in the path and all of them in the message. */
function onlyKeys(value: Json, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    fail(
      at(path, unknown[0]!),
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')} (allowed: ${allowed.join(', ')})`,
    );
  }
}

const FIELDS: Record<Distribution['kind'], readonly string[]> = {
  constant: ['kind', 'value'],
  uniform: ['kind', 'min', 'max'],
  triangular: ['kind', 'min', 'mode', 'max'],
  pert: ['kind', 'min', 'mode', 'max', 'shape'],
  lognormal: ['kind', 'lo', 'hi'],
  poisson: ['kind', 'lambda'],
  empirical: ['kind', 'values'],
};

type Check = (dist: Distribution, path: string) => void;

/** A distribution: shape checked here, values by `check` (validateDistribution / …NonNegative / …Probability). */
function distribution(value: unknown, path: string, check: Check): Distribution {
  const raw = object(value, path, 'a distribution ({kind, …})');
  const kind = raw.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind)) {
    fail(at(path, 'kind'), `must be one of ${Object.keys(FIELDS).join(', ')}`);
  }
  const fields = FIELDS[kind as Distribution['kind']];
  onlyKeys(raw, fields, path);
  // A fresh object with the known fields only (`shape` only when given): what is stored is what was checked.
  const copy: Json = {};
  for (const field of fields) if (raw[field] !== undefined) copy[field] = raw[field];
  if (kind === 'empirical') {
    const values = raw.values;
    if (!Array.isArray(values) && !(values instanceof Float64Array)) fail(at(path, 'values'), 'must be an array of numbers');
    const list = Array.from(values as ArrayLike<unknown>);
    if (list.length > MAX_EMPIRICAL_VALUES) fail(at(path, 'values'), `must hold at most ${MAX_EMPIRICAL_VALUES} values`);
    copy.values = list;
  }
  const dist = copy as unknown as Distribution;
  check(dist, path);
  return dist;
}

function lossInput(value: unknown, path: string): LossInput {
  const raw = object(value, path, 'a distribution or {forms}');
  if (!('forms' in raw)) return distribution(raw, path, validateNonNegative);
  onlyKeys(raw, ['forms'], path);
  const formsPath = at(path, 'forms');
  const forms = object(raw.forms, formsPath, 'an object of loss forms');
  onlyKeys(forms, LOSS_FORMS, formsPath);
  const out: Partial<Record<(typeof LOSS_FORMS)[number], Distribution>> = {};
  // Canonical order, not the input's: PostgreSQL's jsonb reorders keys, and the forms are drawn in this order.
  for (const form of LOSS_FORMS) {
    if (forms[form] !== undefined) out[form] = distribution(forms[form], at(formsPath, form), validateNonNegative);
  }
  if (Object.keys(out).length === 0) fail(formsPath, `must give at least one of ${LOSS_FORMS.join(', ')}`);
  return { forms: out };
}

function driverRef(raw: Json, path: string, driverKeys: ReadonlySet<string> | undefined): DriverRef {
  onlyKeys(raw, ['driver'], path);
  const key = raw.driver;
  const keyPath = at(path, 'driver');
  if (typeof key !== 'string' || !DRIVER_KEY.test(key)) fail(keyPath, 'must be a driver key (lowercase letters, digits and dashes)');
  if (driverKeys && !driverKeys.has(key as string)) fail(keyPath, `no shared driver ${JSON.stringify(key)} in the settings`);
  return { driver: key as string };
}

function productInputs(raw: Json, driverKeys: ReadonlySet<string> | undefined): ProductAnalysisInputs {
  onlyKeys(raw, PRODUCT_FACTORS, 'inputs');
  for (const factor of PRODUCT_FACTORS) if (raw[factor] === undefined) fail(`inputs.${factor}`, 'is required');
  const tefPath = 'inputs.threatEventFrequency';
  const tef = object(raw.threatEventFrequency, tefPath, 'a distribution, {driver} or {contactFrequency, probabilityOfAction}');
  let threatEventFrequency: ProductAnalysisInputs['threatEventFrequency'];
  if ('kind' in tef) threatEventFrequency = distribution(tef, tefPath, validateNonNegative);
  else if ('driver' in tef) threatEventFrequency = driverRef(tef, tefPath, driverKeys);
  else {
    onlyKeys(tef, ['contactFrequency', 'probabilityOfAction'], tefPath);
    threatEventFrequency = {
      contactFrequency: distribution(tef.contactFrequency, `${tefPath}.contactFrequency`, validateNonNegative),
      probabilityOfAction: distribution(tef.probabilityOfAction, `${tefPath}.probabilityOfAction`, validateProbability),
    };
  }
  const vPath = 'inputs.vulnerability';
  const v = object(raw.vulnerability, vPath, 'a distribution or {threatCapability, resistanceStrength}');
  let vulnerability: ProductAnalysisInputs['vulnerability'];
  if ('kind' in v) vulnerability = distribution(v, vPath, validateProbability);
  else {
    onlyKeys(v, ['threatCapability', 'resistanceStrength'], vPath);
    vulnerability = {
      threatCapability: distribution(v.threatCapability, `${vPath}.threatCapability`, validateDistribution),
      resistanceStrength: distribution(v.resistanceStrength, `${vPath}.resistanceStrength`, validateDistribution),
    };
  }
  return {
    threatEventFrequency,
    vulnerability,
    primaryLoss: lossInput(raw.primaryLoss, 'inputs.primaryLoss'),
    secondaryLossEventFrequency: distribution(raw.secondaryLossEventFrequency, 'inputs.secondaryLossEventFrequency', validateNonNegative),
    secondaryLossMagnitude: lossInput(raw.secondaryLossMagnitude, 'inputs.secondaryLossMagnitude'),
  };
}

function compoundInputs(raw: Json): { lossEventFrequency: number; magnitude: LossInput } {
  onlyKeys(raw, COMPOUND_FACTORS, 'inputs');
  const f = raw.lossEventFrequency;
  if (typeof f !== 'number' || !Number.isFinite(f) || f < 0 || f > MAX_LOSS_EVENT_FREQUENCY) {
    fail('inputs.lossEventFrequency', `must be a number from 0 to ${MAX_LOSS_EVENT_FREQUENCY} loss events a year`);
  }
  if (raw.magnitude === undefined) fail('inputs.magnitude', 'is required');
  return { lossEventFrequency: f as number, magnitude: lossInput(raw.magnitude, 'inputs.magnitude') };
}

function control(value: unknown, path: string, factors: readonly FairFactor[]): FairControl {
  const raw = object(value, path, 'a control ({name, effects, controlId?, yearlyCost?})');
  onlyKeys(raw, ['name', 'controlId', 'yearlyCost', 'effects'], path);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') fail(at(path, 'name'), 'must be a non-empty text');
  if ((name as string).length > MAX_NAME_LENGTH) fail(at(path, 'name'), `must be at most ${MAX_NAME_LENGTH} characters`);
  const controlId = raw.controlId ?? null;
  if (controlId !== null && (typeof controlId !== 'string' || controlId === '' || controlId.length > MAX_NAME_LENGTH)) {
    fail(at(path, 'controlId'), `must be null or a text of 1 to ${MAX_NAME_LENGTH} characters`);
  }
  const yearlyCost = raw.yearlyCost ?? null;
  if (yearlyCost !== null && (typeof yearlyCost !== 'number' || !Number.isFinite(yearlyCost) || yearlyCost <= 0)) {
    fail(at(path, 'yearlyCost'), 'must be null or a positive number (leave it empty when the control costs nothing)');
  }
  const effectsPath = at(path, 'effects');
  if (!Array.isArray(raw.effects)) fail(effectsPath, 'must be an array of {factor, reduction}');
  const list = raw.effects as unknown[];
  if (list.length === 0) fail(effectsPath, 'must hold at least one effect');
  if (list.length > MAX_EFFECTS) fail(effectsPath, `must hold at most ${MAX_EFFECTS} effects`);
  const effects = list.map((item, e): ControlEffect => {
    const effectPath = `${effectsPath}.${e}`;
    const effect = object(item, effectPath, 'an effect ({factor, reduction})');
    onlyKeys(effect, ['factor', 'reduction'], effectPath);
    if (typeof effect.factor !== 'string' || !factors.includes(effect.factor as FairFactor)) {
      fail(`${effectPath}.factor`, `must be one of ${factors.join(', ')}`);
    }
    if (effect.reduction === undefined) fail(`${effectPath}.reduction`, 'is required');
    return {
      factor: effect.factor as FairFactor,
      reduction: distribution(effect.reduction, `${effectPath}.reduction`, validateProbability),
    };
  });
  return { name: name as string, controlId: controlId as string | null, yearlyCost: yearlyCost as number | null, effects };
}

/**
 * Checks the shape and every value; returns the typed analysis, a fresh copy holding only known fields, with
 * `controls` always present (possibly empty), each control's `controlId` and `yearlyCost` null when not given,
 * and loss forms in their canonical order.
 * @throws FairParameterError whose .parameter is the dotted path relative to the analysis object, e.g.
 *  'inputs.primaryLoss.forms.response.mode', 'controls.0.effects.1.reduction.max', 'inputs.threatEventFrequency.driver'
 *  (an unknown driver key, when `driverKeys` is given).
 */
export function parseAnalysis(value: unknown, driverKeys?: ReadonlySet<string>): ScenarioAnalysis {
  const raw = object(value, '', 'an object with model, inputs and controls');
  onlyKeys(raw, ['model', 'inputs', 'controls', 'pertSampling'], '');
  const model = raw.model;
  if (model !== 'product' && model !== 'compound') fail('model', 'must be "product" or "compound"');
  const inputs = object(raw.inputs, 'inputs', 'an object');
  const controlsValue = raw.controls ?? [];
  if (!Array.isArray(controlsValue)) fail('controls', 'must be an array');
  const list = controlsValue as unknown[];
  if (list.length > MAX_CONTROLS) fail('controls', `must hold at most ${MAX_CONTROLS} controls`);
  const sampling = raw.pertSampling ?? 'exact';
  if (sampling !== 'exact' && sampling !== 'table') fail('pertSampling', 'must be "exact" or "table"');
  // Only a non-default choice is kept, so analyses saved before the option existed compare equal to new ones.
  const pertSampling: { pertSampling?: 'table' } = sampling === 'table' ? { pertSampling: 'table' } : {};
  if (model === 'product') {
    const parsed = productInputs(inputs, driverKeys);
    return { model, inputs: parsed, controls: list.map((c, i) => control(c, `controls.${i}`, PRODUCT_FACTORS)), ...pertSampling };
  }
  const parsed = compoundInputs(inputs);
  return {
    model: 'compound',
    inputs: parsed,
    controls: list.map((c, i) => control(c, `controls.${i}`, COMPOUND_FACTORS)),
    ...pertSampling,
  };
}

/** The driver keys an analysis names (none for the compound model). */
export function driverKeysOf(analysis: ScenarioAnalysis): string[] {
  if (analysis.model !== 'product') return [];
  const tef = analysis.inputs.threatEventFrequency;
  return 'driver' in tef ? [tef.driver] : [];
}
