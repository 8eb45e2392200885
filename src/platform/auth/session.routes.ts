import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticate } from '../http/guard.ts';
import { problems } from '../http/openapi-helpers.ts';
import { listOrganizationsFor } from '../orgs/orgs.service.ts';
import { ZEmail, ZOrganization } from '../orgs/orgs.schema.ts';
import { SESSION_COOKIE } from './principal.ts';
import { signIn, signOut } from './session.service.ts';

const ZSessionView = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), isInstanceAdmin: z.boolean() }),
  csrfToken: z.string().nullable().describe('Echo in X-CSRF-Token on every state-changing request made with the cookie'),
  organizations: z.array(ZOrganization),
});

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { rateLimit: { max: app.config.signInPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.strictObject({ email: ZEmail, password: z.string().min(1).max(1024) }),
        response: { 200: ZSessionView, ...problems(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const session = await signIn(app.store, { ...request.body, ttlHours: app.config.sessionTtlHours, requestId: request.id });
      reply.setCookie(SESSION_COOKIE, session.secret, {
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.secureCookies,
        path: '/',
        expires: session.expiresAt,
      });
      const principal = { kind: 'session' as const, user: session.user, sessionHash: '', csrfToken: session.csrfToken };
      return { user: session.user, csrfToken: session.csrfToken, organizations: await listOrganizationsFor(app.store, principal) };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), ...problems(401, 403) } } },
    async (request, reply) => {
      const principal = await authenticate(request);
      if (principal.kind === 'session') await signOut(app.store, principal.sessionHash, principal.user, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who am I: the user, the CSRF token and my organizations', response: { 200: ZSessionView, ...problems(401) } } },
    async (request) => {
      const principal = await authenticate(request);
      return {
        user: principal.user,
        csrfToken: principal.kind === 'session' ? principal.csrfToken : null,
        organizations: await listOrganizationsFor(app.store, principal),
      };
    },
  );
};
