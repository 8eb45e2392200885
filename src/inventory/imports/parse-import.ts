import type { ProtectionScale } from '../scale.ts';
import { parseBulwarkJson } from './bulwark-json-import.ts';
import { parseCsvImport } from './csv-import.ts';
import { parseCycloneDx } from './cyclonedx-import.ts';
import type { ImportEntity, ImportFormat, ParsedImport } from './import-types.ts';

export interface ImportSource {
  format: ImportFormat;
  /** CSV only: what the rows are (default assets). */
  entity?: ImportEntity | undefined;
  /** The file: text, or bytes (checked to be UTF-8). */
  content: string | Uint8Array;
  /** CSV only: column header → field. */
  mapping?: Record<string, string> | undefined;
}

/** Reads a file of any supported format into records (pure: nothing here looks at the store). */
export function parseImport(source: ImportSource, scale: ProtectionScale): ParsedImport {
  switch (source.format) {
    case 'csv':
      return parseCsvImport(source.content, { entity: source.entity, mapping: source.mapping, scale });
    case 'json':
      return parseBulwarkJson(source.content, scale);
    case 'cyclonedx':
      return parseCycloneDx(source.content);
  }
}
