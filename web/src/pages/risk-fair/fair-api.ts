import { api, unwrap } from '../../api/client';
import type {
  AnalysisBody,
  FairSettings,
  FairSettingsInput,
  Job,
  Portfolio,
  PortfolioRun,
  RatingName,
  RunStarted,
  ScenarioFair,
  ScenarioRun,
} from './fair-types';

/*
 * The FAIR routes through the typed client. The API passes the engine's JSON (inputs, distributions, results)
 * through as loose objects, so bodies go out as such and answers are read as the engine's shapes (fair-types.ts).
 */
type LooseBody = Record<string, unknown>;
const loose = (value: object): LooseBody => value as LooseBody;

export const getScenarioFair = async (org: string, scenarioId: string): Promise<ScenarioFair> =>
  (await unwrap(api.GET('/api/orgs/{org}/scenarios/{scenarioId}/fair', { params: { path: { org, scenarioId } } }))) as ScenarioFair;

export async function putScenarioFair(org: string, scenarioId: string, body: AnalysisBody): Promise<ScenarioFair> {
  const { inputs, controls, ...rest } = body;
  return (await unwrap(
    api.PUT('/api/orgs/{org}/scenarios/{scenarioId}/fair', {
      params: { path: { org, scenarioId } },
      body: { ...rest, inputs: loose(inputs), ...(controls ? { controls } : {}) },
    }),
  )) as ScenarioFair;
}

export const deleteScenarioFair = (org: string, scenarioId: string): Promise<void> =>
  unwrap<void>(api.DELETE('/api/orgs/{org}/scenarios/{scenarioId}/fair', { params: { path: { org, scenarioId } } }));

export const runScenarioFair = async (org: string, scenarioId: string): Promise<RunStarted<ScenarioRun>> =>
  (await unwrap(
    api.POST('/api/orgs/{org}/scenarios/{scenarioId}/fair/runs', { params: { path: { org, scenarioId } }, body: { sensitivity: true } }),
  )) as RunStarted<ScenarioRun>;

export const applyRating = (org: string, scenarioId: string, runId: string, rating: RatingName) =>
  unwrap(
    api.POST('/api/orgs/{org}/scenarios/{scenarioId}/fair/apply-rating', {
      params: { path: { org, scenarioId } },
      body: { runId, rating },
    }),
  );

export const getFairRun = async <Run extends ScenarioRun | PortfolioRun>(org: string, runId: string): Promise<Run> =>
  (await unwrap(api.GET('/api/orgs/{org}/fair-runs/{runId}', { params: { path: { org, runId } } }))) as unknown as Run;

export const getPortfolio = async (org: string): Promise<Portfolio> =>
  (await unwrap(api.GET('/api/orgs/{org}/fair/portfolio', { params: { path: { org } } }))) as Portfolio;

export const runPortfolio = async (org: string, body: { iterations?: number; seed?: number }): Promise<RunStarted<PortfolioRun>> =>
  (await unwrap(api.POST('/api/orgs/{org}/fair/portfolio-runs', { params: { path: { org } }, body }))) as RunStarted<PortfolioRun>;

export const getFairSettings = async (org: string): Promise<FairSettings> =>
  (await unwrap(api.GET('/api/orgs/{org}/fair-settings', { params: { path: { org } } }))) as FairSettings;

export const putFairSettings = async (org: string, body: FairSettingsInput): Promise<FairSettings> =>
  (await unwrap(
    api.PUT('/api/orgs/{org}/fair-settings', {
      params: { path: { org } },
      body: { ...body, drivers: body.drivers.map((driver) => ({ ...driver, distribution: loose(driver.distribution) })) },
    }),
  )) as FairSettings;

export const getJob = (org: string, jobId: string): Promise<Job> =>
  unwrap(api.GET('/api/orgs/{org}/jobs/{jobId}', { params: { path: { org, jobId } } }));

export const cancelJob = (org: string, jobId: string): Promise<Job> =>
  unwrap(api.POST('/api/orgs/{org}/jobs/{jobId}/cancel', { params: { path: { org, jobId } } }));
