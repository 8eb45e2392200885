import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, plainJsonSerializer, problems, rememberedJsonSerializer } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { getHeatMap } from './heat-map.service.ts';
import { buildReport } from './report.service.ts';
import { ZHeatMap, ZHeatMapQuery, ZRegisterPage, ZRegisterQuery, ZReportQuery } from './register.schema.ts';
import { listRegister } from './register.service.ts';

const TAGS = ['risk register'];

export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/scenarios',
    {
      schema: {
        tags: TAGS,
        summary: 'The risk register: scenarios of one criteria set, filtered, sorted and paged, with the exact total',
        params: ZOrgParams,
        querystring: ZRegisterQuery,
        response: { 200: ZRegisterPage, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
      // A remembered page is the same object until the organization changes: serialised once.
      serializerCompiler: rememberedJsonSerializer,
    },
    async (request) => listRegister(app.store, await authorize(request, 'risk:read'), request.query),
  );

  app.get(
    '/api/orgs/:org/scenarios/heat-map',
    {
      schema: {
        tags: TAGS,
        summary: 'Heat map of one rating: scenarios counted per likelihood × consequence cell (the register’s filters apply)',
        params: ZOrgParams,
        querystring: ZHeatMapQuery,
        response: { 200: ZHeatMap, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => getHeatMap(app.store, await authorize(request, 'risk:read'), request.query),
  );

  app.get(
    '/api/orgs/:org/scenarios/report',
    {
      schema: {
        tags: TAGS,
        summary: 'Risk report of the (filtered) register as CSV, XLSX or PDF, as an attachment',
        params: ZOrgParams,
        querystring: ZReportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'],
        response: { 200: z.string().describe('The report file'), ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const report = await buildReport(app.store, await authorize(request, 'risk:read'), request.query);
      return reply
        .header('content-type', report.contentType)
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .send(report.body);
    },
  );
};
