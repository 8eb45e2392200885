/**
 * The floor the audit list is measured against: bare Fastify (no auth, no zod, no swagger, no hooks) with
 * one route that runs the product's list SQL (auditListQuery, the very builder listAudit uses) straight on
 * the driver and returns the rows as JSON. Run as a child process by audit-list.ts:
 *
 *   FLOOR_PORT=… FLOOR_ORG_ID=… (DATABASE_URL=… | FLOOR_DATA_DIR=…) node --import tsx bench/http/floor-server.ts
 */
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import { auditListQuery } from '../../src/platform/audit/audit.store.ts';
import { acquireDataDirLock } from '../../src/platform/db/lock.ts';
import { floorPostgresStore, required } from './floor-kit.ts';

type RunQuery = (text: string, params: unknown[]) => Promise<unknown[]>;

async function openDriver(): Promise<{ run: RunQuery; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { store, close } = floorPostgresStore(url);
    return { run: (text, params) => store.query(text, params), close };
  }
  const dataDir = required('FLOOR_DATA_DIR');
  const release = acquireDataDirLock(dataDir);
  const client = await PGlite.create({ dataDir: path.join(dataDir, 'pg') });
  return {
    run: async (text, params) => (await client.query(text, params)).rows,
    close: async () => {
      await client.close();
      release();
    },
  };
}

const orgId = required('FLOOR_ORG_ID');
const driver = await openDriver();
const app = Fastify({ logger: false });

app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/audit', async (request) => {
  const query = request.query as Record<string, string | undefined>;
  // The product fetches one row more than the page to know whether there is a next page.
  const { text, params } = auditListQuery(orgId, {
    action: query.action,
    targetType: query.targetType,
    limit: Number(query.limit ?? 50) + 1,
  });
  return driver.run(text, params);
});

const shutdown = async (): Promise<void> => {
  await app.close();
  await driver.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

await app.listen({ port: Number(required('FLOOR_PORT')), host: '127.0.0.1' });
