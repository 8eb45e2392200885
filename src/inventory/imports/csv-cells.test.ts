import { describe, expect, it } from 'vitest';
import { csvCell, unguardCell } from './csv-cells.ts';

describe('CSV cells', () => {
  it('guards cells a spreadsheet would run as formulas, and takes the guard off on import', () => {
    for (const value of ['=HYPERLINK("http://x","y")', '+1', '-rm', '@SUM(A1)', '\tlead']) {
      const cell = csvCell(value);
      expect(cell.replace(/^"|"$/g, '').startsWith("'"), value).toBe(true);
      // What csv-parse gives back for the cell, then what the importer keeps.
      const parsed = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      expect(unguardCell(parsed)).toBe(value);
    }
  });

  it('leaves ordinary text alone both ways, apostrophes included', () => {
    expect(csvCell('web-01')).toBe('web-01');
    expect(csvCell("O'Brien")).toBe("O'Brien");
    expect(unguardCell("'quoted' name")).toBe("'quoted' name");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell(['pci', 'tier-1'])).toBe('"pci;tier-1"');
    expect(csvCell(null)).toBe('');
  });
});
