import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authorize } from '../platform/http/guard.ts';
import { ORG_ROUTE_PROBLEMS, problems, rememberedJsonSerializer } from '../platform/http/openapi-helpers.ts';
import { ZOrgParams } from '../platform/orgs/orgs.schema.ts';
import { getAssetDetail } from './asset-detail.service.ts';
import { listAssets } from './assets-list.ts';
import { ZAsset, ZAssetDetail, ZAssetPage, ZAssetQuery, ZCreateAsset, ZUpdateAsset } from './assets.schema.ts';
import { createAsset, deleteAsset, updateAsset } from './assets.service.ts';
import { ZCascadeQuery, ZIdParams } from './inventory.schema.ts';
import { etagOf, expectedVersionOf } from './write-kit.ts';

const TAGS = ['assets'];

export const assetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/:org/assets',
    {
      schema: {
        tags: TAGS,
        summary: 'Assets: filtered, searched, sorted and keyset-paged in the store',
        params: ZOrgParams,
        querystring: ZAssetQuery,
        response: { 200: ZAssetPage, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
      // listAssets builds exactly ZAssetPage (presentAsset), and a remembered page is serialised once.
      serializerCompiler: rememberedJsonSerializer,
    },
    async (request) => listAssets(app.store, await authorize(request, 'inventory:read'), request.query),
  );

  app.post(
    '/api/orgs/:org/assets',
    {
      schema: {
        tags: TAGS,
        summary: 'Add an asset',
        params: ZOrgParams,
        body: ZCreateAsset,
        response: { 201: ZAsset, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await createAsset(app.store, await authorize(request, 'inventory:write'), request.body);
      return reply.code(201).header('etag', etagOf(created.version)).send(created);
    },
  );

  app.get(
    '/api/orgs/:org/assets/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'An asset with its operating organization and its dependencies both ways',
        params: ZIdParams,
        response: { 200: ZAssetDetail, ...problems(...ORG_ROUTE_PROBLEMS) },
      },
    },
    async (request, reply) => {
      const asset = await getAssetDetail(app.store, await authorize(request, 'inventory:read'), request.params.id);
      return reply.header('etag', etagOf(asset.version)).send(asset);
    },
  );

  app.patch(
    '/api/orgs/:org/assets/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Change an asset; with If-Match or version, a stale edit gets 409 VERSION_CONFLICT',
        params: ZIdParams,
        body: ZUpdateAsset,
        response: { 200: ZAsset, ...problems(...ORG_ROUTE_PROBLEMS, 409, 422) },
      },
    },
    async (request, reply) => {
      const access = await authorize(request, 'inventory:write');
      const { version, ...patch } = request.body;
      const updated = await updateAsset(app.store, access, request.params.id, patch, expectedVersionOf(request, version));
      return reply.header('etag', etagOf(updated.version)).send(updated);
    },
  );

  app.delete(
    '/api/orgs/:org/assets/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete an asset; refused (409, with the count) while dependencies touch it, unless cascade=true',
        params: ZIdParams,
        querystring: ZCascadeQuery,
        response: { 204: z.null(), ...problems(...ORG_ROUTE_PROBLEMS, 409) },
      },
    },
    async (request, reply) => {
      await deleteAsset(app.store, await authorize(request, 'inventory:write'), request.params.id, request.query.cascade);
      return reply.code(204).send(null);
    },
  );
};
