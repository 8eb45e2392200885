import { describe, expect, it } from 'vitest';
import { reportItem as item, reportOf as report } from '../../test/support/report-fixture.ts';
import { executiveSummary, treatmentRows } from './report-pdf-text.ts';

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

  it('keeps names as written: the sentences carry any script, the PDF font draws them', () => {
    const [first] = executiveSummary(
      report([item('R-1', [1, 1])], { criteria: { id: 'c', name: 'Kryteria „Łódź” 5×5 — Ωmega, Київ', version: 1 } }),
    );
    expect(first).toBe('The register holds 1 risk, assessed on the criteria “Kryteria „Łódź” 5×5 — Ωmega, Київ”.');
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
