import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfPages } from '../../test/support/pdf-text.ts';
import { currentHeatMap, FIVE, reportItem, reportOf } from '../../test/support/report-fixture.ts';
import type { TCriteriaDefinition } from './criteria.definition.ts';
import { fit, FONT, newDocument, printable } from './report-pdf-kit.ts';
import { renderReportPdf } from './report-pdf.ts';

/*
 * The PDF report in the languages of the organizations that use it: names in Polish, Czech, Greek and
 * Cyrillic, and symbols such as ≥ and →, are drawn by the embedded font and read back from the file as
 * written (through the fonts' ToUnicode maps, as a viewer's copy-and-paste or a screen reader does).
 */

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

const POLISH: TCriteriaDefinition = {
  ...FIVE,
  levels: FIVE.levels.map((level, i) => ({ ...level, name: ['Niskie', 'Średnie', 'Wysokie', 'Krytyczne'][i]! })),
  likelihood: FIVE.likelihood.map((step, i) => ({
    ...step,
    name: ['Rzadkie', 'Mało prawdopodobne', 'Możliwe', 'Częste', 'Prawie pewne'][i]!,
  })),
  consequence: FIVE.consequence.map((step, i) => ({
    ...step,
    name: ['Znikome', 'Małe', 'Średnie', 'Poważne', 'Katastrofalne dla źródła'][i]!,
  })),
};

describe('PDF report in other scripts', () => {
  it('draws titles, owners, the organization and the criteria in any European script, and they read back as written', async () => {
    const items = [
      reportItem(
        'R-1',
        [4, 4],
        { title: 'Łódź — ransomware ≥ 3 days (Ωmega, Киев)', owner: { id: 'u1', name: 'Zdzisław Łęczycki' } },
        POLISH,
      ),
      // The owner's name typed with combining accents: printed with the composed letters.
      reportItem(
        'R-2',
        [3, 3],
        { title: 'Přerušení dodávky → výpadek SCADA', owner: { id: 'u2', name: 'Jir\u030Ci\u0301 Dvor\u030Ca\u0301k' } },
        POLISH,
      ),
      reportItem('R-3', [2, 2], { title: 'Διαρροή δεδομένων πελατών', owner: { id: 'u3', name: 'Ольга Кузнецова' } }, POLISH),
      // A surname as wide as the owner column: set smaller rather than broken in two.
      reportItem('R-00043', [1, 1], { title: 'Phishing', owner: { id: 'u4', name: 'Γιώργος Παπαδόπουλος' } }, POLISH),
    ];
    const data = reportOf(
      items,
      {
        org: { slug: 'lodz', name: 'Wodociągi Łódzkie' },
        criteria: { id: 'c', name: 'Kryteria 5×5', version: 1 },
        heatMaps: { inherent: currentHeatMap(items, POLISH), residual: null },
      },
      POLISH,
    );
    const [title, heatMaps, top] = pdfPages(await renderReportPdf(data)).map(oneLine);
    expect(title).toContain('Wodociągi Łódzkie');
    expect(title).toContain('assessed on the criteria “Kryteria 5×5”');
    expect(title).toContain('Krytyczne');
    expect(title).toContain('Wodociągi Łódzkie · Risk report · 2025-06-01');
    expect(heatMaps).toContain('Prawie pewne');
    expect(heatMaps).toContain('Średnie');
    for (const written of [
      'Łódź — ransomware ≥ 3 days (Ωmega, Киев)',
      'Zdzisław Łęczycki',
      'Přerušení dodávky → výpadek SCADA',
      'Jiří Dvořák',
      'Διαρροή δεδομένων πελατών',
      'Ольга Кузнецова',
      'Γιώργος Παπαδόπουλος',
      // A long reference is set smaller rather than cut.
      'R-00043 Phishing',
    ]) {
      expect(top, written).toContain(written);
    }
    expect(`${title}${heatMaps}${top}`).not.toContain('?');
  });

  it('sets an organization’s long official name on two lines of the title block rather than cutting it', async () => {
    const name = 'Miejskie Przedsiębiorstwo Wodociągów i Kanalizacji w Łodzi';
    const pdf = await renderReportPdf(reportOf([reportItem('R-1', [1, 1])], { org: { slug: 'mpwik', name } }));
    const [label, first, second, below] = pdfPages(pdf)[0]!.split('\n');
    expect(label).toBe('RISK REPORT');
    expect(`${first!.trim()} ${second!.trim()}`).toBe(name);
    expect(below).toMatch(/^As of 2025-06-01/);
  });

  it('embeds the two subsets of its own font and uses no built-in PDF font', async () => {
    const pdf = await renderReportPdf(reportOf([reportItem('R-1', [1, 1])]));
    expect(
      pdfFonts(pdf)
        .map((name) => name.replace(/^[A-Z]{6}\+/, ''))
        .sort(),
    ).toEqual(['Arimo-Bold', 'Arimo-Regular']);
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
  });

  it('prints "?" for a character the font has no glyph for, and keeps the rest of the title', async () => {
    const pdf = await renderReportPdf(reportOf([reportItem('R-1', [1, 1], { title: '東京 data centre flood 🔥' })]));
    expect(oneLine(pdfPages(pdf)[2]!)).toContain('?? data centre flood ?');
  });
});

describe('text fitted with the embedded font', () => {
  it('composes accents, turns control characters into spaces and unknown characters into "?"', () => {
    expect(printable('Dvor\u030Ca\u0301k\tΩ ≥ 3 → Київ')).toBe('Dvořák Ω ≥ 3 → Київ');
    expect(printable('東京 🔥')).toBe('?? ?');
  });

  it('cuts a name with an ellipsis where the font’s own widths reach the box', () => {
    const doc = newDocument({ size: 'A4' });
    doc.font(FONT.regular).fontSize(9.5);
    const name = 'Zofia Łęcka-Wójtowicz';
    const whole = doc.widthOfString(name);
    expect(fit(doc, name, whole)).toBe(name);
    const cut = fit(doc, name, whole - 1);
    expect(cut.endsWith('…')).toBe(true);
    expect(name.startsWith(cut.slice(0, -1))).toBe(true);
    expect(doc.widthOfString(cut)).toBeLessThanOrEqual(whole - 1);
    // Wide Cyrillic capitals are measured as such: the box that holds twenty narrow letters holds only a few of them.
    const box = doc.widthOfString('iiiiiiiiiiiiiiiiiiii');
    expect(fit(doc, 'iiiiiiiiiiiiiiiiiiii', box)).toBe('iiiiiiiiiiiiiiiiiiii');
    expect(fit(doc, 'ЖЖЖЖЖЖЖЖ', box)).toMatch(/^Ж+…$/);
    doc.end();
  });
});
