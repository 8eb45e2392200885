import { readJobPayload } from '../platform/jobs/job-payload.ts';
import { progressInsideCommit, recordFinalProgress, requesterAccess } from '../platform/jobs/job-progress.ts';
import type { JobHandler } from '../platform/jobs/job-runner.ts';
import { progressTotalOf } from './attack-import-plan.ts';
import type { AttackBundle } from './attack-import.ts';
import { importAttackInTransaction, type AttackImportJobInput } from './attack-import.service.ts';

/** The payload as queueAttackImport stored it; anything else (an older format) is refused rather than half-read. */
function bundleOf(payload: string): AttackBundle {
  const bundle = JSON.parse(payload) as Partial<AttackBundle>;
  if (
    typeof bundle.origin !== 'string' ||
    !Array.isArray(bundle.threats) ||
    !Array.isArray(bundle.relations) ||
    typeof bundle.skipped !== 'object'
  )
    throw new Error('the stored bundle is not in the form this version reads; import it again');
  return bundle as AttackBundle;
}

/**
 * Job 'threat.attack-import': the import in one `ctx.commit` transaction, which also marks the job succeeded
 * and drops the stored bundle, so a crash or a cancel leaves nothing and the job can run again. Its result is
 * the import's summary. Progress inside the transaction is written on PostgreSQL only (job-progress.ts).
 */
export const attackImportJobHandler: JobHandler = async (ctx) => {
  const input = ctx.job.input as AttackImportJobInput;
  const bundle = bundleOf(await readJobPayload(ctx.store, ctx.job));
  const access = requesterAccess(ctx.job, input);
  const total = progressTotalOf(bundle);
  await ctx.progress(0, total);
  return ctx.commit(async (tx) => {
    const summary = await importAttackInTransaction(tx, access, bundle, progressInsideCommit(ctx));
    await recordFinalProgress(tx, ctx.job, total);
    return summary;
  });
};
