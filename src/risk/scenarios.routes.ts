import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors/catalogue.ts';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { etagOf, expectedVersionOf } from '../inventory/write-kit.ts';
import { acceptRisk, listAcceptances, withdrawAcceptance } from './scenario-acceptance.service.ts';
import { assessScenario } from './scenario-assessment.service.ts';
import { reviewScenario, scenarioHistory } from './scenario-review.service.ts';
import { assetRiskSuggestion } from './scenario-suggestion.ts';
import { setTreatment } from './scenario-treatment.service.ts';
import {
  ZAcceptanceInput,
  ZAcceptanceList,
  ZAcceptanceParams,
  ZAcceptanceResult,
  ZAssessment,
  ZAssetSuggestion,
  ZAssetSuggestionParams,
  ZCreateScenario,
  ZHistory,
  ZReviewInput,
  ZScenario,
  ZScenarioParams,
  ZSuggestionQuery,
  ZTreatmentInput,
  ZUpdateScenario,
} from './scenarios.schema.ts';
import { createScenario, deleteScenario, getScenario, updateScenario } from './scenarios.service.ts';

const TAGS = ['risk scenarios'];

/** The version a write that must not be blind expects: If-Match or body.version, one of them required. */
function requiredVersionOf(request: FastifyRequest, bodyVersion: number | undefined): number {
  const version = expectedVersionOf(request, bodyVersion);
  if (version === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Send the version you read, as If-Match or body.version', {
      errors: [{ path: 'body.version', message: 'required (or the If-Match header)' }],
    });
  }
  return version;
}

export const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:org/scenarios',
    {
      schema: {
        tags: TAGS,
        summary: 'Identify a risk scenario (event-based or asset-based) with what it names',
        params: ZOrgParams,
        body: ZCreateScenario,
        response: { 201: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createScenario(app.store, await authorize(request, 'risk:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.get(
    '/api/orgs/:org/scenarios/:scenarioId',
    {
      schema: {
        tags: TAGS,
        summary:
          'A risk scenario: what it names, its ratings on its criteria version, treatment, acceptance, review, and the consequence the dependency graph suggests',
        params: ZScenarioParams,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const scenario = await getScenario(app.store, await authorize(request, 'risk:read'), request.params.scenarioId);
      return reply.header('etag', etagOf(scenario.version)).send(scenario);
    },
  );

  app.patch(
    '/api/orgs/:org/scenarios/:scenarioId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change a scenario’s description, owner or what it names (a list given replaces the old one); close or reopen it',
        params: ZScenarioParams,
        body: ZUpdateScenario,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...patch } = request.body;
      const updated = await updateScenario(app.store, access, request.params.scenarioId, patch, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/scenarios/:scenarioId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a scenario with its links, acceptances and history (the audit trail keeps the record)',
        params: ZScenarioParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteScenario(
        app.store,
        await authorize(request, 'risk:write'),
        request.params.scenarioId,
        expectedVersionOf(request, undefined),
      );
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/orgs/:org/scenarios/:scenarioId/assessment',
    {
      schema: {
        tags: TAGS,
        summary:
          'Analyse and evaluate: inherent, current and target ratings (zero-based), rationale, strength of knowledge (If-Match or version required)',
        params: ZScenarioParams,
        body: ZAssessment,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...input } = request.body;
      const scenario = await assessScenario(app.store, access, request.params.scenarioId, input, requiredVersionOf(request, version));
      return reply.header('etag', etagOf(scenario.version)).send(scenario);
    },
  );

  app.put(
    '/api/orgs/:org/scenarios/:scenarioId/treatment',
    {
      schema: {
        tags: TAGS,
        summary: 'Decide the treatment: option, justification and the applied controls of the plan (If-Match or version required)',
        params: ZScenarioParams,
        body: ZTreatmentInput,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...input } = request.body;
      const scenario = await setTreatment(app.store, access, request.params.scenarioId, input, requiredVersionOf(request, version));
      return reply.header('etag', etagOf(scenario.version)).send(scenario);
    },
  );

  app.post(
    '/api/orgs/:org/scenarios/:scenarioId/acceptances',
    {
      schema: {
        tags: TAGS,
        summary: 'Accept the residual risk: allowed to whom the criteria’s rule for its level names (the owner, a role, or nobody)',
        params: ZScenarioParams,
        body: ZAcceptanceInput,
        response: { 201: ZAcceptanceResult, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:read');
      const { version, ...input } = request.body;
      const result = await acceptRisk(app.store, access, request.params.scenarioId, input, expectedVersionOf(request, version));
      return reply.code(201).header('etag', etagOf(result.scenario.version)).send(result);
    },
  );

  app.get(
    '/api/orgs/:org/scenarios/:scenarioId/acceptances',
    {
      schema: {
        tags: TAGS,
        summary: 'The scenario’s acceptances, newest first, with whether each is expired and in force',
        params: ZScenarioParams,
        response: { 200: ZAcceptanceList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listAcceptances(app.store, await authorize(request, 'risk:read'), request.params.scenarioId) }),
  );

  app.post(
    '/api/orgs/:org/scenarios/:scenarioId/acceptances/:acceptanceId/withdraw',
    {
      schema: {
        tags: TAGS,
        summary: 'Withdraw an acceptance (a risk writer, or whoever accepted it)',
        params: ZAcceptanceParams,
        response: { 200: ZAcceptanceResult, ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:read');
      const result = await withdrawAcceptance(app.store, access, request.params.scenarioId, request.params.acceptanceId);
      return reply.header('etag', etagOf(result.scenario.version)).send(result);
    },
  );

  app.post(
    '/api/orgs/:org/scenarios/:scenarioId/reviews',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a review: sets the last review and the next one, a period on (If-Match or version required)',
        params: ZScenarioParams,
        body: ZReviewInput,
        response: { 200: ZScenario, ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...input } = request.body;
      const scenario = await reviewScenario(app.store, access, request.params.scenarioId, input, requiredVersionOf(request, version));
      return reply.header('etag', etagOf(scenario.version)).send(scenario);
    },
  );

  app.get(
    '/api/orgs/:org/scenarios/:scenarioId/history',
    {
      schema: {
        tags: TAGS,
        summary: 'Every change to the scenario, oldest first: who, when, what (field → [before, after])',
        params: ZScenarioParams,
        response: { 200: ZHistory, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => scenarioHistory(app.store, await authorize(request, 'risk:read'), request.params.scenarioId),
  );

  app.get(
    '/api/orgs/:org/assets/:assetId/risk-suggestion',
    {
      schema: {
        tags: TAGS,
        summary:
          'For a new scenario about this asset: the primary assets in its blast radius with their CIA requirements, and the consequence they suggest',
        params: ZAssetSuggestionParams,
        querystring: ZSuggestionQuery,
        response: { 200: ZAssetSuggestion, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request) =>
      assetRiskSuggestion(app.store, await authorize(request, 'risk:read'), request.params.assetId, request.query.criteriaId),
  );
};
