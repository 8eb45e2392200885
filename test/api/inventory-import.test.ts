import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/platform/jobs/job-runner.ts';
import { jobHandlers } from '../../src/platform/jobs/handlers.ts';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';
import { auditHead, inventoryClient, inventoryCounts, type InventoryClient } from '../fixtures/inventory/client.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/inventory/imports');

let ctx: TestContext;
let org: OrgFixture;
let api: InventoryClient;
let viewer: InventoryClient;
let outsider: InventoryClient;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  api = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'risk-manager')).token);
  viewer = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, org, 'viewer')).token);
  const stranger = await buildOrg(ctx.store);
  outsider = inventoryClient(ctx.app, org.slug, (await memberToken(ctx.store, stranger, 'owner')).token);
});
afterAll(() => ctx.dispose());

interface Job {
  id: string;
  status: string;
  result: { assets: Counts; dependencies: Counts; externalOrganizations: Counts; skipped: { line: number | null; message: string }[]; skippedRecords: number } | null;
  error: string | null;
  progress: { done: number; total: number | null };
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

const jobCount = async (): Promise<number> => (await ctx.store.query<{ n: number }>("select count(*)::int as n from jobs where kind = 'inventory.import'"))[0]!.n;

/** POSTs a real import, checks 202 + Location, runs the queue in this process and returns the finished job. */
async function importAndRun(client: InventoryClient, body: Record<string, unknown>): Promise<Job> {
  const response = await client.post('/inventory/imports', body);
  expect(response.statusCode, response.body).toBe(202);
  const { job } = response.json() as { job: Job };
  expect(response.headers.location).toBe(`/api/orgs/${org.slug}/jobs/${job.id}`);
  expect(job.status).toBe('queued');
  // The file waits beside the job row (job_payloads), as sent, so job reads never load it.
  const [waiting] = await ctx.store.query<{ content: string; input: Record<string, unknown> }>(
    'select p.content, j.input from jobs j join job_payloads p on p.org_id = j.org_id and p.job_id = j.id where j.id = $1',
    [job.id],
  );
  expect(waiting?.content).toBe(body.content);
  expect(waiting?.input.content).toBeUndefined();
  const runner = new JobRunner(ctx.store, jobHandlers);
  while (await runner.runOnce());
  const done = await client.get(`/jobs/${job.id}`);
  return done.json() as Job;
}

const assetByCmdb = async (cmdbId: string) =>
  (await ctx.store.query<{ id: string; name: string; version: number; confidentiality: number | null; tags: string[] }>('select id, name, version, confidentiality, tags from assets where org_id = $1 and cmdb_id = $2', [org.orgId, cmdbId]))[0];

const HOSTS_CSV = ['Name,Type,CMDB ID,C,I,A,Tags,Owner', 'web-01,host,CSV-H-1,High,2,,dmz;web,Ops', 'web-02,Host,CSV-H-2,low,,Very high,web|dmz,Ops', 'Payments,Business process,CSV-BP-1,4,4,4,,CFO'].join('\n');

describe('CSV import', () => {
  it('dry run: reports the mapping, counts and a sample, and writes nothing (no audit entry, no job)', async () => {
    const before = await inventoryCounts(ctx.store);
    const jobsBefore = await jobCount();
    const response = await api.post('/inventory/imports', { format: 'csv', content: HOSTS_CSV, dryRun: true });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      format: 'csv',
      entity: 'assets',
      columns: ['Name', 'Type', 'CMDB ID', 'C', 'I', 'A', 'Tags', 'Owner'],
      mapping: { Name: 'name', Type: 'kind', 'CMDB ID': 'cmdbId', C: 'confidentiality', I: 'integrity', A: 'availability', Tags: 'tags', Owner: 'owner' },
      rows: 3,
      valid: 3,
      invalid: 0,
      errors: [],
      errorsTruncated: false,
      assets: { create: 3, update: 0, unchanged: 0 },
    });
    expect(preview.sample[0]).toMatchObject({ entity: 'assets', line: 2, record: { name: 'web-01', kind: 'host', confidentiality: 3, integrity: 2, availability: null, tags: ['dmz', 'web'] } });
    expect(preview.sample[2].record).toMatchObject({ kind: 'business-process' });
    expect(await inventoryCounts(ctx.store)).toEqual(before);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('refuses a file with bad rows with 422 naming each line and field, and queues nothing', async () => {
    const jobsBefore = await jobCount();
    const before = await inventoryCounts(ctx.store);
    const csv = ['name,kind,cmdbId,confidentiality,rtoMinutes', 'ok-1,host,BAD-1,2,60', 'bad-kind,toaster,BAD-2,,', 'bad-level,host,BAD-3,Extreme,', ',host,BAD-4,,soon', 'no-key,host,,,'].join('\n');
    const response = await api.post('/inventory/imports', { format: 'csv', content: csv });
    expect(response.statusCode).toBe(422);
    const body = problem(response);
    expect(body.code).toBe('IMPORT_INVALID');
    expect(body.errors!.map((e) => e.path)).toEqual(['content.line.3.kind', 'content.line.4.confidentiality', 'content.line.5.rtoMinutes', 'content.line.5.name', 'content.line.6.externalIds']);
    expect(body.errors![1]!.message).toContain('"Extreme" is not a level of the protection scale');
    expect(body).toMatchObject({ rows: 5, invalid: 4, errorsTruncated: false });
    expect(await jobCount()).toBe(jobsBefore);
    expect(await inventoryCounts(ctx.store)).toEqual(before);

    const preview = (await api.post('/inventory/imports', { format: 'csv', content: csv, dryRun: true })).json();
    expect(preview).toMatchObject({ rows: 5, valid: 1, invalid: 4, assets: { create: 1, update: 0, unchanged: 0 } });
    expect(preview.errors[0]).toEqual({ line: 3, path: 'content.line.3.kind', message: expect.stringContaining('Invalid option') });
  });

  it('imports through a job in one transaction, then re-imports as unchanged and an edited file in place', async () => {
    const job = await importAndRun(api, { format: 'csv', content: HOSTS_CSV });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ assets: { created: 3, updated: 0, unchanged: 0 }, skipped: [], skippedRecords: 0 });
    expect(job.progress.done).toBe(job.progress.total);
    const web = await assetByCmdb('CSV-H-1');
    expect(web).toMatchObject({ name: 'web-01', version: 1, confidentiality: 3, tags: ['dmz', 'web'] });
    const stored = await ctx.store.query<{ input: Record<string, unknown> }>('select input from jobs where id = $1', [job.id]);
    const payloads = await ctx.store.query<{ n: number }>('select count(*)::int as n from job_payloads where job_id = $1', [job.id]);
    expect(payloads[0]!.n).toBe(0); // the file is not kept once imported…
    expect(stored[0]!.input.contentSha256).toMatch(/^[0-9a-f]{64}$/); // …its digest is

    const head = await auditHead(ctx.store, org.orgId);
    const again = await importAndRun(api, { format: 'csv', content: HOSTS_CSV });
    expect(again.result).toMatchObject({ assets: { created: 0, updated: 0, unchanged: 3 } });
    const actions = await ctx.store.query<{ action: string }>('select action from audit_entries where org_id = $1 and seq > $2 order by seq', [org.orgId, head]);
    expect(actions.map((a) => a.action)).toEqual(['job.queued', 'job.succeeded']); // nothing changed, so no batch entry

    const edited = HOSTS_CSV.replace('web-01,host,CSV-H-1,High', 'web-01a,host,CSV-H-1,Very high');
    const preview = (await api.post('/inventory/imports', { format: 'csv', content: edited, dryRun: true })).json();
    expect(preview.assets).toEqual({ create: 0, update: 1, unchanged: 2 });
    const third = await importAndRun(api, { format: 'csv', content: edited });
    expect(third.result).toMatchObject({ assets: { created: 0, updated: 1, unchanged: 2 } });
    expect(await assetByCmdb('CSV-H-1')).toMatchObject({ id: web!.id, name: 'web-01a', version: 2, confidentiality: 4 });
    expect((await verifyOrgChain(ctx.store, org.orgId)).ok).toBe(true);
  });

