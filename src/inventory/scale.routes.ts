import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { ZPutScale, ZScale } from './scale.schema.ts';
import { getScale, setScale } from './scale.service.ts';

export const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/inventory/scale',
    {
      schema: {
        tags: ['inventory'],
        summary: 'The protection scale for confidentiality, integrity and availability requirements',
        params: ZOrgParams,
        response: { 200: ZScale, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getScale(app.store, await authorize(request, 'inventory:read')),
  );

  app.put(
    '/api/orgs/:org/inventory/scale',
    {
      schema: {
        tags: ['inventory'],
        summary: 'Replace the protection scale (2–10 named levels, lowest first)',
        params: ZOrgParams,
        body: ZPutScale,
        response: { 200: ZScale, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request) => setScale(app.store, await authorize(request, 'inventory:write'), request.body),
  );
};
