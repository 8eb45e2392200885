import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { settleTokenCheck } from '../auth/token-check.ts';
import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors/catalogue.ts';
import { newId } from '../util/ids.ts';
import { prepareProblem, sendProblem } from './problem.ts';
import { routeModules } from './routes.ts';

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

export const OPENAPI_INFO = {
  title: 'Bulwark API',
  version: '0.1.0',
  description:
    'Cybersecurity management: cyberspace inventory, risk, controls, incidents and information sharing. ' +
    'Authenticate with a session cookie (plus X-CSRF-Token on writes) or `Authorization: Bearer <API token>`. ' +
    'Errors are RFC 9457 problem+json documents with a stable `code`.',
};

/**
 * Builds the HTTP application around an open store. It does not listen: `serve` does, and tests use inject().
 * The logger option lets tests stay quiet and `serve` log JSON lines.
 */
export async function buildApp(store: Store, config: Config, options: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    // Off: Fastify would trust any incoming header verbatim; genReqId keeps it only when it looks sane.
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('store', store);
  app.decorate('config', config);
  app.decorateRequest('principal', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) reply.header('x-frame-options', 'DENY');
    // A read request's token check that no query settled is settled now, before anything is sent. A failure
    // replaces the response (a hook's error would skip the problem+json handler). A 5xx has nothing to withhold.
    const check = request.principal?.kind === 'token' ? request.principal.pendingCheck : undefined;
    if (!check || check.settled) return payload;
    if (reply.statusCode >= 500) {
      check.settled = true;
      return payload;
    }
    try {
      await settleTokenCheck(store, check);
      return payload;
    } catch (error) {
      reply.removeHeader('content-disposition');
      return JSON.stringify(prepareProblem(request, reply, error));
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (bwk_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'bulwark_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of routeModules) await app.register(routes);

  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    // Any other GET is a client-side route of the single-page app.
    if (!isApi && hasWeb && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(indexHtml));
    }
    return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', `No endpoint ${request.method} ${request.url.split('?')[0]}`));
  });

  return app;
}
