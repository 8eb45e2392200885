import { useQuery } from '@tanstack/react-query';
import { useOrgMutation } from '../../api/use-org-mutation';
import {
  applyRating,
  cancelJob,
  deleteScenarioFair,
  getFairRun,
  getFairSettings,
  getJob,
  getPortfolio,
  getScenarioFair,
  putFairSettings,
  putScenarioFair,
  runPortfolio,
  runScenarioFair,
} from './fair-api';
import type { AnalysisBody, FairSettingsInput, Job, PortfolioRun, RatingName, ScenarioRun } from './fair-types';

const FINISHED: ReadonlySet<Job['status']> = new Set(['succeeded', 'failed', 'cancelled']);
export const isJobFinished = (job: Job | undefined): boolean => job !== undefined && FINISHED.has(job.status);

export function useScenarioFair(orgSlug: string, scenarioId: string) {
  return useQuery({ queryKey: ['org', orgSlug, 'risk-scenario', scenarioId, 'fair'], queryFn: () => getScenarioFair(orgSlug, scenarioId) });
}

export function useSaveScenarioFair(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, (body: AnalysisBody) => putScenarioFair(orgSlug, scenarioId, body));
}

export function useDeleteScenarioFair(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, () => deleteScenarioFair(orgSlug, scenarioId));
}

export function useRunScenarioFair(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, () => runScenarioFair(orgSlug, scenarioId));
}

export function useApplyRating(orgSlug: string, scenarioId: string) {
  return useOrgMutation(orgSlug, ({ runId, rating }: { runId: string; rating: RatingName }) =>
    applyRating(orgSlug, scenarioId, runId, rating),
  );
}

/** A stored run, once known (a background job's result names it). */
export function useFairRun<Run extends ScenarioRun | PortfolioRun>(orgSlug: string, runId: string | null) {
  return useQuery({
    queryKey: ['org', orgSlug, 'fair-run', runId],
    enabled: runId !== null,
    staleTime: Infinity, // a run never changes
    queryFn: () => getFairRun<Run>(orgSlug, runId!),
  });
}

/** A background simulation, polled every half second until it finishes. */
export function useFairJob(orgSlug: string, jobId: string | null) {
  return useQuery({
    queryKey: ['org', orgSlug, 'job', jobId],
    enabled: jobId !== null,
    queryFn: () => getJob(orgSlug, jobId!),
    refetchInterval: (query) => (isJobFinished(query.state.data) ? false : 500),
  });
}

export function useCancelJob(orgSlug: string) {
  return useOrgMutation(orgSlug, (jobId: string) => cancelJob(orgSlug, jobId));
}

export function usePortfolio(orgSlug: string) {
  return useQuery({ queryKey: ['org', orgSlug, 'fair-portfolio'], queryFn: () => getPortfolio(orgSlug) });
}

export function useRunPortfolio(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: { iterations?: number; seed?: number }) => runPortfolio(orgSlug, body));
}

export function useSaveFairSettings(orgSlug: string) {
  return useOrgMutation(orgSlug, (body: FairSettingsInput) => putFairSettings(orgSlug, body));
}

/** The run id a finished FAIR job left in its result (`{ runId }`). */
export function runIdOf(job: Job | undefined): string | null {
  const result = job?.status === 'succeeded' ? job.result : null;
  return typeof result === 'object' && result !== null && typeof (result as { runId?: unknown }).runId === 'string'
    ? (result as { runId: string }).runId
    : null;
}

export function useFairSettings(orgSlug: string, enabled = true) {
  return useQuery({ queryKey: ['org', orgSlug, 'fair-settings'], enabled, queryFn: () => getFairSettings(orgSlug) });
}
