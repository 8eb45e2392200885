import { describe, expect, it } from 'vitest';
import { criteriaTemplate } from './criteria.templates.ts';
import { summarise, type ReportData } from './report-data.ts';
import { executiveSummary, treatmentRows } from './report-pdf-text.ts';
import { ratingView } from './register.service.ts';
import type { TRegisterItem } from './register.schema.ts';

const five = criteriaTemplate('5x5');

function item(ref: string, cell: [number, number] | null, extra: Partial<TRegisterItem> = {}): TRegisterItem {
  return {
    id: ref,
    refId: ref,
    title: ref,
    approach: 'asset-based',
    status: 'assessed',
    owner: null,
    criteriaVersion: 1,
    ratings: {
      inherent: null,
      current: cell ? ratingView(five, cell[0], cell[1], five.matrix[cell[0]]![cell[1]]!) : null,
      target: null,
      residual: null,
    },
    evaluation: null,
    treatmentOption: null,
    progress: { planned: 0, inPlace: 0 },
    reviewDue: null,
    reviewOverdue: false,
    acceptance: null,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra,
  };
}

function report(items: TRegisterItem[]): ReportData {
  return {
    org: { slug: 'acme', name: 'Acme' },
    date: '2025-06-01',
    criteria: { id: 'c', name: 'Standard 5×5', version: 1 },
    current: five,
    filtered: false,
    items,
    heatMaps: { inherent: null, residual: null },
    summary: summarise(items, five, new Map([[1, five]])),
  };
}

describe('PDF report wording', () => {
  it('says how many risks, how many above the line, treatment progress, overdue reviews and expired acceptances', () => {
    const sentences = executiveSummary(
      report([
        item('R-1', [4, 4], {
          status: 'in-treatment',
          treatmentOption: 'modify',
          progress: { planned: 4, inPlace: 1 },
          reviewOverdue: true,
        }),
        item('R-2', [0, 0], { status: 'accepted', acceptance: { expiresOn: '2020-01-01', expired: true } }),
        item('R-3', null),
      ]),
    );
    expect(sentences).toEqual([
      'The register holds 3 risks, assessed on the criteria “Standard 5×5”.',
      '1 risk is currently rated Medium, High or Critical (33%): above the line a risk owner may accept on their own.',
      '1 risk sits at the highest level, Critical.',
      '1 risk is being treated; 1 of the 4 controls the treatment plans call for is in place (25%).',
      '1 risk is past the date by which it should have been reviewed.',
      '1 risk acceptance has expired and needs a new decision.',
      '1 risk has not been rated yet.',
    ]);
  });

  it('totals the treatment table per option', () => {
    const rows = treatmentRows(
      report([
        item('R-1', [1, 1], { treatmentOption: 'modify', status: 'in-treatment', progress: { planned: 2, inPlace: 1 } }),
        item('R-2', [1, 1], { treatmentOption: 'modify', progress: { planned: 2, inPlace: 2 } }),
        item('R-3', [1, 1]),
      ]),
    );
    expect(rows[1]).toEqual(['Modify (reduce)', '2', '1', '4', '3 (75%)']);
    expect(rows[4]).toEqual(['Not decided yet', '1', '0', '0', '-']);
    expect(rows[5]).toEqual(['All risks', '3', '1', '4', '3 (75%)']);
  });
});
