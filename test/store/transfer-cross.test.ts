import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { migrateEmbedded } from '../../src/platform/db/migrate.ts';
import { openEmbeddedStore, type Store } from '../../src/platform/db/store.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { bearer, testConfig } from '../support/test-app.ts';
import { createTestStore, TEST_STORE_KIND, type TestStore } from '../support/test-store.ts';
import { buildTenant, comparable, exportText, importText } from '../support/transfer-fixture.ts';

/**
 * Moving a tenant between the two kinds of store: the path users take when they outgrow the embedded
 * store, and back. Needs PostgreSQL, so it runs in the store project only (createTestStore is PostgreSQL there).
 */
describe.runIf(TEST_STORE_KIND === 'postgres')('tenant transfer between embedded and PostgreSQL stores', () => {
  let embedded: Store;
  let postgres: TestStore;

  beforeAll(async () => {
    embedded = await openEmbeddedStore(undefined);
    await migrateEmbedded(embedded);
    postgres = await createTestStore();
  });
  afterAll(async () => {
    await embedded?.close();
    await postgres?.dispose();
  });

  async function expectTokenWorks(store: Store, slug: string, token: string): Promise<void> {
    const app = await buildApp(store, testConfig());
    try {
      const response = await app.inject({ method: 'GET', url: `/api/orgs/${slug}`, headers: bearer(token) });
      expect(response.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  }

  it.each([
    ['embedded → PostgreSQL', () => embedded, () => postgres.store],
    ['PostgreSQL → embedded', () => postgres.store, () => embedded],
  ])('%s: the re-export is byte-identical, the chain verifies and tokens work', async (_name, from, to) => {
    const tenant = await buildTenant(from());
    const file = await exportText(from(), tenant.org.slug);
    const summary = await importText(to(), file);
    const again = await exportText(to(), tenant.org.slug);
    expect(JSON.parse(again.slice(0, again.indexOf('\n'))).sourceStore).toBe(to().kind);
    expect(comparable(again)).toBe(comparable(file));
    expect(await verifyOrgChain(to(), tenant.org.orgId)).toMatchObject({ ok: true, entries: summary.counts.audit_entries });
    await expectTokenWorks(to(), tenant.org.slug, tenant.viewerToken);
  });
});
