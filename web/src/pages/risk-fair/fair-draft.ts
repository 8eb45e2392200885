import type {
  AnalysisBody,
  Distribution,
  DistributionKind,
  FairAnalysis,
  FairControl,
  FairFactor,
  FairModel,
  LossForm,
  LossInput,
  PertSampling,
} from './fair-types';
import { LOSS_FORMS } from './fair-types';

/*
 * The FAIR form's state. Numbers are kept as typed (a blank field is '') and every kind's parameters are kept,
 * so switching a distribution's kind and back loses nothing. toBody() builds the request; the server checks it
 * and names the path of anything wrong, which the form shows next to the field with that path.
 */
export type NumberField = number | '';

export interface DistributionDraft {
  kind: DistributionKind;
  min: NumberField;
  mode: NumberField;
  max: NumberField;
  shape: NumberField;
  lo: NumberField;
  hi: NumberField;
  value: NumberField;
}

export interface LossDraft {
  isSplit: boolean;
  whole: DistributionDraft;
  forms: Record<LossForm, { isUsed: boolean; distribution: DistributionDraft }>;
}

export type TefMode = 'direct' | 'derived' | 'driver';
export type VulnerabilityMode = 'direct' | 'derived';

export interface ControlDraft {
  key: number;
  name: string;
  controlId: string | null;
  yearlyCost: NumberField;
  effects: { key: number; factor: FairFactor; reduction: DistributionDraft }[];
}

export interface FairDraft {
  model: FairModel;
  tefMode: TefMode;
  threatEventFrequency: DistributionDraft;
  contactFrequency: DistributionDraft;
  probabilityOfAction: DistributionDraft;
  driver: string | null;
  vulnerabilityMode: VulnerabilityMode;
  vulnerability: DistributionDraft;
  threatCapability: DistributionDraft;
  resistanceStrength: DistributionDraft;
  primaryLoss: LossDraft;
  secondaryLossEventFrequency: DistributionDraft;
  secondaryLossMagnitude: LossDraft;
  lossEventFrequency: NumberField;
  magnitude: LossDraft;
  controls: ControlDraft[];
  pertSampling: PertSampling;
  iterations: NumberField;
  seed: NumberField;
}

export const blankDistribution = (kind: DistributionKind = 'pert'): DistributionDraft => ({
  kind,
  min: '',
  mode: '',
  max: '',
  shape: '',
  lo: '',
  hi: '',
  value: '',
});

export function draftOfDistribution(dist: Distribution | undefined): DistributionDraft {
  const draft = blankDistribution(dist?.kind ?? 'pert');
  if (!dist) return draft;
  switch (dist.kind) {
    case 'constant':
      return { ...draft, value: dist.value };
    case 'uniform':
      return { ...draft, min: dist.min, max: dist.max };
    case 'triangular':
      return { ...draft, min: dist.min, mode: dist.mode, max: dist.max };
    case 'pert':
      return { ...draft, min: dist.min, mode: dist.mode, max: dist.max, shape: dist.shape ?? '' };
    case 'lognormal':
      return { ...draft, lo: dist.lo, hi: dist.hi };
  }
}

const blankLoss = (): LossDraft => ({
  isSplit: false,
  whole: blankDistribution('lognormal'),
  forms: Object.fromEntries(
    LOSS_FORMS.map((form) => [form, { isUsed: false, distribution: blankDistribution('lognormal') }]),
  ) as LossDraft['forms'],
});

function lossDraftOf(loss: LossInput | undefined): LossDraft {
  const draft = blankLoss();
  if (!loss) return draft;
  if ('forms' in loss) {
    draft.isSplit = true;
    for (const form of LOSS_FORMS) {
      const dist = loss.forms[form];
      if (dist) draft.forms[form] = { isUsed: true, distribution: draftOfDistribution(dist) };
    }
    return draft;
  }
  return { ...draft, whole: draftOfDistribution(loss) };
}

let nextKey = 1;
/** A React key for a list row the user adds. */
export const newKey = (): number => nextKey++;

export const blankEffect = (factor: FairFactor): ControlDraft['effects'][number] => ({
  key: newKey(),
  factor,
  reduction: blankDistribution('pert'),
});

export const blankControl = (factor: FairFactor): ControlDraft => ({
  key: newKey(),
  name: '',
  controlId: null,
  yearlyCost: '',
  effects: [blankEffect(factor)],
});

const DEFAULT_ITERATIONS = 100_000;

