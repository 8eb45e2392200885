import type { ReportData } from './report-data.ts';
import { drawHeatMap, drawLevelChip, drawArrow } from './report-pdf-drawing.ts';
import { executiveSummary, keyFigures, treatmentRows } from './report-pdf-text.ts';
import { baselineAt, fit, FONT, newDocument, PAGE, PALETTE, printable, shrinkToFit, type Doc } from './report-pdf-kit.ts';

/*
 * The board's risk report (A4, in the font report-pdf-kit.ts embeds): a title block and the executive summary
 * in plain sentences with the key figures; the inherent and residual heat maps; the ten highest risks and how
 * treatment stands. Every text is fitted to its box (titles cut with an ellipsis), and pages are numbered.
 */

export interface PdfOptions {
  /** false leaves content streams readable (tests look for text in them). */
  compress?: boolean;
}

function heading(doc: Doc, text: string, y: number): number {
  doc
    .font(FONT.bold)
    .fontSize(15)
    .fillColor(PALETTE.ink)
    .text(fit(doc, text, PAGE.width), PAGE.left, y, { lineBreak: false });
  doc
    .moveTo(PAGE.left, y + 22)
    .lineTo(PAGE.left + PAGE.width, y + 22)
    .lineWidth(0.6)
    .strokeColor(PALETTE.rule)
    .stroke();
  return y + 34;
}

function titlePage(doc: Doc, data: ReportData): void {
  doc.rect(0, 0, doc.page.width, 150).fill(PALETTE.band);
  doc.font(FONT.regular).fontSize(11).fillColor('#C9D6E8').text('RISK REPORT', PAGE.left, 42, { lineBreak: false, characterSpacing: 2 });
  // The organization's name on one line; a longer one (public bodies' official names often are) on two, smaller,
  // before it is cut, with the line under it moved down to make room.
  const name = printable(data.org.name).replace(/\s+/g, ' ').trim();
  doc.font(FONT.bold).fontSize(26).fillColor('#FFFFFF');
  let below = 104;
  if (doc.widthOfString(name) <= PAGE.width) doc.text(name, PAGE.left, 59, { lineBreak: false });
  else {
    doc.fontSize(20).text(name, PAGE.left, 58, { width: PAGE.width, height: 2 * doc.currentLineHeight(true), ellipsis: true });
    below = Math.max(below, doc.y + 8);
  }
  const criteria = data.criteria ? `Criteria: ${data.criteria.name}, version ${data.criteria.version}` : 'No risk criteria defined yet';
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#C9D6E8')
    .text(fit(doc, `As of ${data.date}   ·   ${criteria}`, PAGE.width), PAGE.left, below, { lineBreak: false });
  let y = 180;
  if (data.filtered) {
    doc.roundedRect(PAGE.left, y, PAGE.width, 26, 4).fill('#FFF4E6');
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor('#8A4B08')
      .text('This report covers only the risks that match the filters it was requested with.', PAGE.left + 10, y + 8, { lineBreak: false });
    y += 42;
  }
  y = heading(doc, 'Executive summary', y);
  doc.font(FONT.regular).fontSize(11.5).fillColor(PALETTE.ink);
  for (const sentence of executiveSummary(data)) {
    doc.circle(PAGE.left + 4, y + 6.5, 2).fill(PALETTE.band);
    doc
      .font(FONT.regular)
      .fontSize(11.5)
      .fillColor(PALETTE.ink)
      .text(printable(sentence), PAGE.left + 16, y, { width: PAGE.width - 16, lineGap: 3 });
    y = doc.y + 9;
  }
  y += 14;
  const tiles = keyFigures(data);
  const gap = 10;
  const tileWidth = (PAGE.width - gap * (tiles.length - 1)) / tiles.length;
  tiles.forEach((tile, i) => {
    const x = PAGE.left + i * (tileWidth + gap);
    doc.roundedRect(x, y, tileWidth, 68, 6).fill(tile.alert ? '#FDECEC' : PALETTE.tile);
    doc
      .font(FONT.bold)
      .fontSize(24)
      .fillColor(tile.alert ? '#B42318' : PALETTE.ink)
      .text(String(tile.value), x, y + 12, { width: tileWidth, align: 'center', lineBreak: false });
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(PALETTE.muted)
      .text(fit(doc, tile.label, tileWidth - 8), x + 4, y + 46, { width: tileWidth - 8, align: 'center', lineBreak: false });
  });
  y += 96;
  levelBars(doc, data, y);
}