  it('with skipInvalid imports the valid rows and lists the skipped ones by line', async () => {
    const csv = ['name,kind,cmdbId', 'skip-ok,host,SKIP-1', 'skip-bad,spaceship,SKIP-2', 'skip-ok-2,host,SKIP-3'].join('\n');
    const job = await importAndRun(api, { format: 'csv', content: csv, skipInvalid: true });
    expect(job.result).toMatchObject({ assets: { created: 2 }, skippedRecords: 1, skipped: [{ line: 3, message: expect.stringContaining('Invalid option') }] });
    expect(await assetByCmdb('SKIP-2')).toBeUndefined();
  });

  it('uses an explicit mapping, imports dependencies by external id and organization name', async () => {
    await api.create('/external-organizations', { name: 'Hostly', relationshipTypes: ['service-provider'] });
    const csv = ['Server,Category,Asset tag,Provider', 'db-07,host,MAP-1,Hostly', 'app-07,software,MAP-2,'].join('\n');
    const mapping = { Server: 'name', Category: 'kind', 'Asset tag': 'cmdbId', Provider: 'operator' };
    const preview = (await api.post('/inventory/imports', { format: 'csv', content: csv, mapping, dryRun: true })).json();
    expect(preview.mapping).toEqual(mapping);
    expect((await importAndRun(api, { format: 'csv', content: csv, mapping })).result).toMatchObject({ assets: { created: 2 } });
    const deps = ['source,target,type,description', 'MAP-2,MAP-1,runs-on,main host', 'MAP-1,Hostly,provided-by,', 'MAP-2,NOPE-9,depends-on,'].join('\n');
    const refused = await api.post('/inventory/imports', { format: 'csv', entity: 'dependencies', content: deps });
    expect(problem(refused).errors).toEqual([{ path: 'content.line.4.target', message: expect.stringContaining('"NOPE-9"') }]);
    const job = await importAndRun(api, { format: 'csv', entity: 'dependencies', content: deps.split('\n').slice(0, 3).join('\n') });
    expect(job.result).toMatchObject({ dependencies: { created: 2, updated: 0, unchanged: 0 } });
    const again = await importAndRun(api, { format: 'csv', entity: 'dependencies', content: deps.split('\n').slice(0, 3).join('\n').replace('main host', 'primary host') });
    expect(again.result).toMatchObject({ dependencies: { created: 0, updated: 1, unchanged: 1 } });
  });

