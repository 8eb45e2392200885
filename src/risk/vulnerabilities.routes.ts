import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { etagOf, expectedVersionOf } from '../inventory/write-kit.ts';
import { importEpssScores } from './epss-import.ts';
import { importKevCatalogue } from './kev-import.ts';
import {
  ZCreateVulnerability,
  ZEpssImportResult,
  ZKevImportResult,
  ZUpdateVulnerability,
  ZVulnerability,
  ZVulnerabilityList,
  ZVulnerabilityParams,
  ZVulnerabilityQuery,
} from './vulnerabilities.schema.ts';
import {
  createVulnerability,
  deleteVulnerability,
  getVulnerability,
  listVulnerabilities,
  updateVulnerability,
} from './vulnerabilities.service.ts';

const TAGS = ['vulnerabilities'];

/** The KEV catalogue is about 1.3 MB; FIRST's full EPSS file about 10 MB. */
const KEV_BODY_LIMIT = 16 * 1024 * 1024;
const EPSS_BODY_LIMIT = 32 * 1024 * 1024;

export const vulnerabilityRoutes: FastifyPluginAsyncZod = async (app) => {
  // FIRST publishes EPSS scores as CSV; this plugin's routes read it as text (the parser stays inside the plugin).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: EPSS_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.get(
    '/api/orgs/:org/vulnerabilities',
    {
      schema: {
        tags: TAGS,
        summary: 'Vulnerabilities with CVSS, EPSS, KEV status and affected assets; filtered and sorted (CVSS first by default)',
        params: ZOrgParams,
        querystring: ZVulnerabilityQuery,
        response: { 200: ZVulnerabilityList, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request) => listVulnerabilities(app.store.db, await authorize(request, 'risk:read'), request.query),
  );

  app.post(
    '/api/orgs/:org/vulnerabilities',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a vulnerability (CVSS version, score and severity are computed from the vector)',
        params: ZOrgParams,
        body: ZCreateVulnerability,
        response: { 201: ZVulnerability, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createVulnerability(app.store, await authorize(request, 'risk:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.post(
    '/api/orgs/:org/vulnerabilities/kev',
    {
      bodyLimit: KEV_BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Replace the organization’s copy of the CISA Known Exploited Vulnerabilities catalogue',
        description:
          'The body is known_exploited_vulnerabilities.json as CISA publishes it. A malformed file is a 422 naming each bad place; nothing is written.',
        params: ZOrgParams,
        body: z.unknown().describe('{ catalogVersion, count, vulnerabilities: [{ cveID, vendorProject, product, … }] }'),
        response: { 200: ZKevImportResult, ...problems(...ORG_ROUTE_PROBLEMS, 413, 422) },
      },
    },
    async (request) => importKevCatalogue(app.store, await authorize(request, 'risk:write'), request.body),
  );

  app.post(
    '/api/orgs/:org/vulnerabilities/epss',
    {
      bodyLimit: EPSS_BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: 'Set EPSS scores from FIRST’s daily CSV (text/csv) on the organization’s vulnerabilities',
        params: ZOrgParams,
        consumes: ['text/csv'],
        body: z.string().describe('#model_version:…,score_date:… then cve,epss,percentile rows'),
        response: { 200: ZEpssImportResult, ...problems(...ORG_ROUTE_PROBLEMS, 413, 422) },
      },
    },
    async (request) => importEpssScores(app.store, await authorize(request, 'risk:write'), request.body),
  );

  app.get(
    '/api/orgs/:org/vulnerabilities/:vulnerabilityId',
    {
      schema: {
        tags: TAGS,
        summary: 'A vulnerability',
        params: ZVulnerabilityParams,
        response: { 200: ZVulnerability, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const found = await getVulnerability(app.store.db, await authorize(request, 'risk:read'), request.params.vulnerabilityId);
      return reply.header('etag', etagOf(found.version)).send(found);
    },
  );

  app.patch(
    '/api/orgs/:org/vulnerabilities/:vulnerabilityId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change a vulnerability; assetIds replaces its assets (If-Match or version guards against concurrent edits)',
        params: ZVulnerabilityParams,
        body: ZUpdateVulnerability,
        response: { 200: ZVulnerability, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'risk:write');
      const { version, ...patch } = request.body;
      const updated = await updateVulnerability(
        app.store,
        access,
        request.params.vulnerabilityId,
        patch,
        expectedVersionOf(request, version),
      );
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/vulnerabilities/:vulnerabilityId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a vulnerability (refused while a risk scenario names it)',
        params: ZVulnerabilityParams,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteVulnerability(app.store, await authorize(request, 'risk:write'), request.params.vulnerabilityId);
      return reply.code(204).send(null);
    },
  );
};
