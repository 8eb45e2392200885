import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/* Risk criteria through the API: templates, versions that never rewrite the past, default, import/export. */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let manager: string;
let viewer: string;

const library = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/risk/ciso-assistant-3x3.yaml'), 'utf8');

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
  manager = (await memberToken(ctx.store, org, 'risk-manager')).token;
  viewer = (await memberToken(ctx.store, org, 'viewer')).token;
});
afterAll(() => ctx.dispose());

const url = (suffix = '', slug = org.slug): string => `/api/orgs/${slug}/risk/criteria${suffix}`;
const post = (suffix: string, payload: unknown, token = manager) => ctx.app.inject({ method: 'POST', url: url(suffix), headers: bearer(token), payload: payload as object });
const get = (suffix: string, token = manager, slug = org.slug) => ctx.app.inject({ url: url(suffix, slug), headers: bearer(token) });

describe('risk criteria', () => {
  let fiveId = '';

  it('creates criteria from a template; the first set becomes the default', async () => {
    const created = await post('', { template: '5x5' });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    fiveId = body.id;
    expect(body).toMatchObject({ name: 'Standard 5×5', version: 1, shownVersion: 1, isDefault: true });
    expect(body.definition.matrix).toHaveLength(5);
    const second = await post('', { template: '3x3', name: 'Quick triage' });
    expect(second.json()).toMatchObject({ name: 'Quick triage', isDefault: false });
    const list = (await get('')).json().items.map((item: { name: string; isDefault: boolean }) => [item.name, item.isDefault]);
    expect(list).toEqual([
      ['Quick triage', false],
      ['Standard 5×5', true],
    ]);
  });

  it('adds a version on revision and keeps the earlier one as it was', async () => {
    const v1 = (await get(`/${fiveId}`)).json();
    const changed = { ...v1.definition, levels: v1.definition.levels.map((level: { name: string }, i: number) => (i === 3 ? { ...level, name: 'Extreme' } : level)) };
    const revised = await post(`/${fiveId}/versions`, { definition: changed, basedOn: 1 });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toMatchObject({ version: 2, shownVersion: 2 });
    expect(revised.json().definition.levels[3].name).toBe('Extreme');
    const past = (await get(`/${fiveId}/versions/1`)).json();
    expect(past.shownVersion).toBe(1);
    expect(past.definition.levels[3].name).toBe('Critical');
    const stale = await post(`/${fiveId}/versions`, { definition: changed, basedOn: 1 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    expect((await get(`/${fiveId}`)).json().version).toBe(2);
  });

  it('moves the default from one set to another', async () => {
    const triage = (await get('')).json().items.find((item: { name: string }) => item.name === 'Quick triage');
    const made = await post(`/${triage.id}/default`, {});
    expect(made.json().isDefault).toBe(true);
    const defaults = (await get('')).json().items.filter((item: { isDefault: boolean }) => item.isDefault);
    expect(defaults.map((item: { id: string }) => item.id)).toEqual([triage.id]);
  });

  it('imports a CISO Assistant library, and a second import of it adds versions instead of duplicates', async () => {
    const first = await post('/import', { format: 'ciso-assistant', content: library });
    expect(first.statusCode).toBe(200);
    const result = first.json();
    expect(result.items.map((item: { created: boolean; criteria: { name: string; version: number } }) => [item.criteria.name, item.criteria.version, item.created])).toEqual([
      ['Three by three', 1, true],
      ['Two by four', 1, true],
    ]);
    expect(result.notes[0]).toMatch(/no acceptance rules/);
    const three = (await get(`/${result.items[0].criteria.id}`)).json();
    expect(three.definition.matrix).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 2, 2],
    ]);
    const again = (await post('/import', { format: 'ciso-assistant', content: library })).json();
    expect(again.items.map((item: { created: boolean; criteria: { version: number } }) => [item.criteria.version, item.created])).toEqual([
      [2, false],
      [2, false],
    ]);
  });

  it('exports as CISO Assistant YAML and as Bulwark JSON, and the JSON imports back', async () => {
    const yaml = await get(`/${fiveId}/export?format=ciso-assistant&version=1`);
    expect(yaml.statusCode).toBe(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.headers['content-disposition']).toContain('filename="Standard-5-5-v1.yaml"');
    const matrix = parse(yaml.body).objects.risk_matrix[0];
    expect(matrix.grid).toEqual((await get(`/${fiveId}/versions/1`)).json().definition.matrix);
    expect(matrix.risk.map((level: { name: string }) => level.name)).toEqual(['Low', 'Medium', 'High', 'Critical']);

    const json = await get(`/${fiveId}/export`);
    const file = JSON.parse(json.body);
    expect(file).toMatchObject({ format: 'bulwark-risk-criteria', version: 2 });
    const moved = await ctx.app.inject({
      method: 'POST',
      url: url('/import', other.slug),
      headers: bearer((await memberToken(ctx.store, other, 'admin')).token),
      payload: { format: 'bulwark', content: json.body },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().items[0].criteria).toMatchObject({ name: 'Standard 5×5', version: 1, isDefault: true });
  });
});