/** Current risks per level as horizontal bars, highest level on top. */
function levelBars(doc: Doc, data: ReportData, top: number): void {
  const levels = [...data.summary.byLevel].reverse();
  if (levels.length === 0) return;
  let y = heading(doc, 'Risks by current level', top);
  const most = Math.max(1, ...levels.map((level) => level.count), data.summary.unrated);
  const labelWidth = 110;
  const barSpace = PAGE.width - labelWidth - 50;
  const rows = [...levels, ...(data.summary.unrated > 0 ? [{ name: 'Not rated', colour: '#CED4DA', count: data.summary.unrated }] : [])];
  // Up to ten levels must fit above the footer: rows shrink when the page runs short.
  const step = Math.min(26, (doc.page.height - 70 - y) / rows.length);
  const bar = Math.min(18, step - 4);
  for (const level of rows) {
    doc
      .font(FONT.regular)
      .fontSize(10.5)
      .fillColor(PALETTE.ink)
      .text(fit(doc, level.name, labelWidth - 8), PAGE.left, y + 4, { lineBreak: false });
    // An empty level gets no bar (a sliver would read as "a few").
    const width = level.count === 0 ? 0 : Math.max(3, (level.count / most) * barSpace);
    if (width > 0) doc.roundedRect(PAGE.left + labelWidth, y + (18 - bar) / 2, width, bar, 3).fill(level.colour);
    doc
      .font(FONT.bold)
      .fontSize(10.5)
      .fillColor(PALETTE.ink)
      .text(String(level.count), PAGE.left + labelWidth + width + 8, y + 4, { lineBreak: false });
    y += step;
  }
}

function heatMapPage(doc: Doc, data: ReportData): void {
  doc.addPage();
  let y = heading(doc, 'Heat maps', PAGE.top);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(PALETTE.muted)
    .text(
      'Each square counts the risks rated at that likelihood (rows, most likely on top) and consequence (columns, most severe on the right); its colour is the risk level the criteria give it. Inherent: as if no control were in place. Residual: with the controls in place today.',
      PAGE.left,
      y,
      { width: PAGE.width, lineGap: 2 },
    );
  y = doc.y + 16;
  const maps = [
    ['Inherent risk', data.heatMaps.inherent],
    ['Residual risk', data.heatMaps.residual],
  ] as const;
  for (const [title, map] of maps) {
    if (!map) continue;
    y = drawHeatMap(doc, title, map, y) + 18;
  }
  const levels = data.heatMaps.inherent?.levels ?? [];
  let x = PAGE.left;
  doc.font(FONT.regular).fontSize(9);
  for (const level of levels) {
    const label = fit(doc, level.name, 100);
    doc.roundedRect(x, y, 12, 12, 2).fill(level.colour);
    doc.fillColor(PALETTE.ink).text(label, x + 17, y + 2, { lineBreak: false });
    x += 30 + doc.widthOfString(label);
  }
}

const TOP_COLUMNS = [
  { header: 'Ref', width: 44 },
  { header: 'Risk', width: 172 },
  { header: 'Owner', width: 68 },
  { header: 'Current to residual', width: 112 },
  { header: 'Treatment', width: 62 },
  { header: 'Plan', width: 37 },
] as const;

function tableHeader(
  doc: Doc,
  headers: readonly { header: string; width: number }[],
  y: number,
  aligns: ('left' | 'right')[] = [],
): number {
  doc.rect(PAGE.left, y, PAGE.width, 20).fill(PALETTE.tile);
  let x = PAGE.left;
  headers.forEach((column, i) => {
    doc
      .font(FONT.bold)
      .fontSize(8.5)
      .fillColor(PALETTE.muted)
      .text(fit(doc, column.header.toUpperCase(), column.width - 10), x + 5, y + 6.5, {
        width: column.width - 10,
        align: aligns[i] ?? 'left',
        lineBreak: false,
      });
    x += column.width;
  });
  return y + 20;
}

