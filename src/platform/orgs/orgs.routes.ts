import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/access.ts';
import { AppError } from '../errors/catalogue.ts';
import { authenticate, authorize } from '../http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../http/openapi-helpers.ts';
import { ZAddMember, ZAddMemberResult, ZChangeRole, ZCreateOrganization, ZMember, ZMemberParams, ZOrganization, ZOrganizationSummary, ZOrgParams } from './orgs.schema.ts';
import { createOrganization, getOrganizationSummary, listOrganizationsFor } from './orgs.service.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from './members.service.ts';

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs',
    { schema: { tags: ['organizations'], summary: 'Organizations you can open', response: { 200: z.object({ items: z.array(ZOrganization) }), ...problems(401) } } },
    async (request) => ({ items: await listOrganizationsFor(app.store, await authenticate(request)) }),
  );

  app.post(
    '/api/orgs',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Create an organization (instance administrators); you become its owner',
        body: ZCreateOrganization,
        response: { 201: ZOrganization, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const principal = await authenticate(request);
      if (principal.kind !== 'session' || !principal.user.isInstanceAdmin) throw new AppError('FORBIDDEN', 'Only instance administrators create organizations');
      const org = await createOrganization(app.store, actorOf(principal), { ...request.body, ownerUserId: principal.user.id }, request.id);
      return reply.code(201).send({ ...org, createdAt: org.createdAt.toISOString(), role: 'owner' as const });
    },
  );

  app.get(
    '/api/orgs/:org',
    {
      schema: {
        tags: ['organizations'],
        summary: 'The organization, your role in it, and its headline figures',
        params: ZOrgParams,
        response: { 200: ZOrganizationSummary, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => getOrganizationSummary(app.store, await authorize(request, 'org:read')),
  );

  app.get(
    '/api/orgs/:org/members',
    { schema: { tags: ['members'], summary: 'Members and their roles', params: ZOrgParams, response: { 200: z.object({ items: z.array(ZMember) }), ...problems(...ORG_ROUTE_PROBLEMS) } } },
    async (request) => ({ items: await listMembers(app.store, await authorize(request, 'members:read')) }),
  );

  app.post(
    '/api/orgs/:org/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Add a person with a role; a new account gets a one-time password, returned once',
        params: ZOrgParams,
        body: ZAddMember,
        response: { 201: ZAddMemberResult, ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await addMember(app.store, await authorize(request, 'members:manage'), request.body)),
  );

  app.patch(
    '/api/orgs/:org/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role (revokes their tokens in this organization)",
        params: ZMemberParams,
        body: ZChangeRole,
        response: { 200: ZMember, ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request) => changeMemberRole(app.store, await authorize(request, 'members:manage'), request.params.userId, request.body.role),
  );

  app.delete(
    '/api/orgs/:org/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member (revokes their tokens in this organization)',
        params: ZMemberParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 422) },
      },
    },
    async (request, reply) => {
      await removeMember(app.store, await authorize(request, 'members:manage'), request.params.userId);
      return reply.code(204).send(null);
    },
  );
};