  it('refuses unreadable files: missing columns, bad mapping, invalid UTF-8; accepts a BOM', async () => {
    const missing = await api.post('/inventory/imports', { format: 'csv', content: 'Hostname,Serial\nweb,1\n' });
    expect(missing.statusCode).toBe(422);
    const body = problem(missing);
    expect(body.code).toBe('IMPORT_UNREADABLE');
    expect(body.detail).toContain('missing required column(s): name; kind; one of cmdbId, purl, cpe, other');
    expect(body.detail).toContain('"Hostname", "Serial"');
    expect(body.errors).toEqual([{ path: 'content.line.1', message: expect.stringContaining('missing required') }]);

    const badMap = await api.post('/inventory/imports', { format: 'csv', content: HOSTS_CSV, mapping: { Owner: 'boss' } });
    expect(problem(badMap).errors).toEqual([{ path: 'mapping.Owner', message: expect.stringContaining('"boss" is not a field of assets') }]);

    const bytes = Buffer.concat([Buffer.from('name,kind,cmdbId\nok,host,U-1\nbad'), Buffer.from([0xff, 0xfe]), Buffer.from(',host,U-2\n')]);
    const badUtf8 = await api.post('/inventory/imports', { format: 'csv', content: bytes.toString('base64'), contentEncoding: 'base64' });
    expect(problem(badUtf8)).toMatchObject({ code: 'IMPORT_UNREADABLE', errors: [{ path: 'content.line.3', message: expect.stringContaining('not valid UTF-8 (line 3') }] });

    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name,kind,cmdbId\nbom-host,host,BOM-1\n')]);
    const preview = await api.post('/inventory/imports', { format: 'csv', content: withBom.toString('base64'), contentEncoding: 'base64', dryRun: true });
    expect(preview.json()).toMatchObject({ columns: ['name', 'kind', 'cmdbId'], valid: 1, invalid: 0 });
  });

