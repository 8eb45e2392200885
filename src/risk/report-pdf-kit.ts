/*
 * What the PDF report's parts share: the page frame, the palette, and fitting text to a width. The report
 * uses pdfkit's built-in Helvetica, which only has the Windows-1252 characters (no font file to ship or
 * find), so any other character is shown as "?" rather than as a wrong glyph.
 */

export type Doc = PDFKit.PDFDocument;

/** A4 with 50 pt side margins: the writable frame. */
export const PAGE = { left: 50, top: 50, width: 595.28 - 100 } as const;

export const PALETTE = {
  band: '#1D3557',
  ink: '#1F2933',
  muted: '#616E7C',
  rule: '#CBD2D9',
  tile: '#F0F4F8',
} as const;

/** Characters of Windows-1252 beyond Latin-1 that Helvetica has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the built-in fonts can show: other characters become "?", control characters a space. */
export function plain(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += '?';
  }
  return out;
}

/** `text` in the current font and size, cut with an ellipsis so it fits `width` points on one line. */
export function fit(doc: Doc, text: string, width: number): string {
  const clean = plain(text).replace(/\s+/g, ' ').trim();
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
