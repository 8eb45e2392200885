import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/platform/jobs/handlers.ts';
import { JobRunner } from '../../src/platform/jobs/job-runner.ts';
import { newId } from '../../src/platform/util/ids.ts';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/* Threats through the API: risk sources and threat events of the organization's own, and ATT&CK imports. */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let writer: string;
let viewer: string;

type Bundle = { type: string; objects: Record<string, unknown>[] };
const BUNDLE_FILE = path.resolve(import.meta.dirname, '../fixtures/risk/mini-attack.json');
const miniBundle = (): Bundle => JSON.parse(fs.readFileSync(BUNDLE_FILE, 'utf8')) as Bundle;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
  writer = (await memberToken(ctx.store, org, 'risk-manager')).token;
  viewer = (await memberToken(ctx.store, org, 'viewer')).token;
});
afterAll(() => ctx.dispose());

const url = (suffix = '', slug = org.slug): string => `/api/orgs/${slug}/threats${suffix}`;
const send = (
  method: 'POST' | 'PATCH' | 'DELETE',
  suffix: string,
  payload?: unknown,
  token = writer,
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url: url(suffix),
    headers: { ...bearer(token), ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
const get = (suffix = '', token = writer, slug = org.slug) => ctx.app.inject({ url: url(suffix, slug), headers: bearer(token) });
const names = async (query: string): Promise<string[]> => (await get(`?${query}`)).json().items.map((item: { name: string }) => item.name);
const countRows = async (): Promise<{ threats: number; relations: number; audit: number }> => {
  const [row] = await ctx.store.query<{ threats: number; relations: number; audit: number }>(
    `select (select count(*)::int from threats where org_id = $1) as threats,
            (select count(*)::int from threat_relations where org_id = $1) as relations,
            (select count(*)::int from audit_entries where org_id = $1) as audit`,
    [org.orgId],
  );
  return row!;
};
const byName = async (name: string): Promise<{ id: string; version: number } & Record<string, unknown>> => {
  const items = (await get(`?includeDeprecated=true&q=${encodeURIComponent(name)}`)).json().items as ({
    id: string;
    name: string;
    version: number;
  } & Record<string, unknown>)[];
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`no threat named ${name}`);
  return found;
};

interface Job {
  id: string;
  kind: string;
  status: string;
  result: Record<string, unknown> | null;
  error: string | null;
  progress: { done: number; total: number | null };
}
const jobState = async (): Promise<{ jobs: number; payloads: number }> =>
  (
    await ctx.store.query<{ jobs: number; payloads: number }>(
      `select (select count(*)::int from jobs where org_id = $1 and kind = 'threat.attack-import') as jobs,
              (select count(*)::int from job_payloads where org_id = $1) as payloads`,
      [org.orgId],
    )
  )[0]!;
const runQueue = async (): Promise<void> => {
  const runner = new JobRunner(ctx.store, jobHandlers);
  while (await runner.runOnce());
};
const readJob = async (id: string, token = writer, slug = org.slug) =>
  ctx.app.inject({ url: `/api/orgs/${slug}/jobs/${id}`, headers: bearer(token) });

/** POSTs a bundle for real: 202, Location, the job queued with its payload and nothing written; then runs it. */
async function importThroughJob(bundle: unknown): Promise<Job> {
  const before = await countRows();
  const response = await send('POST', '/imports/attack', bundle);
  expect(response.statusCode, response.body).toBe(202);
  const { job } = response.json() as { job: Job };
  expect(response.headers.location).toBe(`/api/orgs/${org.slug}/jobs/${job.id}`);
  expect(job).toMatchObject({ kind: 'threat.attack-import', status: 'queued', result: null });
  expect((await countRows()).threats).toBe(before.threats);
  // The bundle waits beside the job row, not in it: reading the job does not load it.
  const [stored] = await ctx.store.query<{ input: Record<string, unknown>; payload: number }>(
    'select input, (select length(content) from job_payloads p where p.org_id = j.org_id and p.job_id = j.id) as payload from jobs j where id = $1',
    [job.id],
  );
  expect(stored!.payload).toBeGreaterThan(0);
  expect(JSON.stringify(stored!.input).length).toBeLessThan(1000);
  expect(stored!.input).toMatchObject({
    origin: expect.any(String),
    bytes: stored!.payload,
    sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  await runQueue();
  const done = (await readJob(job.id)).json() as Job;
  expect(done.status, done.error ?? '').toBe('succeeded');
  expect(done.progress.done).toBe(done.progress.total);
  expect((await jobState()).payloads).toBe(0); // the bundle is not kept once imported
  return done;
}

/** A scenario naming `targetId` (as its risk source or through a link), written as the scenario module stores it. */
async function scenarioNaming(refId: string, targetId: string, how: 'source' | 'link'): Promise<string> {
  const id = newId();
  await ctx.store.query(
    `insert into risk_scenarios (org_id, id, ref_id, title, approach, status, risk_source_id, criteria_id, criteria_version, rationale, tags, version, created_at, updated_at)
     values ($1, $2, $3, $4, 'event-based', 'identified', $5, $6, 1, '{}'::jsonb, '{}', 1, now(), now())`,
    [org.orgId, id, refId, `Scenario ${refId}`, how === 'source' ? targetId : null, newId()],
  );
  if (how === 'link')
    await ctx.store.query(
      `insert into risk_scenario_links (org_id, scenario_id, role, target_type, target_id) values ($1, $2, 'threat', 'threat', $3)`,
      [org.orgId, id, targetId],
    );
  return id;
}

describe('threats of the organization’s own', () => {
  let insiderId = '';

  it('creates risk sources with a category and threat events without one, listed by name', async () => {
    const insider = await send('POST', '', {
      kind: 'source',
      category: 'insider-malicious',
      name: 'Disgruntled administrator',
      externalId: 'RS-1',
    });
    expect(insider.statusCode).toBe(201);
    expect(insider.headers.etag).toBe('"1"');
    expect(insider.json()).toMatchObject({
      kind: 'source',
      category: 'insider-malicious',
      origin: 'manual',
      stixId: null,
      tactics: [],
      deprecated: false,
    });
    insiderId = insider.json().id;
    expect((await send('POST', '', { kind: 'source', category: 'natural-environmental', name: 'flood' })).statusCode).toBe(201);
    expect(
      (await send('POST', '', { kind: 'event', name: 'Ransomware encrypts file servers', description: 'Business stops' })).statusCode,
    ).toBe(201);
    expect((await send('POST', '', { kind: 'event', name: 'Old event', deprecated: true })).statusCode).toBe(201);
    expect(await names('')).toEqual(['Disgruntled administrator', 'flood', 'Ransomware encrypts file servers']);
  });

  it('filters by kind, category, origin, text and deprecation, and cuts at the limit', async () => {
    expect(await names('kind=event')).toEqual(['Ransomware encrypts file servers']);
    expect(await names('kind=event&includeDeprecated=true')).toEqual(['Old event', 'Ransomware encrypts file servers']);
    expect(await names('category=natural-environmental')).toEqual(['flood']);
    expect(await names('origin=manual&q=rs-1')).toEqual(['Disgruntled administrator']);
    expect(await names('q=FLO')).toEqual(['flood']);
    const cut = (await get('?limit=2')).json();
    expect(cut.items).toHaveLength(2);
    expect(cut.truncated).toBe(true);
    expect((await get('?limit=3')).json().truncated).toBe(false);
  });

  it('refuses a source without a category, an event with one, a duplicate name and a catalogue kind', async () => {
    const before = await countRows();
    const noCategory = await send('POST', '', { kind: 'source', name: 'Competitor' });
    expect(noCategory.statusCode).toBe(422);
    expect(problem(noCategory).errors?.[0]?.path).toBe('body.category');
    const eventCategory = await send('POST', '', { kind: 'event', category: 'criminal', name: 'Phishing' });
    expect(eventCategory.statusCode).toBe(422);
    expect(problem(eventCategory).errors?.[0]?.path).toBe('body.category');
    const duplicate = await send('POST', '', { kind: 'source', category: 'other', name: 'FLOOD' });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.name');
    const script = await send('POST', '', { kind: 'event', name: 'Linked', url: 'javascript:alert(1)' });
    expect(problem(script).errors?.[0]?.path).toBe('body.url');
    const technique = await send('POST', '', { kind: 'technique', name: 'Mine' });
    expect(technique.statusCode).toBe(400);
    expect(problem(technique).errors?.[0]?.path).toBe('body.kind');
    expect(await countRows()).toEqual(before);
  });

  it('updates with optimistic concurrency; turning a source into an event drops its category', async () => {
    const renamed = await send('PATCH', `/${insiderId}`, { name: 'Disgruntled admin' }, writer, { 'if-match': '"1"' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Disgruntled admin', version: 2 });
    const stale = await send('PATCH', `/${insiderId}`, { name: 'Someone else' }, writer, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    const event = await send('PATCH', `/${insiderId}`, { kind: 'event' });
    expect(event.json()).toMatchObject({ kind: 'event', category: null, version: 3 });
    const back = await send('PATCH', `/${insiderId}`, { kind: 'source' });
    expect(back.statusCode).toBe(422);
    expect(problem(back).errors?.[0]?.path).toBe('body.category');
    const actions = await ctx.store.query<{ action: string }>(
      'select action from audit_entries where org_id = $1 and target_id = $2 order by seq',
      [org.orgId, insiderId],
    );
    expect(actions.map((row) => row.action)).toEqual(['threat.created', 'threat.updated', 'threat.updated']);
  });

  it('refuses to delete a threat a scenario names, listing the scenarios, and deletes it once none does', async () => {
    const flood = await byName('flood');
    const first = await scenarioNaming('R-002', flood.id, 'source');
    await scenarioNaming('R-001', flood.id, 'link');
    const refused = await send('DELETE', `/${flood.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).detail).toContain('risk scenarios R-001, R-002');
    expect(refused.json().scenarios).toEqual(['R-001', 'R-002']);
    await ctx.store.query('delete from risk_scenarios where org_id = $1', [org.orgId]);
    expect(first).toBeTruthy();
    expect((await send('DELETE', `/${flood.id}`)).statusCode).toBe(204);
    expect((await get(`/${flood.id}`)).statusCode).toBe(404);
  });
});

describe('ATT&CK import', () => {
  const created = (n: number) => ({ created: n, updated: 0, unchanged: 0 });

  it('reports what a dry run would do at once and writes nothing (no job)', async () => {
    const before = await countRows();
    const jobsBefore = await jobState();
    const dry = await send('POST', '/imports/attack?dryRun=true', miniBundle());
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, kinds: { technique: created(4) }, relations: { created: 6 } });
    expect(await countRows()).toEqual(before);
    expect(await jobState()).toEqual(jobsBefore);
  });

  it('imports techniques, groups, software, tactics and mitigations with their relations through a job, in one audit entry', async () => {
    const before = await countRows();
    const job = await importThroughJob(miniBundle());
    expect(job.progress).toEqual({ done: 16, total: 16 }); // 10 threats and 6 relations
    expect(job.result).toEqual({
      origin: 'mitre-enterprise-attack 17.1',
      dryRun: false,
      kinds: { technique: created(4), group: created(1), software: created(2), tactic: created(2), mitigation: created(1) },
      relations: { created: 6, removed: 0, unchanged: 0 },
      skipped: { objects: { 'x-mitre-collection': 1, 'x-mitre-data-component': 1 }, relationships: { detects: 1, 'revoked-by': 1 } },
    });
    const after = await countRows();
    expect(after).toEqual({ threats: before.threats + 10, relations: 6, audit: before.audit + 3 });
    const actions = await ctx.store.query<{ action: string; actor: string }>(
      'select action, actor_label as actor from audit_entries where org_id = $1 order by seq desc limit 3',
      [org.orgId],
    );
    // The import is audited as whoever asked for it, between the job's own entries (the last one by the system).
    const [succeeded, imported, queued] = actions;
    expect([queued?.action, imported?.action, succeeded?.action]).toEqual(['job.queued', 'threat.catalogue-imported', 'job.succeeded']);
    expect(imported?.actor).toBe(queued?.actor);
    expect(succeeded?.actor).not.toBe(queued?.actor);

    const powershell = await byName('PowerShell');
    expect(powershell).toMatchObject({
      kind: 'technique',
      externalId: 'T1059.001',
      url: 'https://attack.mitre.org/techniques/T1059/001',
      tactics: ['execution'],
      platforms: ['Windows'],
      origin: 'mitre-enterprise-attack 17.1',
      deprecated: false,
      version: 1,
    });
    expect(await byName('Sandworm Team')).toMatchObject({ kind: 'group', externalId: 'G0034', aliases: ['ELECTRUM', 'Voodoo Bear'] });
    expect(await byName('Industroyer')).toMatchObject({ kind: 'software', aliases: ['CRASHOVERRIDE'] });
    expect(await byName('Mimikatz')).toMatchObject({ kind: 'software', externalId: 'S0002' });
    expect(await byName('Execution')).toMatchObject({ kind: 'tactic', externalId: 'TA0002', tactics: ['execution'] });
    expect(await byName('Retired Technique')).toMatchObject({ deprecated: true });
    // Revoked entries stay for scenarios that name them, out of the default list.
    expect(await names('kind=technique')).toEqual(['Command and Scripting Interpreter', 'Drive-by Compromise', 'PowerShell']);
    expect(await names('origin=mitre-enterprise-attack%2017.1&q=t1059')).toEqual(['Command and Scripting Interpreter', 'PowerShell']);
    const [audit] = await ctx.store.query<{ action: string; summary: { relations: { created: number } } }>(
      "select action, summary from audit_entries where org_id = $1 and action = 'threat.catalogue-imported'",
      [org.orgId],
    );
    expect(audit?.summary.relations.created).toBe(6);
  });

  it('lists a threat’s relations with their type and direction', async () => {
    const powershell = await byName('PowerShell');
    const relations = (await get(`/${powershell.id}/relations`)).json().items as {
      type: string;
      direction: string;
      threat: { name: string; externalId: string };
    }[];
    expect(relations.map((r) => [r.type, r.direction, r.threat.name, r.threat.externalId])).toEqual([
      ['mitigates', 'incoming', 'Execution Prevention', 'M1038'],
      ['subtechnique-of', 'outgoing', 'Command and Scripting Interpreter', 'T1059'],
      ['uses', 'incoming', 'Mimikatz', 'S0002'],
    ]);
    const group = await byName('Sandworm Team');
    const used = (await get(`/${group.id}/relations`)).json().items as { direction: string; threat: { name: string } }[];
    expect(used.map((r) => `${r.direction} ${r.threat.name}`)).toEqual([
      'outgoing Command and Scripting Interpreter',
      'outgoing Industroyer',
    ]);
  });

  it('re-imports the same bundle without changing anything, and a changed one in place', async () => {
    const before = await countRows();
    const again = (await importThroughJob(miniBundle())).result as { kinds: Record<string, unknown>; relations: unknown };
    expect(again.kinds.technique).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.kinds.software).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.relations).toEqual({ created: 0, removed: 0, unchanged: 6 });
    expect((await countRows()).threats).toBe(before.threats);

    const bundle = miniBundle();
    const drive = bundle.objects.find((o) => o.name === 'Drive-by Compromise')!;
    drive.name = 'Drive-by Compromise (renamed)';
    bundle.objects = bundle.objects.filter((o) => !(o.relationship_type === 'uses' && String(o.source_ref).startsWith('tool--')));
    const changed = (await importThroughJob(bundle)).result as { kinds: Record<string, unknown>; relations: unknown };
    expect(changed.kinds.technique).toEqual({ created: 0, updated: 1, unchanged: 3 });
    expect(changed.relations).toEqual({ created: 0, removed: 1, unchanged: 5 });
    const renamed = await byName('Drive-by Compromise (renamed)');
    expect(renamed.version).toBe(2);
    expect((await byName('PowerShell')).version).toBe(1);
    expect((await countRows()).relations).toBe(5);
  });

  it('matches STIX ids that hold quotes, commas, braces and backslashes on re-import', async () => {
    const odd = 'attack-pattern--"odd", {id} \\ 1';
    const bundle = {
      type: 'bundle',
      objects: [{ type: 'attack-pattern', id: odd, name: 'Odd technique', x_mitre_domains: ['odd-attack'] }],
    };
    expect((await importThroughJob(bundle)).result).toMatchObject({ kinds: { technique: { created: 1, updated: 0, unchanged: 0 } } });
    expect((await importThroughJob(bundle)).result).toMatchObject({ kinds: { technique: { created: 0, updated: 0, unchanged: 1 } } });
    expect(await byName('Odd technique')).toMatchObject({ stixId: odd, version: 1 });
  });

  it('shows the job to the organization only, and leaves nothing when a job fails or is cancelled', async () => {
    const before = await countRows();
    const bundle = miniBundle();
    bundle.objects.find((o) => o.name === 'Mimikatz')!.name = 'Mimikatz 3';
    const queued = (await send('POST', '/imports/attack', bundle)).json().job as Job;
    const outsider = (await memberToken(ctx.store, other, 'owner')).token;
    expect((await readJob(queued.id, outsider, other.slug)).statusCode).toBe(404);
    expect((await readJob(queued.id, outsider)).statusCode).toBe(404);
    expect((await readJob(queued.id, viewer)).json()).toMatchObject({ status: 'queued' });
    // A payload this version cannot read (as after a downgrade) fails the job rather than half-importing it.
    await ctx.store.query('update job_payloads set content = $2 where job_id = $1', [queued.id, '{"threats": 3}']);
    await runQueue();
    expect((await readJob(queued.id)).json()).toMatchObject({ status: 'failed', error: expect.stringContaining('import it again') });
    expect(await names('q=mimikatz')).toEqual(['Mimikatz']);

    const cancelled = (await send('POST', '/imports/attack', bundle)).json().job as Job;
    const cancel = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/jobs/${cancelled.id}/cancel`,
      headers: bearer(writer),
    });
    expect(cancel.json()).toMatchObject({ status: 'cancelled' });
    await runQueue();
    expect((await readJob(cancelled.id)).json()).toMatchObject({ status: 'cancelled', result: null });
    expect(await names('q=mimikatz')).toEqual(['Mimikatz']);
    expect((await countRows()).threats).toBe(before.threats);
    expect((await jobState()).payloads).toBe(0); // neither bundle is kept
  });

  it('keeps imported entries read-only, and refuses to delete one a scenario names', async () => {
    const technique = await byName('PowerShell');
    const edit = await send('PATCH', `/${technique.id}`, { description: 'Mine now' });
    expect(edit.statusCode).toBe(409);
    expect(problem(edit).detail).toContain('was imported from mitre-enterprise-attack 17.1 and cannot be edited');
    await scenarioNaming('R-010', technique.id, 'link');
    const refused = await send('DELETE', `/${technique.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).detail).toContain('risk scenario R-010');
    await ctx.store.query('delete from risk_scenarios where org_id = $1', [org.orgId]);
    const relationsBefore = (await countRows()).relations;
    expect((await send('DELETE', `/${technique.id}`)).statusCode).toBe(204);
    // Its relations go with it.
    expect((await countRows()).relations).toBe(relationsBefore - 2);
  });

  it.each([
    ['a body that is not an object', () => [1, 2], 'body'],
    ['a type other than bundle', () => ({ ...miniBundle(), type: 'report' }), 'body.type'],
    ['objects that are not an array', () => ({ type: 'bundle', objects: {} }), 'body.objects'],
    [
      'an object without id',
      () => {
        const b = miniBundle();
        delete b.objects[3]!.id;
        return b;
      },
      'body.objects.3.id',
    ],
    [
      'an object without type',
      () => {
        const b = miniBundle();
        b.objects[5]!.type = '';
        return b;
      },
      'body.objects.5.type',
    ],
    [
      'a mapped object without a name',
      () => {
        const b = miniBundle();
        delete b.objects[7]!.name;
        return b;
      },
      'body.objects.7.name',
    ],
    [
      'a relationship without source_ref',
      () => {
        const b = miniBundle();
        delete b.objects[12]!.source_ref;
        return b;
      },
      'body.objects.12.source_ref',
    ],
    [
      'a relationship without target_ref',
      () => {
        const b = miniBundle();
        b.objects[13]!.target_ref = 42;
        return b;
      },
      'body.objects.13.target_ref',
    ],
  ])('refuses %s with 422 naming the path, writing nothing', async (_what, body, at) => {
    const before = await countRows();
    const bundle = body() as Bundle;
    // A valid change in the same bundle must not be written either.
    const mimikatz = Array.isArray(bundle.objects) ? bundle.objects.find((o) => o.name === 'Mimikatz') : undefined;
    if (mimikatz) mimikatz.name = 'Mimikatz 2';
    const jobsBefore = await jobState();
    const response = await send('POST', '/imports/attack', bundle);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(problem(response).code).toBe('UNPROCESSABLE');
    expect(problem(response).errors?.map((e) => e.path)).toContain(at);
    expect(await countRows()).toEqual(before);
    expect(await jobState()).toEqual(jobsBefore); // nothing queued
    expect(await names('q=mimikatz')).toEqual(['Mimikatz']);
  });
});

describe('threat permissions and tenancy', () => {
  it('lets viewers read but not write or import, and hides threats from other organizations', async () => {
    expect((await get('', viewer)).statusCode).toBe(200);
    expect((await send('POST', '', { kind: 'event', name: 'Viewer’s' }, viewer)).statusCode).toBe(403);
    expect((await send('POST', '/imports/attack', miniBundle(), viewer)).statusCode).toBe(403);
    const id = (await get('')).json().items[0].id as string;
    const outsider = (await memberToken(ctx.store, other, 'admin')).token;
    expect((await get(`/${id}`, outsider, other.slug)).statusCode).toBe(404);
    expect((await get(`/${id}/relations`, outsider, other.slug)).statusCode).toBe(404);
    expect((await get(`/${id}`, outsider)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'DELETE', url: url(`/${id}`, other.slug), headers: bearer(outsider) })).statusCode).toBe(404);
    expect((await get('', outsider, other.slug)).json().items).toEqual([]);
  });
});
