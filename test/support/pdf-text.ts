import zlib from 'node:zlib';

/*
 * Reads back the text of a PDF that pdfkit wrote, the way a viewer's copy-and-paste does: each page's
 * content stream in page order, each string shown decoded through its font's ToUnicode map. pdfkit writes
 * embedded fonts as Type0/Identity-H (two-byte glyph codes, hex strings in TJ arrays) and no object streams,
 * which is all this handles: a string in a font without a ToUnicode map is an error, not a guess. Written
 * here rather than calling poppler's pdftotext so the tests need nothing outside node_modules.
 */

interface PdfObject {
  /** The object's text up to its stream (latin1). */
  head: string;
  /** The stream's bytes, inflated when the object says FlateDecode. */
  stream?: Buffer;
}

/** Every `N 0 obj … endobj` of the file, by number (streams skipped by their length, so their bytes are never read as objects). */
export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.slice(start, end).search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { head: raw.slice(start, end) });
      header.lastIndex = end;
      continue;
    }
    const head = raw.slice(start, start + streamAt);
    const dataStart = raw.indexOf('\n', start + streamAt) + 1;
    const length = /\/Length (\d+)/.exec(head);
    const dataEnd = length ? dataStart + Number(length[1]) : raw.indexOf('endstream', dataStart);
    let stream: Buffer = pdf.subarray(dataStart, dataEnd);
    if (/\/Filter \/FlateDecode/.test(head)) stream = zlib.inflateSync(stream);
    objects.set(Number(match[1]), { head, stream });
    header.lastIndex = raw.indexOf('endobj', dataEnd);
  }
  return objects;
}

const ref = (text: string, key: string): number | undefined => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  return found ? Number(found[1]) : undefined;
};

const utf16 = (hex: string): string => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');

/** A ToUnicode CMap as code → text (bfchar and both forms of bfrange). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(code!, 16), utf16(text!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, first, last, target] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
      const from = parseInt(first!, 16);
      const to = parseInt(last!, 16);
      if (target!.startsWith('[')) {
        [...target!.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach(([, text], i) => map.set(from + i, utf16(text!)));
      } else {
        // One target for the range: the last character counts up with the code.
        const base = utf16(target!.slice(1, -1));
        for (let code = from; code <= to; code++) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from));
        }
      }
    }
  }
  return map;
}

/** The text of each page, one line per string-showing operator (Tj, TJ), in page order. */
export function pdfPages(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const object = (id: number | undefined): PdfObject => {
    const found = id === undefined ? undefined : objects.get(id);
    if (!found) throw new Error(`PDF object ${id} is missing`);
    return found;
  };
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.head))!;
  const kids = /\/Kids \[([^\]]*)\]/.exec(object(ref(catalog.head, 'Pages')).head)![1]!;
  const cmaps = new Map<number, Map<number, string>>();
  const unicodeOf = (fontId: number): Map<number, string> => {
    let map = cmaps.get(fontId);
    if (!map) {
      const font = object(fontId).head;
      const toUnicode = ref(font, 'ToUnicode');
      if (toUnicode === undefined) throw new Error(`font ${/\/BaseFont \/(\S+)/.exec(font)?.[1]} has no ToUnicode map`);
      map = parseToUnicode(object(toUnicode).stream!.toString('latin1'));
      cmaps.set(fontId, map);
    }
    return map;
  };
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, pageId]) => {
    const page = object(Number(pageId)).head;
    const resources = object(ref(page, 'Resources')).head;
    const fonts = new Map(
      [.../\/Font <<([^>]*)>>/.exec(resources)![1]!.matchAll(/\/(\S+) (\d+) 0 R/g)].map(([, name, id]) => [name!, Number(id)]),
    );
    const content = object(ref(page, 'Contents')).stream!.toString('latin1');
    const lines: string[] = [];
    let font: Map<number, string> | undefined;
    for (const [, name, shown] of content.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g)) {
      if (name !== undefined) {
        font = unicodeOf(fonts.get(name)!);
        continue;
      }
      if (!font) throw new Error('text shown before any font was selected');
      const codes = [...shown!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => hex).join('');
      let line = '';
      for (let i = 0; i < codes.length; i += 4) line += font.get(parseInt(codes.slice(i, i + 4), 16)) ?? '\uFFFD';
      lines.push(line);
    }
    return lines.join('\n');
  });
}

/** All the text of a PDF, pages joined. */
export const pdfText = (pdf: Buffer): string => pdfPages(pdf).join('\n');

/** The fonts a PDF names (BaseFont of its font objects), each once, e.g. "BZZZZZ+Arimo-Regular". */
export function pdfFonts(pdf: Buffer): string[] {
  const fonts = [...pdfObjects(pdf).values()].filter((o) => /\/Type \/Font\b/.test(o.head));
  return [...new Set(fonts.map((o) => /\/BaseFont \/(\S+)/.exec(o.head)![1]!))];
}
