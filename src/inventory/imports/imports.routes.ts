import { Readable } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../../platform/http/openapi-helpers.ts';
import { ZJob } from '../../platform/jobs/jobs.schema.ts';
import { exportCsv, exportJson } from './inventory-export.ts';
import { IMPORT_BODY_LIMIT, ZExportQuery, ZImportPreview, ZImportRequest, ZOrgOnlyParams } from './import.schema.ts';
import { previewImport, queueImport } from './import.service.ts';

const TAGS = ['inventory'];

export const inventoryImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/orgs/:org/inventory/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Import assets, dependencies and external organizations from CSV, Bulwark JSON or a CycloneDX SBOM',
        description:
          'dryRun: 200 with what the import would do (nothing written). Otherwise the file is checked (422 IMPORT_UNREADABLE or ' +
          'IMPORT_INVALID naming each bad record, nothing queued) and an `inventory.import` job is queued: 202 with the job, ' +
          'Location pointing at it. The job writes everything in one transaction; re-importing a file changes nothing.',
        params: ZOrgOnlyParams,
        body: ZImportRequest,
        response: { 200: ZImportPreview, 202: z.object({ job: ZJob }), ...problems(...ORG_ROUTE_PROBLEMS, 413, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'inventory:write');
      if (request.body.dryRun) return reply.code(200).send(await previewImport(app.store, access, request.body));
      const job = await queueImport(app.store, access, request.body);
      return reply.code(202).header('location', `/api/orgs/${access.orgSlug}/jobs/${job.id}`).send({ job });
    },
  );

  app.get(
    '/api/orgs/:org/inventory/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Export the inventory as CSV (one entity, the import’s columns) or Bulwark JSON (everything); streamed',
        params: ZOrgOnlyParams,
        querystring: ZExportQuery,
        response: { 200: z.string().describe('text/csv or application/json, as an attachment'), ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'inventory:read');
      const { format, entity } = request.query;
      const stamp = new Date().toISOString().slice(0, 10);
      const filename = format === 'csv' ? `${access.orgSlug}-${entity}-${stamp}.csv` : `${access.orgSlug}-inventory-${stamp}.json`;
      const body = Readable.from(format === 'csv' ? exportCsv(app.store, access.orgId, entity) : exportJson(app.store, access.orgId));
      return reply
        .header('content-disposition', `attachment; filename="${filename}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .send(body);
    },
  );
};
