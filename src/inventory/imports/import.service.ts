import { createHash } from 'node:crypto';
import type { OrgAccess } from '../../platform/context.ts';
import type { Queryable, Store } from '../../platform/db/store.ts';
import { AppError } from '../../platform/errors/catalogue.ts';
import type { TJob } from '../../platform/jobs/jobs.schema.ts';
import { enqueueJobWithPayload } from '../../platform/jobs/jobs.service.ts';
import { beginInventoryWrite, readInventoryHead } from '../inventory-state.ts';
import type { ProtectionScale } from '../scale.ts';
import { planImport, type ImportPlan } from './import-plan.ts';
import { ImportFileError, type ImportEntity, type ImportFormat, type ImportIssue, type ParsedImport } from './import-types.ts';
import { writeImportPlan } from './import-writer.ts';
import { MAX_IMPORT_BYTES, MAX_REPORTED_ERRORS, SAMPLE_SIZE, type TImportPreview, type TImportRequest, type TImportResult } from './import.schema.ts';
import { parseImport, type ImportSource } from './parse-import.ts';

export const IMPORT_JOB_KIND = 'inventory.import';

/**
 * What the import job keeps in its input: the request without dryRun and without the file, and who asked (its
 * writes are audited as them). The file is the job's payload (platform/jobs/job-payload.ts), as sent
 * (text or base64), dropped when the job finishes.
 */
export interface ImportJobInput {
  format: ImportFormat;
  entity?: ImportEntity | undefined;
  mapping?: Record<string, string> | undefined;
  contentEncoding: 'text' | 'base64';
  contentSha256: string;
  bytes: number;
  skipInvalid: boolean;
  /** Valid records when queued: the progress total until the job knows better. */
  records: number;
  actor: OrgAccess['actor'];
  userId: string | null;
}

/** The file of a request, checked against the size limit. */
export function sourceOf(request: Pick<TImportRequest, 'format' | 'entity' | 'mapping' | 'content' | 'contentEncoding'>): ImportSource {
  const content = request.contentEncoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content;
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (bytes > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `the file has ${bytes} bytes; imports take at most ${MAX_IMPORT_BYTES} (20 MiB)`, { errors: [{ path: 'body.content', message: 'larger than 20 MiB' }] });
  return { format: request.format, entity: request.entity, mapping: request.mapping, content };
}

/** Parses, turning a problem with the file as a whole into 422 IMPORT_UNREADABLE. */
function parseOrThrow(source: ImportSource, scale: ProtectionScale): ParsedImport {
  try {
    return parseImport(source, scale);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    throw new AppError('IMPORT_UNREADABLE', error.message, { errors: error.issues.map(({ path, message }) => ({ path, message })) });
  }
}

const issuesForProblem = (issues: readonly ImportIssue[]) => issues.slice(0, MAX_REPORTED_ERRORS).map(({ path, message }) => ({ path, message }));

/** 422 IMPORT_INVALID listing each bad record's problems (the first 1000), with the counts. */
export function invalidImport(plan: Pick<ImportPlan, 'issues' | 'invalid'>, rows: number): AppError {
  return new AppError('IMPORT_INVALID', `${plan.invalid} of ${rows} records are invalid; nothing was imported (fix them, or set skipInvalid to import the rest)`, {
    errors: issuesForProblem(plan.issues),
    extra: { rows, invalid: plan.invalid, errorsTruncated: plan.issues.length > MAX_REPORTED_ERRORS },
  });
}

/** What an import would do, computed against the store without writing anything (no audit entry, no job). */
export async function previewImport(store: Store, access: Pick<OrgAccess, 'orgId'>, request: TImportRequest): Promise<TImportPreview> {
  const source = sourceOf(request);
  const { scale } = await readInventoryHead(store, access.orgId);
  const parsed = parseOrThrow(source, scale);
  const plan = await planImport(store.db, access.orgId, parsed);
  return presentPreview(parsed, plan);
}

