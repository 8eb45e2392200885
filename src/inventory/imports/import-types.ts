import type { AssetUpsert } from '../assets-batch.ts';
import type { ExternalOrganizationUpsert } from '../external-orgs-batch.ts';
import type { DependencyType } from '../vocabulary.ts';

export const IMPORT_FORMATS = ['csv', 'json', 'cyclonedx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_ENTITIES = ['assets', 'dependencies', 'external-organizations'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/**
 * One problem of an import file. `line` is the 1-based line in the file (header = line 1) for CSV and null
 * for JSON; `path` names the field the way an API client sent it: `content.line.7.kind`, `content.assets.3.kind`.
 */
export interface ImportIssue {
  line: number | null;
  path: string;
  message: string;
}

/** Where a record came from: its line (CSV) and the path prefix its field errors use. */
export interface RecordOrigin {
  line: number | null;
  path: string;
}

/** An asset as a file gives it: the operator is an external organization's name, never a database id. */
export type AssetDraft = Omit<AssetUpsert, 'operatorId'> & { operator?: string | null | undefined };

/**
 * A dependency as a file gives it: each end is a reference string, an external id of an asset (cmdb id, purl,
 * cpe or other id) or, for the target, an external organization's name.
 */
export interface DependencyDraft {
  source: string;
  target: string;
  type: DependencyType;
  description?: string | null | undefined;
  /** Set by the SBOM reader, whose ends are known to be an asset key or an organization name. */
  targetKind?: 'asset' | 'organization';
}

export type OrganizationDraft = ExternalOrganizationUpsert & {
  /** SBOM suppliers add their relationship to an existing organization's instead of replacing them. */
  mergeRelationshipTypes?: boolean;
};

export interface Drafted<T> extends RecordOrigin {
  value: T;
}

/** What a parser makes of a file, before anything is compared with the store. */
export interface ParsedImport {
  format: ImportFormat;
  entity: ImportEntity | null;
  /** CSV headers as found (null for JSON formats). */
  columns: string[] | null;
  /** CSV: header → field, including the automatic part (null for JSON formats). */
  mapping: Record<string, string> | null;
  /** Records in the file: CSV data rows; JSON and SBOM entries (organizations, assets, dependencies). */
  rows: number;
  organizations: Drafted<OrganizationDraft>[];
  assets: Drafted<AssetDraft>[];
  dependencies: Drafted<DependencyDraft>[];
  /** Problems of single records (their records are left out of the lists above). */
  issues: ImportIssue[];
  /** How many records were left out because of the issues. */
  invalid: number;
}

/** A problem with the file as a whole (unreadable, wrong columns, not an SBOM): nothing of it can be imported. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly issues: ImportIssue[],
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
