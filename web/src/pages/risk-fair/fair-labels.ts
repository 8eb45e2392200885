import type { DistributionKind, FairFactor, FairModel, LossForm } from './fair-types';

/** The words the FAIR pages use for the engine's names. */
export const MODEL_LABELS: Record<FairModel, { label: string; description: string }> = {
  product: {
    label: 'Open FAIR taxonomy',
    description: 'Threat events × vulnerability give loss events; each costs a primary loss plus, sometimes, a secondary one',
  },
  compound: {
    label: 'Loss events per year (Poisson)',
    description: 'A yearly rate of loss events and what one event costs: for risks with loss history',
  },
};

export const DISTRIBUTION_LABELS: Record<DistributionKind, string> = {
  pert: 'PERT',
  lognormal: 'Lognormal (90 % interval)',
  triangular: 'Triangular',
  uniform: 'Uniform',
  constant: 'Constant',
};

export const LOSS_FORM_LABELS: Record<LossForm, string> = {
  productivity: 'Productivity',
  response: 'Response',
  replacement: 'Replacement',
  finesAndJudgments: 'Fines and judgments',
  competitiveAdvantage: 'Competitive advantage',
  reputation: 'Reputation',
};

export const FACTOR_LABELS: Record<FairFactor, string> = {
  threatEventFrequency: 'Threat event frequency',
  vulnerability: 'Vulnerability',
  primaryLoss: 'Primary loss',
  secondaryLossEventFrequency: 'Secondary loss event frequency',
  secondaryLossMagnitude: 'Secondary loss magnitude',
  lossEventFrequency: 'Loss event frequency',
  magnitude: 'Loss magnitude',
};

const PART_LABELS: Record<string, string> = {
  ...FACTOR_LABELS,
  ...LOSS_FORM_LABELS,
  contactFrequency: 'contact frequency',
  probabilityOfAction: 'probability of action',
  threatCapability: 'threat capability',
  resistanceStrength: 'resistance strength',
};

/** A sensitivity entry's input as a reader says it: `primaryLoss.forms.response` → `Primary loss: Response`. */
export function factorLabel(path: string): string {
  const parts = path.split('.').filter((part) => part !== 'forms');
  return parts.map((part) => PART_LABELS[part] ?? part).join(': ');
}

export const PRODUCT_FACTORS: FairFactor[] = [
  'threatEventFrequency',
  'vulnerability',
  'primaryLoss',
  'secondaryLossEventFrequency',
  'secondaryLossMagnitude',
];
export const COMPOUND_FACTORS: FairFactor[] = ['lossEventFrequency', 'magnitude'];