describe('bad input to risk criteria', () => {
  it('refuses a malformed matrix naming the cell, and writes nothing', async () => {
    const template = (await get('/templates')).json().items.find((item: { template: string }) => item.template === '3x3').definition;
    const before = (await get('')).json().items.length;
    const broken = await post('', { definition: { ...template, name: 'Broken', matrix: [[0, 0, 9], ...template.matrix.slice(1)] } });
    expect(broken.statusCode).toBe(400);
    expect(problem(broken).errors).toContainEqual({ path: 'body.definition.matrix.0.2', message: expect.stringMatching(/names risk level 9/) });
    const both = await post('', { template: '3x3', definition: template });
    expect(problem(both).errors?.map((error) => error.path)).toContain('body.template');
    expect((await get('')).json().items.length).toBe(before);
  });

  it('refuses an unreadable or invalid import with the path inside the file, and writes nothing', async () => {
    const before = (await get('')).json().items.length;
    const notYaml = await post('/import', { format: 'ciso-assistant', content: 'objects: [unclosed' });
    expect(notYaml.statusCode).toBe(422);
    expect(problem(notYaml).errors?.[0]?.path).toBe('content');
    // The second matrix's grid is wrong: the first must not be written either.
    const badSecond = library.replace('        - [0, 1, 1, 1]', '        - [0, 1, 5, 1]');
    const invalid = await post('/import', { format: 'ciso-assistant', content: badSecond.replaceAll('urn:example', 'urn:other') });
    expect(invalid.statusCode).toBe(422);
    expect(problem(invalid).errors).toContainEqual({ path: 'content.objects.risk_matrix.1.matrix.1.2', message: expect.stringMatching(/names risk level 5/) });
    const notOurs = await post('/import', { format: 'bulwark', content: '{"format":"something-else"}' });
    expect(problem(notOurs).errors?.map((error) => error.path)).toContain('content.format');
    expect((await get('')).json().items.length).toBe(before);
  });

  it('refuses a duplicate name with 409', async () => {
    const duplicate = await post('', { template: '4x4', name: 'quick TRIAGE' });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.name');
  });

  it('lets viewers read but not change criteria, and hides them from other organizations', async () => {
    expect((await get('', viewer)).statusCode).toBe(200);
    expect((await post('', { template: '3x3', name: 'Viewer’s' }, viewer)).statusCode).toBe(403);
    const id = (await get('')).json().items[0].id;
    const outsider = (await memberToken(ctx.store, other, 'admin')).token;
    expect((await ctx.app.inject({ url: `/api/orgs/${other.slug}/risk/criteria/${id}`, headers: bearer(outsider) })).statusCode).toBe(404);
    expect((await get(`/${id}`, outsider)).statusCode).toBe(404);
  });

  it('records every change in the audit trail', async () => {
    const rows = await ctx.store.query<{ action: string }>("select action from audit_entries where org_id = $1 and target_type = 'risk-criteria'", [org.orgId]);
    const actions = rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['risk-criteria.created', 'risk-criteria.revised', 'risk-criteria.made-default']));
  });
});
