import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../http/openapi-helpers.ts';
import { ZOrgParams } from '../orgs/orgs.schema.ts';
import { ZJob, ZJobList, ZJobParams } from './jobs.schema.ts';
import { cancelJob, getJob, listJobs } from './jobs.service.ts';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/jobs',
    { schema: { tags: ['jobs'], summary: 'Recent background jobs (imports, simulations…)', params: ZOrgParams, response: { 200: ZJobList, ...problems(...ORG_ROUTE_PROBLEMS) } } },
    async (request) => ({ items: await listJobs(app.store, await authorize(request, 'org:read')) }),
  );
  app.get(
    '/api/orgs/:org/jobs/:jobId',
    { schema: { tags: ['jobs'], summary: 'A job: status, progress, result or error', params: ZJobParams, response: { 200: ZJob, ...problems(...ORG_ROUTE_PROBLEMS) } } },
    async (request) => getJob(app.store, await authorize(request, 'org:read'), request.params.jobId),
  );
  app.post(
    '/api/orgs/:org/jobs/:jobId/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel a queued or running job; nothing it was writing is kept',
        params: ZJobParams,
        response: { 200: ZJob, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request) => cancelJob(app.store, await authorize(request, 'org:read'), request.params.jobId),
  );
};
