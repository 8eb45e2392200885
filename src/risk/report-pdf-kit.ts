import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/*
 * What the PDF report's parts share: the document with its fonts, the page frame, the palette, and fitting
 * text to a width. The fonts are Arimo (SIL Open Font License), embedded from the @expo-google-fonts/arimo
 * package so no system font is needed: it has Helvetica's metrics, so the layout drawn for Helvetica holds,
 * and it covers Latin with its extensions, Greek, Cyrillic and the common symbols (≥, →, €, №…) that
 * European organizations' names and scenario titles use. pdfkit embeds only the glyphs a report uses.
 */

export type Doc = PDFKit.PDFDocument;

/** The names the report's parts select with `doc.font()`. */
export const FONT = { regular: 'Regular', bold: 'Bold' } as const;

const FONT_FILES = {
  regular: '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf',
  bold: '@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf',
} as const;

const resolve = createRequire(import.meta.url).resolve;

let faces: Record<keyof typeof FONT_FILES, fontkit.Font> | undefined;
/**
 * Both weights, parsed once per process. Each document is handed these parsed fonts (pdfkit ≥ 0.20 takes a
 * fontkit Font where it takes a file; its typings lag), so a report does not decode the fonts' tables again:
 * that decoding was most of a report's time when each document read the files.
 */
function fontFaces(): Record<keyof typeof FONT_FILES, fontkit.Font> {
  faces ??= {
    regular: fontkit.openSync(resolve(FONT_FILES.regular)) as fontkit.Font,
    bold: fontkit.openSync(resolve(FONT_FILES.bold)) as fontkit.Font,
  };
  return faces;
}

const asSource = (font: fontkit.Font) => font as unknown as PDFKit.Mixins.PDFFontSource;

/** A new document whose regular and bold fonts are the embedded ones (no built-in font is used). */
export function newDocument(options: PDFKit.PDFDocumentOptions): Doc {
  const { regular, bold } = fontFaces();
  const doc = new PDFDocument({ ...options, font: asSource(regular) as string });
  doc.registerFont(FONT.regular, asSource(regular));
  doc.registerFont(FONT.bold, asSource(bold));
  return doc;
}

/** A4 with 50 pt side margins: the writable frame. */
export const PAGE = { left: 50, top: 50, width: 595.28 - 100 } as const;

export const PALETTE = {
  band: '#1D3557',
  ink: '#1F2933',
  muted: '#616E7C',
  rule: '#CBD2D9',
  tile: '#F0F4F8',
} as const;

/**
 * Text as the report prints it: composed (NFC, so a letter typed with a combining accent uses the font's
 * accented glyph), control characters as spaces, and a character neither weight has a glyph for (CJK,
 * emoji) as "?", which reads as "not shown" where the font's empty box would look like a printing fault.
 */
export function printable(text: string): string {
  const fonts = Object.values(fontFaces());
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (fonts.every((font) => font.hasGlyphForCodePoint(code))) out += char;
    else out += '?';
  }
  return out;
}

/** `text` in the current font and size, cut with an ellipsis so it fits `width` points on one line. */
export function fit(doc: Doc, text: string, width: number): string {
  const clean = printable(text).replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(clean) <= width) return clean;
  let low = 0;
  let high = clean.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${clean.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${clean.slice(0, low).trimEnd()}…`;
}

/** How far below the top of a line of `size` points its baseline sits (both weights share it). */
export const baselineAt = (size: number): number => (fontFaces().regular.ascent / fontFaces().regular.unitsPerEm) * size;

/**
 * The largest size from `size` down to `smallest`, by half points, at which `text` fits `width` on one line
 * (or `smallest`, where fit() then cuts it); the document is left at that size. For short codes such as a
 * scenario's reference, which are read whole or not at all.
 */
export function shrinkToFit(doc: Doc, text: string, width: number, size: number, smallest: number): number {
  const clean = printable(text).replace(/\s+/g, ' ').trim();
  let chosen = size;
  while (chosen > smallest && doc.fontSize(chosen).widthOfString(clean) > width) chosen -= 0.5;
  doc.fontSize(chosen);
  return chosen;
}
