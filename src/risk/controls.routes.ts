import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { etagOf, expectedVersionOf } from '../inventory/write-kit.ts';
import { ZControl, ZControlList, ZControlParams, ZControlQuery, ZCreateControl, ZUpdateControl } from './controls.schema.ts';
import { createControl, deleteControl, getControl, listControls, updateControl } from './controls.service.ts';

const TAGS = ['applied controls'];

export const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/controls',
    {
      schema: {
        tags: TAGS,
        summary: 'Applied controls: the organization’s own measures, filtered by status, 27002 attributes, owner, overdue, text',
        params: ZOrgParams,
        querystring: ZControlQuery,
        response: { 200: ZControlList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listControls(app.store, await authorize(request, 'controls:read'), request.query),
  );

  app.post(
    '/api/orgs/:org/controls',
    {
      schema: {
        tags: TAGS,
        summary: 'Add an applied control',
        params: ZOrgParams,
        body: ZCreateControl,
        response: { 201: ZControl, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createControl(app.store, await authorize(request, 'controls:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.get(
    '/api/orgs/:org/controls/:controlId',
    {
      schema: {
        tags: TAGS,
        summary: 'An applied control',
        params: ZControlParams,
        response: { 200: ZControl, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const control = await getControl(app.store.db, await authorize(request, 'controls:read'), request.params.controlId);
      return reply.header('etag', etagOf(control.version)).send(control);
    },
  );

  app.patch(
    '/api/orgs/:org/controls/:controlId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change an applied control (If-Match or version guards against concurrent edits)',
        params: ZControlParams,
        body: ZUpdateControl,
        response: { 200: ZControl, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'controls:write');
      const { version, ...patch } = request.body;
      const updated = await updateControl(app.store, access, request.params.controlId, patch, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/controls/:controlId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete an applied control',
        params: ZControlParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteControl(app.store, await authorize(request, 'controls:write'), request.params.controlId);
      return reply.code(204).send(null);
    },
  );
};
