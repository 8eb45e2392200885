import { z } from 'zod';
import { ZSlug } from '../../platform/orgs/orgs.schema.ts';
import { IMPORT_ENTITIES, IMPORT_FORMATS } from './import-types.ts';

/** Largest import file: its text in `content` (base64 of it is a third larger). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The import route's body limit: the largest file as base64 inside JSON, plus room for the other fields. */
export const IMPORT_BODY_LIMIT = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;
export const MAX_REPORTED_ERRORS = 1000;
export const SAMPLE_SIZE = 20;

export const ZImportRequest = z
  .strictObject({
    format: z.enum(IMPORT_FORMATS).describe('csv (one entity per file), json (Bulwark’s inventory format), cyclonedx (a CycloneDX 1.2–1.6 JSON SBOM)'),
    entity: z.enum(IMPORT_ENTITIES).optional().describe('CSV only: what the rows are (default assets)'),
    content: z.string().min(1).describe('The file’s text (UTF-8), or its bytes in base64 with contentEncoding base64; at most 20 MiB'),
    contentEncoding: z.enum(['text', 'base64']).default('text').describe('base64 lets the server check the bytes are UTF-8 itself'),
    mapping: z
      .record(z.string().max(200), z.string().max(100))
      .optional()
      .describe('CSV only: column header → field ("" ignores the column); other headers map themselves when they spell a field'),
    dryRun: z.boolean().default(false).describe('Only report what the import would do; nothing is written, queued or audited'),
    skipInvalid: z.boolean().default(false).describe('Import the valid records and skip the invalid ones (listed in the result) instead of refusing the file'),
  })
  .refine((body) => body.format === 'csv' || (body.entity === undefined && body.mapping === undefined), {
    message: 'entity and mapping apply to CSV only',
    path: ['entity'],
  });
export type TImportRequest = z.infer<typeof ZImportRequest>;

export const ZImportIssue = z.object({
  line: z.number().int().nullable().describe('1-based line in the file (header = 1); null for JSON'),
  path: z.string().describe('content.line.<n>.<field> (CSV) or the JSON path (content.assets.3.kind)'),
  message: z.string(),
});

const ZChangeCounts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });
const ZDoneCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const ZImportPreview = z.object({
  format: z.enum(IMPORT_FORMATS),
  entity: z.enum(IMPORT_ENTITIES).nullable().describe('CSV: the entity of the rows; null for JSON formats (they hold all three)'),
  columns: z.array(z.string()).nullable().describe('CSV headers as found'),
  mapping: z.record(z.string(), z.string()).nullable().describe('CSV: the mapping used, header → field, including the automatic part'),
  rows: z.number().int().describe('Records in the file (CSV rows; JSON and SBOM entries)'),
  valid: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(ZImportIssue).describe('Per-record problems, the first 1000'),
  errorsTruncated: z.boolean(),
  assets: ZChangeCounts,
  dependencies: ZChangeCounts,
  externalOrganizations: ZChangeCounts,
  sample: z
    .array(z.object({ entity: z.enum(IMPORT_ENTITIES), line: z.number().int().nullable(), path: z.string(), record: z.record(z.string(), z.unknown()) }))
    .describe('The first 20 valid records, normalized'),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = z.object({
  assets: ZDoneCounts,
  dependencies: ZDoneCounts,
  externalOrganizations: ZDoneCounts,
  skipped: z.array(z.object({ line: z.number().int().nullable(), path: z.string(), message: z.string() })).describe('Problems of the skipped records (skipInvalid), the first 1000'),
  skippedRecords: z.number().int(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZExportQuery = z.strictObject({
  format: z.enum(['csv', 'json']),
  entity: z.enum(IMPORT_ENTITIES).default('assets').describe('CSV only: which entity (JSON holds all three)'),
});
export const ZOrgOnlyParams = z.strictObject({ org: ZSlug });
