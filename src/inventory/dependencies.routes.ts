import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { getAssetDetail } from './asset-detail.service.ts';
import {
  ZAssetDependencies,
  ZCreateAssetDependency,
  ZCreateDependency,
  ZDependency,
  ZDependencyPage,
  ZDependencyQuery,
  ZUpdateDependency,
} from './dependencies.schema.ts';
import { getDependency, listDependencies } from './dependencies.read.ts';
import { createDependency, deleteDependency, updateDependency } from './dependencies.service.ts';
import { ZIdParams } from './inventory.schema.ts';

const TAGS = ['dependencies'];
const WRITE_PROBLEMS = [...ORG_ROUTE_PROBLEMS, 409, 422] as const;

export const dependencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/dependencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Dependencies (source relies on target), filtered and keyset-paged',
        params: ZOrgParams,
        querystring: ZDependencyQuery,
        response: { 200: ZDependencyPage, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listDependencies(app.store, await authorize(request, 'inventory:read'), request.query),
  );

  app.post(
    '/api/orgs/:org/dependencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a dependency: an asset relies on an asset or an external organization (cycles allowed, self-loops not)',
        params: ZOrgParams,
        body: ZCreateDependency,
        response: { 201: ZDependency, ...problems(...WRITE_PROBLEMS) },
      },
    },
    async (request, reply) => reply.code(201).send(await createDependency(app.store, await authorize(request, 'inventory:write'), request.body)),
  );

  app.get(
    '/api/orgs/:org/dependencies/:id',
    { schema: { tags: TAGS, summary: 'A dependency', params: ZIdParams, response: { 200: ZDependency, ...problems(...ORG_ROUTE_PROBLEMS) } } },
    async (request) => getDependency(app.store.db, await authorize(request, 'inventory:read'), request.params.id),
  );

  app.patch(
    '/api/orgs/:org/dependencies/:id',
    {
      schema: {
        tags: TAGS,
        summary: "Change a dependency's type or description",
        params: ZIdParams,
        body: ZUpdateDependency,
        response: { 200: ZDependency, ...problems(...WRITE_PROBLEMS) },
      },
    },
    async (request) => updateDependency(app.store, await authorize(request, 'inventory:write'), request.params.id, request.body),
  );

  app.delete(
    '/api/orgs/:org/dependencies/:id',
    { schema: { tags: TAGS, summary: 'Delete a dependency', params: ZIdParams, response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS) } } },
    async (request, reply) => {
      await deleteDependency(app.store, await authorize(request, 'inventory:write'), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/orgs/:org/assets/:id/dependencies',
    {
      schema: {
        tags: TAGS,
        summary: 'What the asset relies on and what relies on it (the first 500 each way)',
        params: ZIdParams,
        response: { 200: ZAssetDependencies, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => {
      const { dependsOn, dependents, dependsOnCount, dependentsCount } = await getAssetDetail(app.store, await authorize(request, 'inventory:read'), request.params.id);
      return { dependsOn, dependents, dependsOnCount, dependentsCount };
    },
  );

  app.post(
    '/api/orgs/:org/assets/:id/dependencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a dependency of this asset on an asset or an external organization',
        params: ZIdParams,
        body: ZCreateAssetDependency,
        response: { 201: ZDependency, ...problems(...WRITE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'inventory:write');
      return reply.code(201).send(await createDependency(app.store, access, { ...request.body, sourceId: request.params.id }, 'path'));
    },
  );
};
