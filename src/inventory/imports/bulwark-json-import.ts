import type { ProtectionScale } from '../scale.ts';
import { ImportFileError, type ImportIssue, type ParsedImport } from './import-types.ts';
import { isObject, parseJsonText } from './json-text.ts';
import { draftAsset, draftDependency, draftOrganization, type FieldProblem } from './record-drafts.ts';

/** Bulwark's own inventory file: what `GET …/inventory/export?format=json` writes and the import reads. */
export const BULWARK_FORMAT = 'bulwark-inventory';
export const BULWARK_FORMAT_VERSION = 1;
const LISTS = ['externalOrganizations', 'assets', 'dependencies'] as const;
const KNOWN_KEYS = new Set<string>(['format', 'version', 'exportedAt', ...LISTS]);

const fileError = (path: string, message: string): ImportFileError => new ImportFileError(`${path}: ${message}`, [{ line: null, path, message }]);

/**
 * Parses Bulwark's JSON inventory format. Records name each other by external id and organization name, never
 * by database id, so a file moves between tenants. A bad record becomes issues naming its JSON path
 * (`content.assets.3.kind`) and is left out.
 * @throws ImportFileError when the file is not JSON or not this format
 */
export function parseBulwarkJson(content: string | Uint8Array, scale: ProtectionScale): ParsedImport {
  const doc = parseJsonText(content, 'a Bulwark inventory file');
  if (!isObject(doc)) throw fileError('content', 'expected a JSON object');
  if (doc.format !== BULWARK_FORMAT) throw fileError('content.format', `expected "${BULWARK_FORMAT}" (for a CycloneDX SBOM use format "cyclonedx")`);
  if (doc.version !== BULWARK_FORMAT_VERSION) throw fileError('content.version', `version ${JSON.stringify(doc.version)} is not supported (this Bulwark reads version ${BULWARK_FORMAT_VERSION})`);
  for (const key of Object.keys(doc)) if (!KNOWN_KEYS.has(key)) throw fileError(`content.${key}`, 'unknown field');
  for (const list of LISTS) if (doc[list] !== undefined && !Array.isArray(doc[list])) throw fileError(`content.${list}`, 'expected an array');
  const listOf = (key: (typeof LISTS)[number]): unknown[] => (doc[key] as unknown[] | undefined) ?? [];

  const parsed: ParsedImport = { format: 'json', entity: null, columns: null, mapping: null, rows: 0, organizations: [], assets: [], dependencies: [], issues: [], invalid: 0 };
  const collect = <T>(key: (typeof LISTS)[number], draft: (input: unknown) => { ok: true; value: T } | { ok: false; problems: FieldProblem[] }, into: { line: null; path: string; value: T }[]): void => {
    listOf(key).forEach((input, i) => {
      parsed.rows++;
      const path = `content.${key}.${i}`;
      const result = draft(input);
      if (result.ok) into.push({ line: null, path, value: result.value });
      else {
        parsed.invalid++;
        parsed.issues.push(...result.problems.map((p): ImportIssue => ({ line: null, path: p.field ? `${path}.${p.field}` : path, message: p.message })));
      }
    });
  };
  collect('externalOrganizations', draftOrganization, parsed.organizations as never);
  collect('assets', (input) => draftAsset(input, scale), parsed.assets as never);
  collect('dependencies', draftDependency, parsed.dependencies as never);
  return parsed;
}
