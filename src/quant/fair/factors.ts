/** The names the analysis types are built from (values, apart from analysis.ts so its re-exports form no import cycle). */
export const LOSS_FORMS = ['productivity', 'response', 'replacement', 'finesAndJudgments', 'competitiveAdvantage', 'reputation'] as const;
export const PRODUCT_FACTORS = [
  'threatEventFrequency',
  'vulnerability',
  'primaryLoss',
  'secondaryLossEventFrequency',
  'secondaryLossMagnitude',
] as const;
export const COMPOUND_FACTORS = ['lossEventFrequency', 'magnitude'] as const;