function topRisks(doc: Doc, data: ReportData): number {
  doc.addPage();
  let y = heading(doc, `Top ${Math.min(10, Math.max(1, data.items.length))} risks`, PAGE.top);
  doc
    .font(FONT.regular)
    .fontSize(10)
    .fillColor(PALETTE.muted)
    .text('Ranked by current risk level, then consequence and likelihood.', PAGE.left, y - 4, { lineBreak: false });
  y += 16;
  const top = data.items.slice(0, 10);
  if (top.length === 0) {
    doc.font(FONT.regular).fontSize(11).fillColor(PALETTE.muted).text('No risk in the register.', PAGE.left, y, { lineBreak: false });
    return y + 30;
  }
  y = tableHeader(doc, TOP_COLUMNS, y, ['left', 'left', 'left', 'left', 'left', 'right']);
  // Two lines for the title and the owner: a board reads the risk's name and who holds it, which one line cut
  // to a few words did not leave. Text that fits one line sits on the row's middle line with the other cells.
  const rowHeight = 34;
  const middle = 13;
  // On two lines the text may get smaller, down to 7.5 pt, so that its longest word is not broken.
  const upToTwoLines = (text: string, x: number, rowTop: number, width: number, twoLineSize: number): void => {
    const clean = printable(text).replace(/\s+/g, ' ').trim();
    if (doc.widthOfString(clean) <= width) {
      doc.text(clean, x, rowTop + middle, { lineBreak: false });
      return;
    }
    const words = clean.split(' ');
    const longest = words.reduce((a, b) => (doc.widthOfString(b) > doc.widthOfString(a) ? b : a));
    shrinkToFit(doc, longest, width, twoLineSize, 7.5);
    doc.text(clean, x, rowTop + 6, { width, height: 25, ellipsis: true, lineGap: 1 });
  };
  top.forEach((item, i) => {
    if (i % 2 === 1) doc.rect(PAGE.left, y, PAGE.width, rowHeight).fill('#FAFBFC');
    let x = PAGE.left;
    // A long reference gets smaller, down to 7.5 pt, before it is cut, on the same baseline as its row.
    const refWidth = TOP_COLUMNS[0].width - 10;
    const refSize = shrinkToFit(doc.font(FONT.regular), item.refId, refWidth, 9.5, 7.5);
    doc
      .fillColor(PALETTE.ink)
      .text(fit(doc, item.refId, refWidth), x + 5, y + middle + baselineAt(9.5) - baselineAt(refSize), { lineBreak: false });
    x += TOP_COLUMNS[0].width;
    doc.font(FONT.bold).fontSize(9).fillColor(PALETTE.ink);
    upToTwoLines(item.title, x + 5, y, TOP_COLUMNS[1].width - 10, 9);
    x += TOP_COLUMNS[1].width;
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(item.owner ? PALETTE.ink : PALETTE.muted);
    // A little smaller on two lines: the column is narrow.
    upToTwoLines(item.owner?.name ?? 'No owner', x + 5, y, TOP_COLUMNS[2].width - 10, 8.5);
    x += TOP_COLUMNS[2].width;
    const chipWidth = 44;
    drawLevelChip(doc, item.ratings.current, x + 5, y + middle - 3, chipWidth);
    drawArrow(doc, x + 5 + chipWidth + 3, y + middle + 4, 10);
    drawLevelChip(doc, item.ratings.residual, x + 5 + chipWidth + 16, y + middle - 3, chipWidth);
    x += TOP_COLUMNS[3].width;
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(item.treatmentOption ? PALETTE.ink : PALETTE.muted)
      .text(item.treatmentOption ?? 'undecided', x + 5, y + middle, { lineBreak: false });
    x += TOP_COLUMNS[4].width;
    const plan = item.progress.planned > 0 ? `${item.progress.inPlace}/${item.progress.planned}` : '-';
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(PALETTE.ink)
      .text(plan, x + 5, y + middle, { width: TOP_COLUMNS[5].width - 10, align: 'right', lineBreak: false });
    y += rowHeight;
  });
  doc.font(FONT.regular).fontSize(8.5).fillColor(PALETTE.muted);
  doc.text('Plan: controls of the treatment plan in place / planned.', PAGE.left, y + 6, { lineBreak: false });
  return y + 34;
}

const TREATMENT_COLUMNS = [
  { header: 'Treatment option', width: 140 },
  { header: 'Risks', width: 60 },
  { header: 'In treatment', width: 90 },
  { header: 'Controls planned', width: 110 },
  { header: 'In place', width: 95 },
] as const;

function treatmentTable(doc: Doc, data: ReportData, top: number): void {
  let y = heading(doc, 'Treatment status', top);
  y = tableHeader(doc, TREATMENT_COLUMNS, y, ['left', 'right', 'right', 'right', 'right']);
  const rows = treatmentRows(data);
  rows.forEach((row, i) => {
    const last = i === rows.length - 1;
    if (last) {
      doc
        .moveTo(PAGE.left, y)
        .lineTo(PAGE.left + PAGE.width, y)
        .lineWidth(0.6)
        .strokeColor(PALETTE.rule)
        .stroke();
    }
    let x = PAGE.left;
    row.forEach((text, c) => {
      const column = TREATMENT_COLUMNS[c]!;
      doc
        .font(last || c === 0 ? FONT.bold : FONT.regular)
        .fontSize(10)
        .fillColor(PALETTE.ink)
        .text(fit(doc, text, column.width - 10), x + 5, y + 7, {
          width: column.width - 10,
          align: c === 0 ? 'left' : 'right',
          lineBreak: false,
        });
      x += column.width;
    });
    y += 24;
  });
}

function numberPages(doc: Doc, data: ReportData): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page; the footer lives there, so lift the margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(PALETTE.muted)
      .text(fit(doc, `${data.org.name} · Risk report · ${data.date}`, PAGE.width - 90), PAGE.left, y, { lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, PAGE.left, y, { width: PAGE.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The PDF as bytes. */
export function renderReportPdf(data: ReportData, options: PdfOptions = {}): Promise<Buffer> {
  const doc = newDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 50, left: PAGE.left, right: PAGE.left },
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: `Risk report - ${data.org.name}`, Author: 'Bulwark', CreationDate: new Date(`${data.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  titlePage(doc, data);
  heatMapPage(doc, data);
  const y = topRisks(doc, data);
  treatmentTable(doc, data, y + 10);
  numberPages(doc, data);
  doc.end();
  return done;
}
