import type { ReportData } from './report-data.ts';
import { TREATMENT_OPTIONS } from './scenarios.vocabulary.ts';

/*
 * The words and figures of the PDF report, computed from the data (pure, so they are tested as text):
 * sentences a board member reads without knowing the tool, and the rows of the treatment table.
 */

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const percent = (part: number, whole: number): string => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);
const listed = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;

/** Risk levels above what an owner may accept alone, by name, lowest first. */
export function levelsAboveLine(data: ReportData): string[] {
  const current = data.current;
  if (!current) return [];
  return current.levels.filter((_, i) => current.acceptance[i]?.by !== 'risk-owner').map((level) => level.name);
}

export function executiveSummary(data: ReportData): string[] {
  const s = data.summary;
  if (!data.criteria) return ['No risk criteria have been set up yet, so the register is empty.'];
  const scope = data.filtered ? ' that match this report’s filters' : '';
  const sentences = [`The register holds ${count(s.risks, 'risk', 'risks')}${scope}, assessed on the criteria “${data.criteria.name}”.`];
  if (s.risks === 0) return sentences;
  const above = levelsAboveLine(data);
  if (above.length > 0) {
    sentences.push(
      s.aboveAcceptable === 0
        ? `None is currently rated ${listed(above)}, the levels a risk owner may not accept on their own.`
        : `${count(s.aboveAcceptable, 'risk is', 'risks are')} currently rated ${listed(above)} (${percent(s.aboveAcceptable, s.risks)}): above the line a risk owner may accept on their own.`,
    );
  }
  const top = s.byLevel[s.byLevel.length - 1];
  if (top && top.count > 0) sentences.push(`${count(top.count, 'risk sits', 'risks sit')} at the highest level, ${top.name}.`);
  sentences.push(
    s.plannedControls > 0
      ? `${count(s.inTreatment, 'risk is', 'risks are')} being treated; ${s.controlsInPlace.toLocaleString('en-GB')} of the ${count(s.plannedControls, 'control', 'controls')} the treatment plans call for ${s.controlsInPlace === 1 ? 'is' : 'are'} in place (${percent(s.controlsInPlace, s.plannedControls)}).`
      : `${count(s.inTreatment, 'risk is', 'risks are')} being treated; no treatment plan names a control yet.`,
  );
  sentences.push(
    s.reviewOverdue > 0
      ? `${count(s.reviewOverdue, 'risk is', 'risks are')} past the date by which it should have been reviewed.`
      : 'Every risk has been reviewed on schedule.',
  );
  sentences.push(
    s.acceptanceExpired > 0
      ? `${count(s.acceptanceExpired, 'risk acceptance has expired and needs', 'risk acceptances have expired and need')} a new decision.`
      : 'No risk acceptance has expired.',
  );
  if (s.unrated > 0) sentences.push(`${count(s.unrated, 'risk has', 'risks have')} not been rated yet.`);
  return sentences;
}

export function keyFigures(data: ReportData): { label: string; value: string; alert: boolean }[] {
  const s = data.summary;
  return [
    { label: 'Risks', value: s.risks.toLocaleString('en-GB'), alert: false },
    { label: 'Above acceptable', value: s.aboveAcceptable.toLocaleString('en-GB'), alert: s.aboveAcceptable > 0 },
    { label: 'In treatment', value: s.inTreatment.toLocaleString('en-GB'), alert: false },
    { label: 'Reviews overdue', value: s.reviewOverdue.toLocaleString('en-GB'), alert: s.reviewOverdue > 0 },
    { label: 'Acceptances expired', value: s.acceptanceExpired.toLocaleString('en-GB'), alert: s.acceptanceExpired > 0 },
  ];
}

const OPTION_LABELS: Record<(typeof TREATMENT_OPTIONS)[number] | 'none', string> = {
  avoid: 'Avoid',
  modify: 'Modify (reduce)',
  share: 'Share (transfer)',
  retain: 'Retain (accept)',
  none: 'Not decided yet',
};

/** Rows of the treatment table: option, risks, in treatment, controls planned, in place (with %); then a total. */
export function treatmentRows(data: ReportData): string[][] {
  const options = [...TREATMENT_OPTIONS, 'none'] as const;
  const totals = { risks: 0, treating: 0, planned: 0, inPlace: 0 };
  const rows = options.map((option) => {
    const items = data.items.filter((item) => (item.treatmentOption ?? 'none') === option);
    const figures = {
      risks: items.length,
      treating: items.filter((item) => item.status === 'in-treatment').length,
      planned: items.reduce((sum, item) => sum + item.progress.planned, 0),
      inPlace: items.reduce((sum, item) => sum + item.progress.inPlace, 0),
    };
    totals.risks += figures.risks;
    totals.treating += figures.treating;
    totals.planned += figures.planned;
    totals.inPlace += figures.inPlace;
    return [OPTION_LABELS[option], figures] as const;
  });
  const row = (label: string, f: typeof totals): string[] => [
    label,
    f.risks.toLocaleString('en-GB'),
    f.treating.toLocaleString('en-GB'),
    f.planned.toLocaleString('en-GB'),
    f.planned > 0 ? `${f.inPlace.toLocaleString('en-GB')} (${percent(f.inPlace, f.planned)})` : '-',
  ];
  return [...rows.map(([label, f]) => row(label, f)), row('All risks', totals)];
}
