import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/** A background job (an import, a simulation…) as GET /api/orgs/{org}/jobs/{jobId} answers it. */
export type Job = paths['/api/orgs/{org}/jobs/{jobId}']['get']['responses'][200]['content']['application/json'];

const FINISHED = new Set<Job['status']>(['succeeded', 'failed', 'cancelled']);
export const isJobFinished = (job: Job | undefined): boolean => job !== undefined && FINISHED.has(job.status);

export function getJob(orgSlug: string, jobId: string): Promise<Job> {
  return unwrap(api.GET('/api/orgs/{org}/jobs/{jobId}', { params: { path: { org: orgSlug, jobId } } }));
}

/** The job's progress as a percentage (100 once it succeeded without reporting a total). */
export function jobPercent(job: Job | undefined): number {
  const total = job?.progress.total ?? null;
  if (total) return Math.min(100, Math.round(((job?.progress.done ?? 0) / total) * 100));
  return job?.status === 'succeeded' ? 100 : 0;
}

/**
 * Follows a job (null: none yet): polls it every 500 ms until it finishes, then refetches the organization's
 * cached reads, since what the job wrote shows everywhere (lists, figures, the audit trail). Queries for which
 * `keep` answers true are left alone (say, a dry run that would now report "unchanged").
 */
export function useJob(orgSlug: string, jobId: string | null, options: { keep?: (queryKey: readonly unknown[]) => boolean } = {}) {
  const queryClient = useQueryClient();
  const { keep } = options;
  return useQuery({
    queryKey: ['org', orgSlug, 'jobs', jobId],
    queryFn: async () => {
      const job = await getJob(orgSlug, jobId ?? '');
      if (isJobFinished(job)) {
        void queryClient.invalidateQueries({
          queryKey: ['org', orgSlug],
          predicate: (query) => query.queryKey[2] !== 'jobs' && !(keep?.(query.queryKey) ?? false),
        });
      }
      return job;
    },
    enabled: jobId !== null,
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 500),
    retry: 2,
  });
}
