import type { Client } from 'openapi-fetch';
import { api, unwrap } from '../../api/client';
import type { paths } from '../../api/schema';
import type { Job } from '../../api/use-job';

/*
 * The inventory import endpoint, typed here until docs/openapi.json (and so api/schema.d.ts) has it.
 *
 * The calls go through the same openapi-fetch client as the rest of the app (cookie, CSRF header on writes,
 * problem+json errors). While schema.d.ts lacks the route, `ImportPaths` describes it (as openapi-typescript
 * would); once `npm run web:client` adds it, `ImportApiPaths` picks the generated types by itself. To finish
 * the switch then: delete `LocalImportPaths` and the types below it, use `api` directly, and read the types
 * from `paths`.
 */

export type ImportFormat = 'csv' | 'json' | 'cyclonedx';
export type ImportEntity = 'assets' | 'dependencies' | 'external-organizations';

export interface ImportRequest {
  format: ImportFormat;
  /** CSV only. */
  entity?: ImportEntity;
  /** The file's text. */
  content: string;
  /** CSV only: column header → field; '' ignores the column; headers not named map themselves by name. */
  mapping?: Record<string, string>;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

export interface ImportIssue {
  /** 1-based line in the file (the header is line 1); null for JSON formats. */
  line: number | null;
  path: string;
  message: string;
}

export interface ChangeCounts {
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportPreview {
  format: ImportFormat;
  entity: ImportEntity | null;
  columns: string[] | null;
  /** The mapping used, header → field, including the automatic part. */
  mapping: Record<string, string> | null;
  rows: number;
  valid: number;
  invalid: number;
  errors: ImportIssue[];
  errorsTruncated: boolean;
  assets: ChangeCounts;
  dependencies: ChangeCounts;
  externalOrganizations: ChangeCounts;
  sample: { entity: ImportEntity; line: number | null; path: string; record: Record<string, unknown> }[];
}

export interface DoneCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  assets: DoneCounts;
  dependencies: DoneCounts;
  externalOrganizations: DoneCounts;
  skipped: ImportIssue[];
  skippedRecords?: number;
}

interface LocalImportPaths {
  '/api/orgs/{org}/inventory/imports': {
    parameters: { query?: never; header?: never; path: { org: string }; cookie?: never };
    get?: never;
    put?: never;
    post: {
      parameters: { query?: never; header?: never; path: { org: string }; cookie?: never };
      requestBody: { content: { 'application/json': ImportRequest } };
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': ImportPreview } };
        202: { headers: { [name: string]: unknown }; content: { 'application/json': { job: Job } } };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}

const IMPORTS_PATH = '/api/orgs/{org}/inventory/imports';
/** The generated paths once they include the import route; until then, the local description added to them. */
type ImportApiPaths = typeof IMPORTS_PATH extends keyof paths ? paths : paths & LocalImportPaths;
const importApi = api as unknown as Client<ImportApiPaths>;

/** Largest file the server takes (20 MiB); bigger ones are refused before reading. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the import would do: counts, per-record errors, a sample. Nothing is written. */
export async function previewImport(orgSlug: string, request: Omit<ImportRequest, 'dryRun' | 'skipInvalid'>): Promise<ImportPreview> {
  const result = await unwrap(importApi.POST(IMPORTS_PATH, { params: { path: { org: orgSlug } }, body: { ...request, dryRun: true } }));
  return result as ImportPreview;
}

/** Queues the import (202); 422 when records are invalid and `skipInvalid` is not set. */
export async function startImport(orgSlug: string, request: Omit<ImportRequest, 'dryRun'>): Promise<Job> {
  const result = await unwrap(importApi.POST(IMPORTS_PATH, { params: { path: { org: orgSlug } }, body: { ...request, dryRun: false } }));
  return (result as { job: Job }).job;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A finished import job's result, or null when the job holds something else. */
export function importResultOf(job: Job): ImportResult | null {
  const { result } = job;
  if (!isRecord(result) || !isRecord(result.assets) || !isRecord(result.dependencies) || !isRecord(result.externalOrganizations)) return null;
  return { ...(result as unknown as ImportResult), skipped: Array.isArray(result.skipped) ? (result.skipped as ImportIssue[]) : [] };
}

/** The file line a problem path names (`content.line.7.kind` → 7), for problems that carry no line. */
export function lineOfPath(path: string): number | null {
  const match = /(?:^|\.)line\.(\d+)(?:\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
