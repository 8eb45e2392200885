import { z } from 'zod';
import { ZSlug } from '../orgs/orgs.schema.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ZJob = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});

export const ZJobParams = z.strictObject({ org: ZSlug, jobId: z.uuid() });
export const ZJobList = z.object({ items: z.array(ZJob) });

export type TJob = z.infer<typeof ZJob>;
