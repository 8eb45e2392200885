import { inkOn } from './report-data.ts';
import { fit, FONT, PAGE, PALETTE, type Doc } from './report-pdf-kit.ts';
import type { TRatingView, THeatMap } from './register.schema.ts';

/** A heat map as a grid of coloured squares with counts and both axes named; returns the y below it. */
export function drawHeatMap(doc: Doc, title: string, map: THeatMap, top: number): number {
  const rows = map.likelihood.length;
  const columns = map.consequence.length;
  const labelWidth = 96;
  const cellWidth = Math.min(72, (PAGE.width - labelWidth - 14) / Math.max(1, columns));
  const cellHeight = Math.min(30, 150 / Math.max(1, rows));
  doc.font(FONT.bold).fontSize(12).fillColor(PALETTE.ink).text(title, PAGE.left, top, { lineBreak: false });
  const note = `${map.total.toLocaleString('en-GB')} rated${map.unrated ? `, ${map.unrated.toLocaleString('en-GB')} not rated` : ''}${map.otherScale ? `, ${map.otherScale.toLocaleString('en-GB')} on older scales (not shown)` : ''}`;
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(PALETTE.muted)
    .text(note, PAGE.left + 110, top + 2.5, { lineBreak: false });
  const gridTop = top + 22;
  const gridLeft = PAGE.left + labelWidth + 14;
  // Axis title, turned to run up the likelihood labels.
  doc.save();
  doc.rotate(-90, { origin: [PAGE.left + 4, gridTop + (rows * cellHeight) / 2] });
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(PALETTE.muted)
    .text('LIKELIHOOD', PAGE.left + 4 - 30, gridTop + (rows * cellHeight) / 2 - 4, { width: 60, align: 'center', lineBreak: false });
  doc.restore();
  for (let r = 0; r < rows; r++) {
    const l = rows - 1 - r; // most likely on top
    const y = gridTop + r * cellHeight;
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(PALETTE.ink)
      .text(fit(doc, map.likelihood[l]!, labelWidth - 6), PAGE.left + 12, y + cellHeight / 2 - 4, {
        width: labelWidth - 6,
        align: 'right',
        lineBreak: false,
      });
    for (let c = 0; c < columns; c++) {
      const cell = map.cells[l]![c]!;
      const colour = map.levels[cell.level]?.colour ?? '#CED4DA';
      const x = gridLeft + c * cellWidth;
      doc.rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2).fill(colour);
      if (cell.count > 0) {
        doc
          .font(FONT.bold)
          .fontSize(11)
          .fillColor(inkOn(colour))
          .text(cell.count.toLocaleString('en-GB'), x, y + cellHeight / 2 - 5.5, { width: cellWidth, align: 'center', lineBreak: false });
      } else {
        doc.opacity(0.45);
        doc
          .font(FONT.regular)
          .fontSize(9)
          .fillColor(inkOn(colour))
          .text('-', x, y + cellHeight / 2 - 4.5, { width: cellWidth, align: 'center', lineBreak: false });
        doc.opacity(1);
      }
    }
  }
  const axisY = gridTop + rows * cellHeight + 4;
  for (let c = 0; c < columns; c++) {
    doc.font(FONT.regular).fontSize(8).fillColor(PALETTE.ink);
    const x = gridLeft + c * cellWidth;
    doc.text(fit(doc, map.consequence[c]!, cellWidth - 4), x + 2, axisY, { width: cellWidth - 4, align: 'center', lineBreak: false });
  }
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(PALETTE.muted)
    .text('CONSEQUENCE', gridLeft, axisY + 13, { width: columns * cellWidth, align: 'center', lineBreak: false });
  return axisY + 26;
}

/** A rounded chip in the level's colour with its name; a grey "not rated" chip when there is no rating. */
export function drawLevelChip(doc: Doc, rating: TRatingView | null, x: number, y: number, width: number): void {
  const colour = rating?.colour ?? '#E4E7EB';
  doc.roundedRect(x, y, width, 14, 7).fill(colour);
  doc
    .font(FONT.bold)
    .fontSize(7.5)
    .fillColor(rating ? inkOn(colour) : PALETTE.muted);
  doc.text(fit(doc, rating?.levelName ?? 'not rated', width - 8), x + 4, y + 3.5, { width: width - 8, align: 'center', lineBreak: false });
}

/** A small right-pointing arrow, drawn so its length fits the gap between two level chips. */
export function drawArrow(doc: Doc, x: number, y: number, length: number): void {
  doc
    .moveTo(x, y)
    .lineTo(x + length - 3, y)
    .lineWidth(1)
    .strokeColor(PALETTE.muted)
    .stroke();
  doc
    .moveTo(x + length, y)
    .lineTo(x + length - 4, y - 3)
    .lineTo(x + length - 4, y + 3)
    .fill(PALETTE.muted);
}
