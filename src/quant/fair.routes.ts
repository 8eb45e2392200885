import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { etagOf, expectedVersionOf } from '../inventory/write-kit.ts';
import { ZScenario, ZScenarioParams } from '../risk/scenarios.schema.ts';
import {
  ZApplyRating,
  ZFairAnalysisInput,
  ZFairRun,
  ZFairSettings,
  ZFairSettingsInput,
  ZPortfolio,
  ZPortfolioRunRequest,
  ZRunList,
  ZRunListQuery,
  ZRunParams,
  ZRunRequest,
  ZRunStarted,
  ZScenarioFair,
} from './fair.schema.ts';
import { deleteAnalysis, getScenarioFair, saveAnalysis } from './fair-analysis.service.ts';
import { budgetOf } from './fair-budget.ts';
import { getPortfolio, runPortfolio } from './fair-portfolio.service.ts';
import { applyRating, getRun, listScenarioRuns, runScenario } from './fair-runs.service.ts';
import { getSettings, saveSettings } from './fair-settings.service.ts';

const TAGS = ['FAIR (quantitative risk)'];

export const fairRoutes: FastifyPluginAsyncZod = async (app) => {
  const budget = budgetOf(app.config);

  app.get(
    '/api/orgs/:org/scenarios/:scenarioId/fair',
    {
      schema: {
        tags: TAGS,
        summary: 'The scenario’s FAIR analysis (null when none), its latest run and the currency of the figures',
        params: ZScenarioParams,
        response: { 200: ZScenarioFair, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getScenarioFair(app.store, await authorize(request, 'risk:read'), request.params.scenarioId),
  );

  app.put(
    '/api/orgs/:org/scenarios/:scenarioId/fair',
    {
      schema: {
        tags: TAGS,
        summary:
          'Save the scenario’s FAIR analysis: model, inputs, controls, iterations, seed (a bad value is a 422 naming its path, e.g. body.inputs.primaryLoss.mode)',
        params: ZScenarioParams,
        body: ZFairAnalysisInput,
        response: { 200: ZScenarioFair, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...input } = request.body;
      return saveAnalysis(app.store, access, request.params.scenarioId, input, expectedVersionOf(request, version));
    },
  );

  app.delete(
    '/api/orgs/:org/scenarios/:scenarioId/fair',
    {
      schema: {
        tags: TAGS,
        summary: 'Remove the scenario’s FAIR analysis (its runs stay)',
        params: ZScenarioParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      await deleteAnalysis(app.store, await authorize(request, 'risk:write'), request.params.scenarioId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/orgs/:org/scenarios/:scenarioId/fair/runs',
    {
      schema: {
        tags: TAGS,
        summary:
          'Run the stored analysis: small runs in the request (201 with the run), large ones as a fair.simulate job (202 with the job; its result is {runId})',
        params: ZScenarioParams,
        body: ZRunRequest.optional(),
        response: { 201: ZRunStarted, 202: ZRunStarted, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const started = await runScenario(app.store, access, budget, request.params.scenarioId, {
        sensitivity: request.body?.sensitivity ?? true,
      });
      return reply.code(started.run ? 201 : 202).send(started);
    },
  );

  app.get(
    '/api/orgs/:org/scenarios/:scenarioId/fair/runs',
    {
      schema: {
        tags: TAGS,
        summary: 'The scenario’s FAIR runs, newest first, with their headline figures',
        params: ZScenarioParams,
        querystring: ZRunListQuery,
        response: { 200: ZRunList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => ({
      items: await listScenarioRuns(app.store, await authorize(request, 'risk:read'), request.params.scenarioId, request.query.limit),
    }),
  );

  app.get(
    '/api/orgs/:org/fair-runs/:runId',
    {
      schema: {
        tags: TAGS,
        summary: 'A FAIR run: what was run (analysis, drivers, engine, seed, iterations) and its result',
        params: ZRunParams,
        response: { 200: ZFairRun, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getRun(app.store, await authorize(request, 'risk:read'), request.params.runId),
  );

  app.post(
    '/api/orgs/:org/scenarios/:scenarioId/fair/apply-rating',
    {
      schema: {
        tags: TAGS,
        summary:
          'Set the inherent, current or target rating from a run: loss event frequency onto the likelihood bands, loss magnitude onto the monetary bands',
        params: ZScenarioParams,
        body: ZApplyRating,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...input } = request.body;
      const scenario = await applyRating(app.store, access, request.params.scenarioId, input, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(scenario.version)).send(scenario);
    },
  );

  app.get(
    '/api/orgs/:org/fair-settings',
    {
      schema: {
        tags: TAGS,
        summary: 'FAIR settings: currency, appetite and tolerance curves, shared drivers',
        params: ZOrgParams,
        response: { 200: ZFairSettings, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getSettings(app.store, await authorize(request, 'risk:read')),
  );

  app.put(
    '/api/orgs/:org/fair-settings',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the FAIR settings (omitted fields keep; drivers replace the list: removing one an analysis names is a 409)',
        params: ZOrgParams,
        body: ZFairSettingsInput,
        response: { 200: ZFairSettings, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request) => saveSettings(app.store, await authorize(request, 'risk:write'), request.body),
  );

  app.post(
    '/api/orgs/:org/fair/portfolio-runs',
    {
      schema: {
        tags: TAGS,
        summary:
          'Run scenarios together (default: every one with an analysis): total loss, shares, against appetite and tolerance (201 inline, 202 as a job)',
        params: ZOrgParams,
        body: ZPortfolioRunRequest.optional(),
        response: { 201: ZRunStarted, 202: ZRunStarted, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const started = await runPortfolio(app.store, await authorize(request, 'risk:write'), budget, request.body ?? {});
      return reply.code(started.run ? 201 : 202).send(started);
    },
  );

  app.get(
    '/api/orgs/:org/fair/portfolio',
    {
      schema: {
        tags: TAGS,
        summary: 'The latest portfolio run, the settings, and each scenario with an analysis and its latest annual loss mean',
        params: ZOrgParams,
        response: { 200: ZPortfolio, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getPortfolio(app.store, await authorize(request, 'risk:read')),
  );
};
