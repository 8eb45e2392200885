import { ImportFileError, type ImportEntity, type ImportIssue } from './import-types.ts';

/** The CSV columns of each entity, in export order: export writes exactly these headers, import maps them back. */
export const CSV_FIELDS = {
  assets: ['name', 'kind', 'description', 'owner', 'custodian', 'operator', 'confidentiality', 'integrity', 'availability', 'rtoMinutes', 'rpoMinutes', 'status', 'location', 'tags', 'cmdbId', 'purl', 'cpe', 'other'],
  dependencies: ['source', 'target', 'type', 'description'],
  'external-organizations': ['name', 'relationshipTypes', 'criticality', 'country', 'website', 'notes', 'tags', 'externalId', 'contractStart', 'contractEnd'],
} as const satisfies Record<ImportEntity, readonly string[]>;

/** Columns a file must map for each entity (assets also need one external id column, checked apart). */
const REQUIRED: Record<ImportEntity, readonly string[]> = {
  assets: ['name', 'kind'],
  dependencies: ['source', 'target'],
  'external-organizations': ['name', 'relationshipTypes'],
};
export const EXTERNAL_ID_FIELDS = ['cmdbId', 'purl', 'cpe', 'other'] as const;

/** Common spellings of each field, compared after dropping case, spaces and punctuation. */
const SPELLINGS: Record<ImportEntity, Record<string, readonly string[]>> = {
  assets: {
    name: ['assetname'],
    kind: ['type', 'assettype', 'assetkind'],
    description: ['desc'],
    owner: ['assetowner'],
    custodian: [],
    operator: ['operatedby', 'operatingorganization'],
    confidentiality: ['c'],
    integrity: ['i'],
    availability: ['a'],
    rtoMinutes: ['rto', 'rtomin'],
    rpoMinutes: ['rpo', 'rpomin'],
    status: ['lifecycle', 'lifecyclestatus'],
    location: [],
    tags: ['tag', 'labels'],
    cmdbId: ['cmdb', 'ciid', 'configurationitem'],
    purl: ['packageurl'],
    cpe: [],
    other: ['otherid'],
  },
  dependencies: { source: ['from', 'dependent'], target: ['to', 'dependson'], type: ['kind', 'dependencytype', 'relation'], description: ['desc'] },
  'external-organizations': {
    name: ['organization', 'organisation', 'supplier'],
    relationshipTypes: ['relationship', 'relationships', 'relationshiptype', 'types', 'type'],
    criticality: [],
    country: [],
    website: ['url', 'web'],
    notes: ['note', 'comments'],
    tags: ['tag', 'labels'],
    externalId: ['id', 'supplierid', 'vendorid'],
    contractStart: ['contractstartdate', 'start'],
    contractEnd: ['contractenddate', 'end'],
  },
};

const squash = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field a header maps to by itself, if any. */
export function automaticField(entity: ImportEntity, header: string): string | undefined {
  const key = squash(header);
  for (const [field, spellings] of Object.entries(SPELLINGS[entity])) if (squash(field) === key || spellings.includes(key)) return field;
  return undefined;
}

/**
 * Header → field for a file. The caller's mapping wins for the headers it names (a field of "" ignores the
 * column); every other header maps itself when it spells a field not mapped yet.
 * @throws ImportFileError for a mapping naming an absent header or an unknown field, two columns on one
 *   field, or required fields no column maps to (naming them and the headers found)
 */
export function resolveMapping(entity: ImportEntity, headers: readonly string[], given: Record<string, string> = {}): Record<string, string> {
  const fields: readonly string[] = CSV_FIELDS[entity];
  const problems: ImportIssue[] = [];
  const inMapping = (header: string, message: string) => problems.push({ line: null, path: `mapping.${header}`, message });
  const inHeader = (message: string) => problems.push({ line: 1, path: 'content.line.1', message });
  const mapping: Record<string, string> = {};
  const taken = new Map<string, string>();
  for (const [header, field] of Object.entries(given)) {
    if (!headers.includes(header)) inMapping(header, `the file has no column "${header}"`);
    else if (field !== '' && !fields.includes(field)) inMapping(header, `"${field}" is not a field of ${entity} (${fields.join(', ')})`);
    else if (field !== '' && taken.has(field)) inMapping(header, `"${taken.get(field)}" is already mapped to ${field}`);
    else if (field !== '') {
      mapping[header] = field;
      taken.set(field, header);
    }
  }
  for (const header of headers) {
    if (header in given) continue;
    const field = automaticField(entity, header);
    if (!field) continue;
    if (taken.has(field)) {
      if (!(taken.get(field)! in given)) inHeader(`columns "${taken.get(field)}" and "${header}" both map to ${field}; map one of them to "" to ignore it`);
      continue;
    }
    mapping[header] = field;
    taken.set(field, header);
  }
  const missing = REQUIRED[entity].filter((field) => !taken.has(field));
  if (entity === 'assets' && !EXTERNAL_ID_FIELDS.some((field) => taken.has(field))) missing.push('one of cmdbId, purl, cpe, other');
  if (missing.length > 0) inHeader(`missing required column(s): ${missing.join('; ')} (the file has: ${headers.map((h) => `"${h}"`).join(', ') || 'no header'})`);
  if (problems.length > 0) {
    throw new ImportFileError(problems.map((p) => p.message).join('; '), problems);
  }
  return mapping;
}