  it('takes files up to 20 MiB (above the default body limit) and refuses larger ones with 413', async () => {
    const row = 'big-host,host,BIG-0,Ops\n';
    const big = `name,kind,cmdbId,owner\n${row.repeat(Math.floor((1.5 * 1024 * 1024) / row.length))}`;
    const preview = await api.post('/inventory/imports', { format: 'csv', content: big, dryRun: true });
    expect(preview.statusCode).toBe(200); // 1.5 MiB: past the 1 MiB default, so the route's own limit applies
    expect(preview.json().invalid).toBeGreaterThan(0); // every row after the first repeats BIG-0
    const tooBig = await api.post('/inventory/imports', { format: 'csv', content: 'x'.repeat(20 * 1024 * 1024 + 1), dryRun: true });
    expect(tooBig.statusCode).toBe(413);
    expect(problem(tooBig)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', errors: [{ path: 'body.content' }] });
  });

  it('hides the route from outsiders (404) and refuses a reader (403)', async () => {
    const body = { format: 'csv', content: HOSTS_CSV, dryRun: true };
    expect((await outsider.post('/inventory/imports', body)).statusCode).toBe(404);
    expect(problem(await viewer.post('/inventory/imports', body)).code).toBe('FORBIDDEN');
    expect((await outsider.get('/inventory/export?format=csv')).statusCode).toBe(404);
    expect((await viewer.get('/inventory/export?format=csv')).statusCode).toBe(200);
  });
});

describe('JSON and CycloneDX import', () => {
  it('imports Bulwark JSON with organizations, operators and dependencies; preview equals the job result', async () => {
    const content = fs.readFileSync(path.join(FIXTURES, 'tiny.bulwark.json'), 'utf8');
    const preview = (await api.post('/inventory/imports', { format: 'json', content, dryRun: true })).json();
    expect(preview).toMatchObject({ entity: null, columns: null, rows: 7, valid: 7, invalid: 0 });
    const job = await importAndRun(api, { format: 'json', content });
    const result = job.result!;
    for (const key of ['assets', 'dependencies', 'externalOrganizations'] as const) {
      expect({ created: result[key].created, updated: result[key].updated, unchanged: result[key].unchanged }).toEqual({
        created: preview[key].create,
        updated: preview[key].update,
        unchanged: preview[key].unchanged,
      });
    }
    expect(result).toMatchObject({ assets: { created: 3 }, dependencies: { created: 3 }, externalOrganizations: { created: 1 } });
    const [db] = await ctx.store.query<{ operator: string; criticality: number }>(
      "select o.name as operator, o.criticality from assets a join external_organizations o on o.id = a.operator_id where a.org_id = $1 and a.cmdb_id = 'HOST-1'",
      [org.orgId],
    );
    expect(db).toEqual({ operator: 'Nimbus Cloud', criticality: 4 });
    expect((await importAndRun(api, { format: 'json', content })).result).toMatchObject({
      assets: { created: 0, updated: 0, unchanged: 3 },
      dependencies: { created: 0, updated: 0, unchanged: 3 },
      externalOrganizations: { created: 0, updated: 0, unchanged: 1 },
    });
  });

  it('names the JSON path of bad records', async () => {
    const doc = { format: 'bulwark-inventory', version: 1, assets: [{ kind: 'host', name: 'x', externalIds: { cmdbId: 'J-1' } }, { kind: 'boat', name: 'y', externalIds: { cmdbId: 'J-2' } }] };
    const response = await api.post('/inventory/imports', { format: 'json', content: JSON.stringify(doc) });
    expect(problem(response)).toMatchObject({ code: 'IMPORT_INVALID', errors: [{ path: 'content.assets.1.kind' }] });
    const wrong = await api.post('/inventory/imports', { format: 'json', content: '{"format":"something-else"}' });
    expect(problem(wrong)).toMatchObject({ code: 'IMPORT_UNREADABLE', errors: [{ path: 'content.format' }] });
  });

  it('imports a CycloneDX SBOM: root, nested components, merged duplicate purls, supplier; re-import unchanged', async () => {
    const content = fs.readFileSync(path.join(FIXTURES, 'shop-web.cdx.json'), 'utf8');
    const job = await importAndRun(api, { format: 'cyclonedx', content });
    expect(job.status, job.error ?? '').toBe('succeeded');
    // 8 unique components (lodash twice) + root; 8 depends-on edges + 1 provided-by; OpenJS Foundation as supplier.
    expect(job.result).toMatchObject({ assets: { created: 8 }, dependencies: { created: 9 }, externalOrganizations: { created: 1 } });
    const edges = await ctx.store.query<{ source: string; target: string; type: string }>(
      `select s.name as source, coalesce(t.name, o.name) as target, d.type from dependencies d join assets s on s.id = d.source_id
        left join assets t on t.id = d.target_asset_id left join external_organizations o on o.id = d.target_org_id
       where d.org_id = $1 and s.tags @> array['sbom']`,
      [org.orgId],
    );
    expect(edges.map((e) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual([
      '@acme/ui-kit@2.0.1 depends-on acme-icons@1.4.0',
      '@acme/ui-kit@2.0.1 depends-on lodash@4.17.21',
      'express@4.19.2 depends-on body-parser@1.20.2',
      'express@4.19.2 depends-on lodash@4.17.21',
      'express@4.19.2 provided-by OpenJS Foundation',
      'shop-web@3.2.0 depends-on @acme/ui-kit@2.0.1',
      'shop-web@3.2.0 depends-on express@4.19.2',
      'shop-web@3.2.0 depends-on left-pad@1.3.0',
      'shop-web@3.2.0 depends-on openssl@3.0.13',
    ]);
    expect((await importAndRun(api, { format: 'cyclonedx', content })).result).toMatchObject({
      assets: { created: 0, updated: 0, unchanged: 8 },
      dependencies: { created: 0, updated: 0, unchanged: 9 },
      externalOrganizations: { created: 0, updated: 0, unchanged: 1 },
    });
  });

  it('refuses an SBOM with unknown dependency refs or an unsupported spec version', async () => {
    const bom = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'shop-web.cdx.json'), 'utf8'));
    bom.dependencies.push({ ref: 'express', dependsOn: ['ghost'] });
    expect(problem(await api.post('/inventory/imports', { format: 'cyclonedx', content: JSON.stringify(bom) }))).toMatchObject({
      code: 'IMPORT_INVALID',
      errors: [{ path: 'content.dependencies.4.dependsOn.0', message: 'no component or service has bom-ref "ghost"' }],
    });
    expect(problem(await api.post('/inventory/imports', { format: 'cyclonedx', content: JSON.stringify({ ...bom, specVersion: '2.0' }) }))).toMatchObject({
      code: 'IMPORT_UNREADABLE',
      errors: [{ path: 'content.specVersion' }],
    });
  });
});

