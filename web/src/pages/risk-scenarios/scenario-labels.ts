import type {
  Approach,
  Evaluation,
  HeatMapRating,
  RatingName,
  ScenarioStatus,
  StrengthOfKnowledge,
  TreatmentOption,
} from './scenario-types';

/** The words and colours the risk pages use for the API's values. */
export const STATUS_LABELS: Record<ScenarioStatus, { label: string; color: string }> = {
  identified: { label: 'Identified', color: 'gray' },
  assessed: { label: 'Assessed', color: 'blue' },
  'in-treatment': { label: 'In treatment', color: 'orange' },
  treated: { label: 'Treated', color: 'teal' },
  accepted: { label: 'Accepted', color: 'green' },
  closed: { label: 'Closed', color: 'dark' },
};

export const APPROACH_LABELS: Record<Approach, string> = {
  'event-based': 'Event-based',
  'asset-based': 'Asset-based',
};

export const TREATMENT_LABELS: Record<TreatmentOption, { label: string; description: string }> = {
  avoid: { label: 'Avoid', description: 'Stop the activity that gives rise to the risk' },
  modify: { label: 'Modify', description: 'Put controls in place to lower the likelihood or the consequence' },
  share: { label: 'Share', description: 'Transfer part of it: insurance, a contract, a provider' },
  retain: { label: 'Retain', description: 'Keep it as it is, knowingly' },
};

export const EVALUATION_LABELS: Record<Evaluation, { label: string; color: string }> = {
  acceptable: { label: 'Acceptable', color: 'green' },
  'to-treat': { label: 'To treat', color: 'red' },
};

export const KNOWLEDGE_LABELS: Record<StrengthOfKnowledge, string> = {
  low: 'Low: assumptions, little data',
  medium: 'Medium: some data and experience',
  high: 'High: good data, well understood',
};

export const RATING_LABELS: Record<RatingName, string> = {
  inherent: 'Inherent',
  current: 'Current',
  target: 'Target',
  residual: 'Residual',
};

export const RATING_DESCRIPTIONS: Record<RatingName, string> = {
  inherent: 'Without any control',
  current: 'With the controls in place today',
  target: 'Once the treatment plan is done',
  residual: 'Computed: current moving to target as the plan’s controls are put in place',
};

export const HEAT_MAP_RATINGS: readonly HeatMapRating[] = ['inherent', 'current', 'residual'];

export const options = <K extends string>(labels: Record<K, string | { label: string }>): { value: K; label: string }[] =>
  (Object.entries(labels) as [K, string | { label: string }][]).map(([value, label]) => ({
    value,
    label: typeof label === 'string' ? label : label.label,
  }));
