import { IMPORT_JOB_KIND } from '../../inventory/imports/import.service.ts';
import { importJobHandler } from '../../inventory/imports/import.job.ts';
import { ATTACK_IMPORT_JOB_KIND } from '../../risk/attack-import.service.ts';
import { attackImportJobHandler } from '../../risk/attack-import.job.ts';
import { FAIR_JOB_KIND } from '../../quant/fair-job-input.ts';
import { fairJobHandler } from '../../quant/fair.job.ts';
import type { JobHandler } from './job-runner.ts';

/** Every job kind the process can run. Domains register their handlers here (kind → handler). */
export const jobHandlers = new Map<string, JobHandler>([
  [IMPORT_JOB_KIND, importJobHandler],
  [FAIR_JOB_KIND, fairJobHandler],
  [ATTACK_IMPORT_JOB_KIND, attackImportJobHandler],
]);
