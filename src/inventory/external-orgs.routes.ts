import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import {
  ZCreateExternalOrganization,
  ZExternalOrganization,
  ZExternalOrganizationQuery,
  ZUpdateExternalOrganization,
} from './external-orgs.schema.ts';
import {
  createExternalOrganization,
  deleteExternalOrganization,
  getExternalOrganization,
  listExternalOrganizations,
  updateExternalOrganization,
} from './external-orgs.service.ts';
import { ZCascadeQuery, ZIdParams } from './inventory.schema.ts';
import { etagOf, expectedVersionOf } from './write-kit.ts';

const TAGS = ['external organizations'];

export const externalOrganizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/external-organizations',
    {
      schema: {
        tags: TAGS,
        summary: 'Organizations you relate to (suppliers, providers, regulators, CSIRTs, peers), by name',
        params: ZOrgParams,
        querystring: ZExternalOrganizationQuery,
        response: { 200: z.object({ items: z.array(ZExternalOrganization) }), ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listExternalOrganizations(app.store, await authorize(request, 'inventory:read'), request.query) }),
  );

  app.post(
    '/api/orgs/:org/external-organizations',
    {
      schema: {
        tags: TAGS,
        summary: 'Add an external organization (names are unique, case-insensitively)',
        params: ZOrgParams,
        body: ZCreateExternalOrganization,
        response: { 201: ZExternalOrganization, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createExternalOrganization(app.store, await authorize(request, 'inventory:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.get(
    '/api/orgs/:org/external-organizations/:id',
    {
      schema: { tags: TAGS, summary: 'An external organization', params: ZIdParams, response: { 200: ZExternalOrganization, ...problems(...ORG_ROUTE_PROBLEMS) } },
    },
    async (request, reply) => {
      const found = await getExternalOrganization(app.store.db, await authorize(request, 'inventory:read'), request.params.id);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  );

  app.patch(
    '/api/orgs/:org/external-organizations/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Change an external organization (If-Match or version guards against concurrent edits)',
        params: ZIdParams,
        body: ZUpdateExternalOrganization,
        response: { 200: ZExternalOrganization, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'inventory:write');
      const { version, ...patch } = request.body;
      const updated = await updateExternalOrganization(app.store, access, request.params.id, patch, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/external-organizations/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete an external organization; refused (409) while assets or dependencies reference it, unless cascade=true',
        params: ZIdParams,
        querystring: ZCascadeQuery,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteExternalOrganization(app.store, await authorize(request, 'inventory:write'), request.params.id, request.query.cascade);
      return reply.code(204).send(null);
    },
  );
};
