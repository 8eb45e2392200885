import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/* Applied controls through the API: the organization's own measures with their 27002 attributes. */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let writer: string;
let viewer: string;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  other = await buildOrg(ctx.store);
  writer = (await memberToken(ctx.store, org, 'compliance-manager')).token;
  viewer = (await memberToken(ctx.store, org, 'viewer')).token;
});
afterAll(() => ctx.dispose());

const url = (suffix = '', slug = org.slug): string => `/api/orgs/${slug}/controls${suffix}`;
const send = (method: 'POST' | 'PATCH' | 'DELETE', suffix: string, payload?: object, token = writer, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method, url: url(suffix), headers: { ...bearer(token), ...headers }, ...(payload ? { payload } : {}) });
const get = (suffix = '', token = writer, slug = org.slug) => ctx.app.inject({ url: url(suffix, slug), headers: bearer(token) });
const titles = async (query: string): Promise<string[]> => (await get(`?${query}`)).json().items.map((item: { title: string }) => item.title);

describe('applied controls', () => {
  let mfaId = '';

  it('creates controls with their attributes, owner, due date and cost, and lists them by title', async () => {
    const mfa = await send('POST', '', {
      refId: 'AC-1',
      title: 'Multi-factor authentication for remote access',
      owner: 'IAM team',
      status: 'in-progress',
      dueDate: '2020-01-31',
      oneOffCost: 12000,
      yearlyCost: 4500.5,
      currency: 'EUR',
      effectiveness: 80,
      attributes: { controlTypes: ['preventive'], properties: ['confidentiality', 'integrity'], concepts: ['protect'], capabilities: ['identity-and-access-management'], domains: ['protection'] },
      tags: ['remote'],
    });
    expect(mfa.statusCode).toBe(201);
    expect(mfa.headers.etag).toBe('"1"');
    mfaId = mfa.json().id;
    expect(mfa.json()).toMatchObject({ refId: 'AC-1', status: 'in-progress', overdue: true, yearlyCost: 4500.5, attributes: { concepts: ['protect'] } });
    await send('POST', '', { title: 'Backups tested quarterly', status: 'implemented', dueDate: '2020-01-01', attributes: { concepts: ['recover'], capabilities: ['continuity'] } });
    await send('POST', '', { title: 'central log collection', attributes: { concepts: ['detect'] } });
    expect(await titles('')).toEqual(['Backups tested quarterly', 'central log collection', 'Multi-factor authentication for remote access']);
  });

  it('filters by status, 27002 attribute, owner, overdue and text', async () => {
    expect(await titles('status=implemented')).toEqual(['Backups tested quarterly']);
    expect(await titles('concept=detect')).toEqual(['central log collection']);
    expect(await titles('capability=identity-and-access-management')).toEqual(['Multi-factor authentication for remote access']);
    expect(await titles('owner=IAM%20team')).toEqual(['Multi-factor authentication for remote access']);
    // Past due and not in place: the MFA rollout; the backups are past due but implemented.
    expect(await titles('overdue=true')).toEqual(['Multi-factor authentication for remote access']);
    expect(await titles('overdue=false')).toEqual(['Backups tested quarterly', 'central log collection']);
    expect(await titles('q=ac-1')).toEqual(['Multi-factor authentication for remote access']);
    expect(await titles('q=LOG')).toEqual(['central log collection']);
    // `%` and `_` are matched literally: unescaped, "100%" would also match "1000" and "1_0" any character.
    await send('POST', '', { title: 'Patch 100% of hosts' });
    await send('POST', '', { title: 'Patch 1000 hosts' });
    expect(await titles('q=100%25')).toEqual(['Patch 100% of hosts']);
    expect(await titles('q=h_st')).toEqual([]);
  });

  it('updates with optimistic concurrency and keeps the history in the audit trail', async () => {
    const done = await send('PATCH', `/${mfaId}`, { status: 'implemented' }, writer, { 'if-match': '"1"' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'implemented', version: 2, overdue: false });
    const stale = await send('PATCH', `/${mfaId}`, { owner: 'Someone else' }, writer, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('VERSION_CONFLICT');
    expect((await get(`/${mfaId}`)).json().owner).toBe('IAM team');
    const actions = await ctx.store.query<{ action: string }>("select action from audit_entries where org_id = $1 and target_id = $2 order by seq", [org.orgId, mfaId]);
    expect(actions.map((row) => row.action)).toEqual(['applied-control.created', 'applied-control.updated']);
  });

  it('deletes a control', async () => {
    const made = (await send('POST', '', { title: 'Temporary' })).json();
    expect((await send('DELETE', `/${made.id}`)).statusCode).toBe(204);
    expect((await get(`/${made.id}`)).statusCode).toBe(404);
  });
});

describe('bad input to applied controls', () => {
  it('names the field of an unknown attribute value, a duplicate reference, and a cost without currency; nothing is written', async () => {
    const before = (await get('')).json().items.length;
    const badAttribute = await send('POST', '', { title: 'X', attributes: { concepts: ['prevent'] } });
    expect(badAttribute.statusCode).toBe(400);
    expect(problem(badAttribute).errors?.[0]?.path).toBe('body.attributes.concepts.0');
    const duplicate = await send('POST', '', { title: 'Y', refId: 'ac-1' });
    expect(duplicate.statusCode).toBe(409);
    expect(problem(duplicate).errors?.[0]?.path).toBe('body.refId');
    const noCurrency = await send('POST', '', { title: 'Z', oneOffCost: 10 });
    expect(noCurrency.statusCode).toBe(422);
    expect(problem(noCurrency).errors?.[0]?.path).toBe('body.currency');
    const badEffectiveness = await send('POST', '', { title: 'W', effectiveness: 120 });
    expect(problem(badEffectiveness).errors?.[0]?.path).toBe('body.effectiveness');
    expect((await get('')).json().items.length).toBe(before);
  });

  it('lets viewers read but not write, and hides controls from other organizations', async () => {
    expect((await get('', viewer)).statusCode).toBe(200);
    expect((await send('POST', '', { title: 'Viewer’s' }, viewer)).statusCode).toBe(403);
    const id = (await get('')).json().items[0].id;
    const outsider = (await memberToken(ctx.store, other, 'admin')).token;
    expect((await get(`/${id}`, outsider, other.slug)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'PATCH', url: url(`/${id}`, other.slug), headers: bearer(outsider), payload: { title: 'Mine now' } })).statusCode).toBe(404);
    expect((await get(`/${id}`, outsider)).statusCode).toBe(404);
  });
});
