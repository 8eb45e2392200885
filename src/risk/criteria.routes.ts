import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { ZCriteriaDefinition } from './criteria.definition.ts';
import {
  ZCreateCriteria,
  ZCriteria,
  ZCriteriaList,
  ZCriteriaParams,
  ZCriteriaVersionParams,
  ZExportQuery,
  ZImportCriteria,
  ZImportResult,
  ZReviseCriteria,
} from './criteria.schema.ts';
import {
  createCriteria,
  exportCriteria,
  getCriteria,
  importCriteria,
  listCriteria,
  makeDefaultCriteria,
  reviseCriteria,
} from './criteria.service.ts';
import { CRITERIA_TEMPLATES, criteriaTemplate } from './criteria.templates.ts';

const TAGS = ['risk criteria'];

export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/risk/criteria',
    {
      schema: {
        tags: TAGS,
        summary: 'Risk criteria sets (scales, matrix, acceptance rules), current versions',
        params: ZOrgParams,
        response: { 200: ZCriteriaList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listCriteria(app.store, await authorize(request, 'risk:read')) }),
  );

  app.get(
    '/api/orgs/:org/risk/criteria/templates',
    {
      schema: {
        tags: TAGS,
        summary: 'The built-in 5×5, 4×4 and 3×3 criteria to start from',
        params: ZOrgParams,
        response: {
          200: z.object({ items: z.array(z.object({ template: z.enum(CRITERIA_TEMPLATES), definition: ZCriteriaDefinition })) }),
          ...problems(...ORG_ROUTE_PROBLEMS),
        },
      },
    },
    async (request) => {
      await authorize(request, 'risk:read');
      return { items: CRITERIA_TEMPLATES.map((template) => ({ template, definition: criteriaTemplate(template) })) };
    },
  );

  app.post(
    '/api/orgs/:org/risk/criteria',
    {
      schema: {
        tags: TAGS,
        summary: 'Create criteria from a template or a full definition (version 1)',
        params: ZOrgParams,
        body: ZCreateCriteria,
        response: { 201: ZCriteria, ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCriteria(app.store, await authorize(request, 'risk:criteria'), request.body)),
  );

  app.post(
    '/api/orgs/:org/risk/criteria/import',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: TAGS,
        summary: 'Import criteria: a Bulwark export, or a CISO Assistant library (each risk matrix becomes a set)',
        params: ZOrgParams,
        body: ZImportCriteria,
        response: { 200: ZImportResult, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request) => importCriteria(app.store, await authorize(request, 'risk:criteria'), request.body),
  );

  app.get(
    '/api/orgs/:org/risk/criteria/:criteriaId',
    {
      schema: {
        tags: TAGS,
        summary: 'Risk criteria at their current version',
        params: ZCriteriaParams,
        response: { 200: ZCriteria, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getCriteria(app.store.db, await authorize(request, 'risk:read'), request.params.criteriaId),
  );

  app.get(
    '/api/orgs/:org/risk/criteria/:criteriaId/versions/:version',
    {
      schema: {
        tags: TAGS,
        summary: 'One past or current version of risk criteria',
        params: ZCriteriaVersionParams,
        response: { 200: ZCriteria, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getCriteria(app.store.db, await authorize(request, 'risk:read'), request.params.criteriaId, request.params.version),
  );

  app.post(
    '/api/orgs/:org/risk/criteria/:criteriaId/versions',
    {
      schema: {
        tags: TAGS,
        summary: 'Revise criteria: adds a version; assessments made with earlier versions keep theirs',
        params: ZCriteriaParams,
        body: ZReviseCriteria,
        response: { 201: ZCriteria, ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reviseCriteria(app.store, await authorize(request, 'risk:criteria'), request.params.criteriaId, request.body)),
  );

  app.post(
    '/api/orgs/:org/risk/criteria/:criteriaId/default',
    {
      schema: {
        tags: TAGS,
        summary: 'Use these criteria for new assessments',
        params: ZCriteriaParams,
        response: { 200: ZCriteria, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => makeDefaultCriteria(app.store, await authorize(request, 'risk:criteria'), request.params.criteriaId),
  );

  app.get(
    '/api/orgs/:org/risk/criteria/:criteriaId/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Download criteria as a Bulwark JSON export or a CISO Assistant library YAML',
        params: ZCriteriaParams,
        querystring: ZExportQuery,
        produces: ['application/json', 'application/yaml'],
        response: { 200: z.string().describe('The file'), ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const file = await exportCriteria(
        app.store,
        await authorize(request, 'risk:read'),
        request.params.criteriaId,
        request.query.format,
        request.query.version,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .serializer((body: string) => body)
        .send(file.body);
    },
  );
};
