import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../http/openapi-helpers.ts';
import { ZOrgParams } from '../orgs/orgs.schema.ts';
import { ZApiToken, ZCreatedToken, ZCreateToken, ZTokenParams } from './tokens.schema.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'API tokens: all of them for administrators and auditors, your own otherwise',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZApiToken) }), ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => ({ items: await listTokens(app.store, await authorize(request, 'org:read')) }),
  );

  app.post(
    '/api/orgs/:org/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token for yourself, bound to this organization; the secret is shown once',
        params: ZOrgParams,
        body: ZCreateToken,
        response: { 201: ZCreatedToken, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'tokens:manage-own');
      const { expiresAt, ...rest } = request.body;
      return reply.code(201).send(await createToken(app.store, access, { ...rest, expiresAt: expiresAt ? new Date(expiresAt) : undefined }));
    },
  );

  app.delete(
    '/api/orgs/:org/tokens/:tokenId',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token (yours, or any for administrators)',
        params: ZTokenParams,
        response: { 200: ZApiToken, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => revokeToken(app.store, await authorize(request, 'tokens:manage-own'), request.params.tokenId),
  );
};
