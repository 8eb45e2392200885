import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.store.ts';
import type { OrgAccess } from '../platform/context.ts';
import type { Queryable, Store } from '../platform/db/store.ts';
import { unprocessable } from '../platform/errors/catalogue.ts';
import type { TJob } from '../platform/jobs/jobs.schema.ts';
import { enqueueJobWithPayload } from '../platform/jobs/jobs.service.ts';
import { batchDigest } from '../inventory/batch-sql.ts';
import { planAttackImport, progressTotalOf, writeAttackPlan } from './attack-import-plan.ts';
import { AttackBundleError, parseAttackBundle, type AttackBundle } from './attack-import.ts';
import type { TAttackImportSummary } from './threats.schema.ts';

export const ATTACK_IMPORT_JOB_KIND = 'threat.attack-import';

/**
 * What the import job keeps in its row (and the `job.queued` audit entry): what was read from the bundle and who
 * asked (its writes are audited as them). The bundle as read (AttackBundle, JSON) is the job's payload
 * (platform/jobs/job-payload.ts): checked once, when the request came, and a fraction of the STIX file's size.
 */
export interface AttackImportJobInput {
  origin: string;
  threats: number;
  relations: number;
  /** The payload's size and SHA-256. */
  bytes: number;
  sha256: string;
  actor: OrgAccess['actor'];
  userId: string | null;
}

type Progress = (done: number, total: number) => Promise<void>;

/** Reads the bundle or answers 422 naming the bad places. */
export function readAttackBundle(input: unknown, prefix = 'body'): AttackBundle {
  try {
    return parseAttackBundle(input, prefix);
  } catch (error) {
    if (error instanceof AttackBundleError) throw unprocessable(error.message, error.errors);
    throw error;
  }
}

/**
 * The import inside the caller's transaction: waits for any other import into the organization, compares
 * against the store as it is now, writes, and records one audit entry with the summary.
 */
export async function importAttackInTransaction(
  tx: Queryable,
  access: OrgAccess,
  bundle: AttackBundle,
  progress: Progress = async () => undefined,
): Promise<TAttackImportSummary> {
  // Two imports into one organization wait for each other instead of racing on the stix_id index.
  await tx.execute(sql`select 1 from organizations where id = ${access.orgId} for no key update`);
  const plan = await planAttackImport(tx, access.orgId, bundle);
  await writeAttackPlan(tx, access.orgId, plan, progress);
  const summary: TAttackImportSummary = { ...plan.summary, dryRun: false };
  await appendAudit(tx, access.orgId, {
    actor: access.actor,
    requestId: access.requestId,
    action: 'threat.catalogue-imported',
    targetType: 'threat-catalogue',
    targetId: bundle.origin,
    after: batchDigest(plan.inserts, plan.updates),
    summary: { origin: summary.origin, kinds: summary.kinds, relations: summary.relations, skipped: summary.skipped },
  });
  return summary;
}

/** What the import would do; nothing is written, queued or audited. */
export async function previewAttackImport(
  store: Store,
  access: Pick<OrgAccess, 'orgId'>,
  input: unknown,
  pathPrefix = 'body',
): Promise<TAttackImportSummary> {
  const bundle = readAttackBundle(input, pathPrefix);
  // One transaction, so the threats and relations compared are read at one point in time.
  const plan = await store.db.transaction((tx) => planAttackImport(tx, access.orgId, bundle));
  return { ...plan.summary, dryRun: true };
}

/**
 * Checks the bundle (422 naming each bad place; nothing queued) and queues the `threat.attack-import` job with
 * the bundle as read as its payload. The job writes everything in one transaction.
 */
export async function queueAttackImport(store: Store, access: OrgAccess, input: unknown): Promise<TJob> {
  const bundle = readAttackBundle(input);
  const payload = JSON.stringify(bundle);
  const jobInput: AttackImportJobInput = {
    origin: bundle.origin,
    threats: bundle.threats.length,
    relations: bundle.relations.length,
    bytes: Buffer.byteLength(payload),
    sha256: createHash('sha256').update(payload).digest('hex'),
    actor: access.actor,
    userId: access.userId,
  };
  return store.db.transaction((tx) => enqueueJobWithPayload(tx, access, ATTACK_IMPORT_JOB_KIND, jobInput, payload));
}

/**
 * An import run in this process, without the job queue (the CLI, tests, the benchmark's floor): the same checks,
 * one transaction, the same summary as the job's result. With `dryRun`, previewAttackImport.
 * @param options.pathPrefix where error paths start (`body` for the API, `file` for the CLI)
 */
export async function importAttackBundle(
  store: Store,
  access: OrgAccess,
  input: unknown,
  options: { dryRun: boolean; pathPrefix?: string; progress?: Progress },
): Promise<TAttackImportSummary> {
  if (options.dryRun) return previewAttackImport(store, access, input, options.pathPrefix);
  const bundle = readAttackBundle(input, options.pathPrefix);
  const progress = options.progress;
  if (progress) await progress(0, progressTotalOf(bundle));
  return store.db.transaction((tx) => importAttackInTransaction(tx, access, bundle, progress));
}