export function presentPreview(parsed: ParsedImport, plan: ImportPlan): TImportPreview {
  const sample: TImportPreview['sample'] = [
    ...plan.organizations.map((o) => ({ entity: 'external-organizations' as const, line: o.line, path: o.path, record: { ...o.item } })),
    ...plan.assets.map((a) => ({ entity: 'assets' as const, line: a.line, path: a.path, record: { ...a.draft } })),
    ...plan.dependencies.map((d) => ({ entity: 'dependencies' as const, line: d.line, path: d.path, record: { ...d.draft } })),
  ]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    .slice(0, SAMPLE_SIZE);
  return {
    format: parsed.format,
    entity: parsed.entity,
    columns: parsed.columns,
    mapping: parsed.mapping,
    rows: parsed.rows,
    valid: parsed.rows - plan.invalid,
    invalid: plan.invalid,
    errors: plan.issues.slice(0, MAX_REPORTED_ERRORS),
    errorsTruncated: plan.issues.length > MAX_REPORTED_ERRORS,
    assets: plan.counts.assets,
    dependencies: plan.counts.dependencies,
    externalOrganizations: plan.counts.externalOrganizations,
    sample,
  };
}

/**
 * Checks the file (422 IMPORT_UNREADABLE / IMPORT_INVALID, nothing queued) and queues the import job with the
 * file as its payload. The job's row and audit entry record the file's digest and size, not its text.
 */
export async function queueImport(store: Store, access: OrgAccess, request: TImportRequest): Promise<TJob> {
  const source = sourceOf(request);
  const { scale } = await readInventoryHead(store, access.orgId);
  const parsed = parseOrThrow(source, scale);
  const plan = await planImport(store.db, access.orgId, parsed);
  if (plan.issues.length > 0 && !request.skipInvalid) throw invalidImport(plan, parsed.rows);
  const bytes = typeof source.content === 'string' ? Buffer.byteLength(source.content) : source.content.byteLength;
  const input: ImportJobInput = {
    format: request.format,
    ...(request.entity ? { entity: request.entity } : {}),
    ...(request.mapping ? { mapping: request.mapping } : {}),
    contentEncoding: request.contentEncoding,
    contentSha256: createHash('sha256').update(source.content).digest('hex'),
    bytes,
    skipInvalid: request.skipInvalid,
    records: plan.organizations.length + plan.assets.length + plan.dependencies.length,
    actor: access.actor,
    userId: access.userId,
  };
  return store.db.transaction((tx) => enqueueJobWithPayload(tx, access, IMPORT_JOB_KIND, input, request.content));
}

/**
 * The import itself, inside the caller's transaction (all or nothing): re-reads the file against the store
 * as it is now, refuses it when records are invalid (unless skipInvalid), and writes the rest.
 */
export async function importInTransaction(
  tx: Queryable,
  access: OrgAccess,
  source: ImportSource,
  options: { skipInvalid: boolean; progress?: (done: number, total: number) => Promise<void> },
): Promise<TImportResult> {
  // Takes the organization's inventory write lock first, so the plan cannot go stale before it is written.
  const { scale } = await beginInventoryWrite(tx, access.orgId);
  const parsed = parseOrThrow(source, scale);
  const plan = await planImport(tx, access.orgId, parsed);
  if (plan.issues.length > 0 && !options.skipInvalid) throw invalidImport(plan, parsed.rows);
  const written = await writeImportPlan(tx, access, plan, options.progress ?? (async () => undefined));
  return {
    ...written,
    skipped: plan.issues.slice(0, MAX_REPORTED_ERRORS).map(({ line, path, message }) => ({ line, path, message })),
    skippedRecords: plan.invalid,
  };
}

/** An import run in this process without the job queue (the CLI): one transaction, progress to the caller. */
export function runImport(
  store: Store,
  access: OrgAccess,
  source: ImportSource,
  options: { skipInvalid: boolean; progress?: (done: number, total: number) => Promise<void> },
): Promise<TImportResult> {
  return store.db.transaction((tx) => importInTransaction(tx, access, source, options));
}
