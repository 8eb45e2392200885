import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { computeBlastRadius, computeNeighbourhood, computeUpstream } from './analytics-reach.service.ts';
import { computeConcentration, computePaths, computeProtection, computeSinglePointsOfFailure } from './analytics-structure.service.ts';
import {
  ZBlastRadius,
  ZNeighbourhood,
  ZNeighbourhoodQuery,
  ZConcentration,
  ZConcentrationQuery,
  ZPaths,
  ZPathsQuery,
  ZProtection,
  ZSinglePointsOfFailure,
  ZSpofQuery,
  ZTraversalQuery,
  ZUpstream,
} from './analytics.schema.ts';
import { ZIdParams } from './inventory.schema.ts';

const TAGS = ['inventory analytics'];

/** Read-only analytics over the organization's inventory graph (kept in step with the store, see graph-store.ts). */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/assets/:id/blast-radius',
    {
      schema: {
        tags: TAGS,
        summary: 'What is affected if this asset fails or is compromised: everything relying on it, with distances',
        params: ZIdParams,
        querystring: ZTraversalQuery,
        response: { 200: ZBlastRadius, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeBlastRadius(app.store, await authorize(request, 'inventory:read'), request.params.id, request.query, 'asset'),
  );

  app.get(
    '/api/orgs/:org/assets/:id/neighbourhood',
    {
      schema: {
        tags: TAGS,
        summary: 'An asset’s neighbourhood for the graph view: both directions to a depth, with every edge between the nodes',
        params: ZIdParams,
        querystring: ZNeighbourhoodQuery,
        response: { 200: ZNeighbourhood, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeNeighbourhood(app.store, await authorize(request, 'inventory:read'), request.params.id, request.query),
  );

  app.get(
    '/api/orgs/:org/external-organizations/:id/dependents',
    {
      schema: {
        tags: TAGS,
        summary: 'What breaks if this organization fails: every asset relying on it, directly or not, with distances',
        params: ZIdParams,
        querystring: ZTraversalQuery,
        response: { 200: ZBlastRadius, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeBlastRadius(app.store, await authorize(request, 'inventory:read'), request.params.id, request.query, 'organization'),
  );

  app.get(
    '/api/orgs/:org/assets/:id/upstream',
    {
      schema: {
        tags: TAGS,
        summary: 'Supply-chain view: everything the asset relies on, and the external organizations among them by tier',
        params: ZIdParams,
        querystring: ZTraversalQuery,
        response: { 200: ZUpstream, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeUpstream(app.store, await authorize(request, 'inventory:read'), request.params.id, request.query),
  );

  app.get(
    '/api/orgs/:org/assets/:id/protection',
    {
      schema: {
        tags: TAGS,
        summary: 'Effective confidentiality, integrity and availability requirements, with the chain that causes each',
        params: ZIdParams,
        response: { 200: ZProtection, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeProtection(app.store, await authorize(request, 'inventory:read'), request.params.id),
  );

  app.get(
    '/api/orgs/:org/assets/:id/single-points-of-failure',
    {
      schema: {
        tags: TAGS,
        summary: 'Assets and organizations whose failure alone cuts the asset off from something it needs',
        params: ZIdParams,
        querystring: ZSpofQuery,
        response: { 200: ZSinglePointsOfFailure, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeSinglePointsOfFailure(app.store, await authorize(request, 'inventory:read'), request.params.id, request.query),
  );

  app.get(
    '/api/orgs/:org/inventory/concentration',
    {
      schema: {
        tags: TAGS,
        summary: 'Concentration risk: what the most primary assets rely on (organizations and assets)',
        params: ZOrgParams,
        querystring: ZConcentrationQuery,
        response: { 200: ZConcentration, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computeConcentration(app.store, await authorize(request, 'inventory:read'), request.query),
  );

  app.get(
    '/api/orgs/:org/inventory/paths',
    {
      schema: {
        tags: TAGS,
        summary: 'Shortest paths between two nodes along dependencies (e.g. types=connects-to from the DMZ to a database)',
        params: ZOrgParams,
        querystring: ZPathsQuery,
        response: { 200: ZPaths, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => computePaths(app.store, await authorize(request, 'inventory:read'), request.query),
  );
};
