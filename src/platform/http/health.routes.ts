import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors/catalogue.ts';
import { ZProblem } from './openapi-helpers.ts';

/** Liveness (the process answers) and readiness (the database answers too). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: { 200: z.object({ status: z.literal('ready'), store: z.enum(['embedded', 'postgres']) }), 503: ZProblem },
      },
    },
    async () => {
      try {
        await app.store.ping();
      } catch (error) {
        throw new AppError('STORE_UNAVAILABLE', 'The database does not answer', { cause: error });
      }
      return { status: 'ready' as const, store: app.store.kind };
    },
  );
};