/** The form's start: the stored analysis, or blanks with the engine's defaults. */
export function draftFromAnalysis(analysis: FairAnalysis | null): FairDraft {
  const draft: FairDraft = {
    model: 'product',
    tefMode: 'direct',
    threatEventFrequency: blankDistribution('pert'),
    contactFrequency: blankDistribution('pert'),
    probabilityOfAction: blankDistribution('pert'),
    driver: null,
    vulnerabilityMode: 'direct',
    vulnerability: blankDistribution('pert'),
    threatCapability: blankDistribution('pert'),
    resistanceStrength: blankDistribution('pert'),
    primaryLoss: blankLoss(),
    secondaryLossEventFrequency: blankDistribution('pert'),
    secondaryLossMagnitude: blankLoss(),
    lossEventFrequency: '',
    magnitude: blankLoss(),
    controls: [],
    pertSampling: 'exact',
    iterations: DEFAULT_ITERATIONS,
    seed: Math.floor(Math.random() * 1_000_000),
  };
  if (!analysis) return draft;
  draft.iterations = analysis.iterations;
  draft.seed = analysis.seed;
  draft.pertSampling = analysis.pertSampling;
  draft.controls = analysis.controls.map((control) => ({
    key: newKey(),
    name: control.name,
    controlId: control.controlId ?? null,
    yearlyCost: control.yearlyCost ?? '',
    effects: control.effects.map((effect) => ({ key: newKey(), factor: effect.factor, reduction: draftOfDistribution(effect.reduction) })),
  }));
  if (analysis.model === 'compound') {
    return {
      ...draft,
      model: 'compound',
      lossEventFrequency: analysis.inputs.lossEventFrequency,
      magnitude: lossDraftOf(analysis.inputs.magnitude),
    };
  }
  const inputs = analysis.inputs;
  const tef = inputs.threatEventFrequency;
  if ('driver' in tef) Object.assign(draft, { tefMode: 'driver', driver: tef.driver });
  else if ('contactFrequency' in tef)
    Object.assign(draft, {
      tefMode: 'derived',
      contactFrequency: draftOfDistribution(tef.contactFrequency),
      probabilityOfAction: draftOfDistribution(tef.probabilityOfAction),
    });
  else draft.threatEventFrequency = draftOfDistribution(tef);
  const vulnerability = inputs.vulnerability;
  if ('threatCapability' in vulnerability)
    Object.assign(draft, {
      vulnerabilityMode: 'derived',
      threatCapability: draftOfDistribution(vulnerability.threatCapability),
      resistanceStrength: draftOfDistribution(vulnerability.resistanceStrength),
    });
  else draft.vulnerability = draftOfDistribution(vulnerability);
  draft.primaryLoss = lossDraftOf(inputs.primaryLoss);
  draft.secondaryLossEventFrequency = draftOfDistribution(inputs.secondaryLossEventFrequency);
  draft.secondaryLossMagnitude = lossDraftOf(inputs.secondaryLossMagnitude);
  return draft;
}

// A blank field goes out as NaN (JSON null), so the server names it ("must be a finite number") at its path.
const num = (value: NumberField): number => (value === '' ? Number.NaN : value);

export function toDistribution(draft: DistributionDraft): Distribution {
  switch (draft.kind) {
    case 'constant':
      return { kind: 'constant', value: num(draft.value) };
    case 'uniform':
      return { kind: 'uniform', min: num(draft.min), max: num(draft.max) };
    case 'triangular':
      return { kind: 'triangular', min: num(draft.min), mode: num(draft.mode), max: num(draft.max) };
    case 'pert':
      return draft.shape === ''
        ? { kind: 'pert', min: num(draft.min), mode: num(draft.mode), max: num(draft.max) }
        : { kind: 'pert', min: num(draft.min), mode: num(draft.mode), max: num(draft.max), shape: draft.shape };
    case 'lognormal':
      return { kind: 'lognormal', lo: num(draft.lo), hi: num(draft.hi) };
  }
}

function toLoss(draft: LossDraft): LossInput {
  if (!draft.isSplit) return toDistribution(draft.whole);
  const forms: Partial<Record<LossForm, Distribution>> = {};
  for (const form of LOSS_FORMS) if (draft.forms[form].isUsed) forms[form] = toDistribution(draft.forms[form].distribution);
  return { forms };
}

function toControl(draft: ControlDraft): FairControl {
  return {
    name: draft.name.trim(),
    controlId: draft.controlId,
    yearlyCost: draft.yearlyCost === '' ? null : draft.yearlyCost,
    effects: draft.effects.map((effect) => ({ factor: effect.factor, reduction: toDistribution(effect.reduction) })),
  };
}

/** The PUT body. Controls whose effects name the other model's factors are the user's to fix: sent as they are. */
export function toBody(draft: FairDraft, version?: number): AnalysisBody {
  const common = {
    ...(version === undefined ? {} : { version }),
    controls: draft.controls.map(toControl),
    pertSampling: draft.pertSampling,
    iterations: num(draft.iterations),
    ...(draft.seed === '' ? {} : { seed: draft.seed }),
  };
  if (draft.model === 'compound') {
    return {
      model: 'compound',
      inputs: { lossEventFrequency: num(draft.lossEventFrequency), magnitude: toLoss(draft.magnitude) },
      ...common,
    };
  }
  const threatEventFrequency =
    draft.tefMode === 'driver'
      ? { driver: draft.driver ?? '' }
      : draft.tefMode === 'derived'
        ? { contactFrequency: toDistribution(draft.contactFrequency), probabilityOfAction: toDistribution(draft.probabilityOfAction) }
        : toDistribution(draft.threatEventFrequency);
  const vulnerability =
    draft.vulnerabilityMode === 'derived'
      ? { threatCapability: toDistribution(draft.threatCapability), resistanceStrength: toDistribution(draft.resistanceStrength) }
      : toDistribution(draft.vulnerability);
  return {
    model: 'product',
    inputs: {
      threatEventFrequency,
      vulnerability,
      primaryLoss: toLoss(draft.primaryLoss),
      secondaryLossEventFrequency: toDistribution(draft.secondaryLossEventFrequency),
      secondaryLossMagnitude: toLoss(draft.secondaryLossMagnitude),
    },
    ...common,
  };
}

/** Every path of the body (objects and values), so the form knows which server problems it shows at a field. */
export function pathsOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return prefix ? [prefix] : [];
  const own = prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return own.concat(entries.flatMap(([key, item]) => pathsOf(item, prefix ? `${prefix}.${key}` : key)));
}