describe('export', () => {
  it('exports CSV with the import’s columns, which re-imports with no mapping as unchanged', async () => {
    const response = await api.get('/inventory/export?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="${org.slug}-assets-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('name,kind,description,owner,custodian,operator,confidentiality,integrity,availability,rtoMinutes,rpoMinutes,status,location,tags,cmdbId,purl,cpe,other');
    const [{ n }] = (await ctx.store.query<{ n: number }>('select count(*)::int as n from assets where org_id = $1', [org.orgId])) as [{ n: number }];
    expect(lines).toHaveLength(n + 1);
    const preview = (await api.post('/inventory/imports', { format: 'csv', content: response.body, dryRun: true })).json();
    expect(preview).toMatchObject({ rows: n, invalid: 0, assets: { create: 0, update: 0, unchanged: n } });
    for (const entity of ['dependencies', 'external-organizations']) {
      const csv = (await api.get(`/inventory/export?format=csv&entity=${entity}`)).body;
      const again = (await api.post('/inventory/imports', { format: 'csv', entity, content: csv, dryRun: true })).json();
      expect(again.invalid, JSON.stringify(again.errors)).toBe(0);
      expect(again[entity === 'dependencies' ? 'dependencies' : 'externalOrganizations']).toMatchObject({ create: 0, update: 0 });
    }
  });

  it('exports JSON that moves to another organization whole and re-imports there as unchanged', async () => {
    const response = await api.get('/inventory/export?format=json');
    expect(response.headers['content-disposition']).toMatch(/inventory-\d{4}-\d{2}-\d{2}\.json"$/);
    const doc = response.json();
    const target = await buildOrg(ctx.store);
    const there = inventoryClient(ctx.app, target.slug, (await memberToken(ctx.store, target, 'owner')).token);
    const preview = (await there.post('/inventory/imports', { format: 'json', content: response.body, dryRun: true })).json();
    expect(preview).toMatchObject({ invalid: 0, assets: { create: doc.assets.length }, dependencies: { create: doc.dependencies.length }, externalOrganizations: { create: doc.externalOrganizations.length } });
    const back = (await api.post('/inventory/imports', { format: 'json', content: response.body, dryRun: true })).json();
    expect(back).toMatchObject({ invalid: 0, assets: { create: 0, update: 0 }, dependencies: { create: 0, update: 0 }, externalOrganizations: { create: 0, update: 0 } });
  });
});
