import type { TCriteriaDefinition } from '../risk/criteria.definition.ts';

/*
 * Pure: a FAIR result onto the criteria's scales. The likelihood levels may carry an events-per-year band and
 * the consequence levels a monetary band; a figure goes to the highest banded level whose band starts at or
 * below it (so bands [0.1, 0.3) and [0.3, 1) put 0.3 on the second), to the lowest banded level when it is
 * below every band, and levels without a band are never chosen.
 */

export interface Band {
  min: number;
  max: number;
}

export interface BandChoice {
  index: number;
  name: string;
  band: Band;
}

/** The level `value` falls in, or null when no level has a band. */
export function levelForValue(levels: readonly { name: string; band: Band | null }[], value: number): BandChoice | null {
  let chosen: BandChoice | null = null;
  let lowest: BandChoice | null = null;
  levels.forEach((level, index) => {
    if (!level.band) return;
    const choice = { index, name: level.name, band: level.band };
    if (!lowest || level.band.min < lowest.band.min) lowest = choice;
    if (level.band.min <= value && (!chosen || level.band.min >= chosen.band.min)) chosen = choice;
  });
  return chosen ?? lowest;
}

export interface BandMapping {
  likelihood: BandChoice;
  consequence: BandChoice;
}

export type BandProblem = { scale: 'likelihood' | 'consequence'; message: string };

/** Both scales' levels for an events-per-year figure and a loss-per-event figure, or what is missing. */
export function mapOntoBands(
  definition: TCriteriaDefinition,
  eventsPerYear: number,
  lossPerEvent: number,
): { mapping: BandMapping } | { problems: BandProblem[] } {
  const likelihood = levelForValue(
    definition.likelihood.map((level) => ({ name: level.name, band: level.eventsPerYear })),
    eventsPerYear,
  );
  const consequence = levelForValue(
    definition.consequence.map((level) => ({ name: level.name, band: level.monetary })),
    lossPerEvent,
  );
  const problems: BandProblem[] = [];
  if (!likelihood)
    problems.push({ scale: 'likelihood', message: 'no likelihood level of the scenario’s criteria version has an events-per-year band' });
  if (!consequence)
    problems.push({ scale: 'consequence', message: 'no consequence level of the scenario’s criteria version has a monetary band' });
  return likelihood && consequence ? { mapping: { likelihood, consequence } } : { problems };
}

const number = (value: number, digits = 3): string =>
  Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en') : Number(value.toPrecision(digits)).toString();

const range = (band: Band, unit: string): string => `${number(band.min)}–${number(band.max)}${unit}`;

/** The rationale a rating set from a run carries: where it came from and the figures. */
export function ratingRationale(
  run: { id: string; engine: string; iterations: number; seed: number },
  mapping: BandMapping,
  figures: { eventsPerYear: number; lossPerEvent: number; annualLossMean: number; currency: string | null },
): string {
  const money = figures.currency ? ` ${figures.currency}` : '';
  return (
    `From FAIR run ${run.id} (${run.engine}, ${run.iterations.toLocaleString('en')} iterations, seed ${run.seed}): ` +
    `loss event frequency mean ${number(figures.eventsPerYear)} per year → ${mapping.likelihood.name} (${range(mapping.likelihood.band, ' per year')}); ` +
    `loss magnitude mean ${number(figures.lossPerEvent)}${money} per event → ${mapping.consequence.name} (${range(mapping.consequence.band, money)}); ` +
    `annualized loss exposure ${number(figures.annualLossMean)}${money}.`
  );
}
