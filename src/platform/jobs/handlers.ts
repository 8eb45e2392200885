import type { JobHandler } from './job-runner.ts';

/** Every job kind the process can run. Domains register their handlers here (kind → handler). */
export const jobHandlers = new Map<string, JobHandler>();
