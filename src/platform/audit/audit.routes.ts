import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors/catalogue.ts';
import { authenticate, authorize } from '../http/guard.ts';
import { ensureInstanceOrg } from '../orgs/orgs.service.ts';
import { ORG_ROUTE_PROBLEMS, plainJsonSerializer, problems } from '../http/openapi-helpers.ts';
import { ZOrgParams } from '../orgs/orgs.schema.ts';
import { ZAuditPage, ZAuditQuery, ZChainVerification } from './audit.schema.ts';
import { listAuditEntries, verifyOrgChain } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/audit',
    {
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered and keyset-paged',
        params: ZOrgParams,
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listAuditEntries(app.store, await authorize(request, 'audit:read'), request.query),
  );

  app.get(
    '/api/orgs/:org/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: "Verify the organization's hash chain end to end",
        params: ZOrgParams,
        response: { 200: ZChainVerification, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => verifyOrgChain(app.store, (await authorize(request, 'audit:read')).orgId),
  );

  app.get(
    '/api/instance/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The instance's own trail (accounts, sign-ins, organizations moved): instance administrators only",
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = await authenticate(request);
      // Not an instance administrator: as for any organization one is not part of, the trail does not exist.
      if (principal.kind !== 'session' || !principal.user.isInstanceAdmin) throw new AppError('NOT_FOUND', 'Organization not found');
      const orgId = await ensureInstanceOrg(app.store.db);
      return listAuditEntries(app.store, { orgId }, request.query);
    },
  );
};
