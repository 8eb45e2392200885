import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { etagOf, expectedVersionOf } from '../inventory/write-kit.ts';
import { ZJob } from '../platform/jobs/jobs.schema.ts';
import { previewAttackImport, queueAttackImport } from './attack-import.service.ts';
import {
  ZAttackImportQuery,
  ZAttackImportSummary,
  ZCreateThreat,
  ZThreat,
  ZThreatList,
  ZThreatParams,
  ZThreatQuery,
  ZThreatRelations,
  ZUpdateThreat,
} from './threats.schema.ts';
import { createThreat, deleteThreat, getThreat, listThreatRelations, listThreats, updateThreat } from './threats.service.ts';

const TAGS = ['threats'];

/** ATT&CK bundles: ICS is 3.5 MB, Enterprise about 45 MB. */
export const ATTACK_BODY_LIMIT = 64 * 1024 * 1024;

export const threatRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/threats',
    {
      schema: {
        tags: TAGS,
        summary: 'Threats: risk sources, threat events and imported ATT&CK objects, filtered by kind, category, origin, text',
        params: ZOrgParams,
        querystring: ZThreatQuery,
        response: { 200: ZThreatList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listThreats(app.store, await authorize(request, 'risk:read'), request.query),
  );

  app.post(
    '/api/orgs/:org/threats',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a risk source (with its category) or a threat event of your own',
        params: ZOrgParams,
        body: ZCreateThreat,
        response: { 201: ZThreat, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createThreat(app.store, await authorize(request, 'risk:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.post(
    '/api/orgs/:org/threats/imports/attack',
    {
      bodyLimit: ATTACK_BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Import a MITRE ATT&CK STIX 2.1 bundle (techniques, groups, software, tactics, mitigations and their relations)',
        description:
          'The body is the bundle as MITRE publishes it. It is checked first: a malformed bundle is a 422 naming each bad place ' +
          '(e.g. body.objects.12.name) and nothing is queued or written. dryRun=true answers 200 with the summary of what the ' +
          'import would do and writes nothing. Otherwise a `threat.attack-import` job is queued: 202 with the job, Location ' +
          'pointing at it. The job matches objects by STIX id (a new one is added, a changed one updated in place, an unchanged ' +
          'one left alone), writes everything in one transaction, and its result is the same summary.',
        params: ZOrgParams,
        querystring: ZAttackImportQuery,
        body: z.unknown().describe('A STIX 2.1 bundle: { "type": "bundle", "objects": [...] }'),
        response: { 200: ZAttackImportSummary, 202: z.object({ job: ZJob }), ...problems(...ORG_ROUTE_PROBLEMS, 413, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      if (request.query.dryRun) return reply.code(200).send(await previewAttackImport(app.store, access, request.body));
      const job = await queueAttackImport(app.store, access, request.body);
      return reply.code(202).header('location', `/api/orgs/${access.orgSlug}/jobs/${job.id}`).send({ job });
    },
  );

  app.get(
    '/api/orgs/:org/threats/:threatId',
    {
      schema: {
        tags: TAGS,
        summary: 'A threat',
        params: ZThreatParams,
        response: { 200: ZThreat, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const threat = await getThreat(app.store.db, await authorize(request, 'risk:read'), request.params.threatId);
      return reply.header('etag', etagOf(threat.version)).send(threat);
    },
  );

  app.get(
    '/api/orgs/:org/threats/:threatId/relations',
    {
      schema: {
        tags: TAGS,
        summary: 'Threats related to this one (uses, mitigates, subtechnique-of, attributed-to, targets), both directions',
        params: ZThreatParams,
        response: { 200: ZThreatRelations, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listThreatRelations(app.store.db, await authorize(request, 'risk:read'), request.params.threatId),
  );

  app.patch(
    '/api/orgs/:org/threats/:threatId',
    {
      schema: {
        tags: TAGS,
        summary:
          'Change a threat of your own (imported entries change only by re-import; If-Match or version guards against concurrent edits)',
        params: ZThreatParams,
        body: ZUpdateThreat,
        response: { 200: ZThreat, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...patch } = request.body;
      const updated = await updateThreat(app.store, access, request.params.threatId, patch, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/threats/:threatId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a threat (refused while a risk scenario names it)',
        params: ZThreatParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteThreat(app.store, await authorize(request, 'risk:write'), request.params.threatId);
      return reply.code(204).send(null);
    },
  );
};
