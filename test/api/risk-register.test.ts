import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/util/ids.ts';
import { createControl, updateControl } from '../../src/risk/controls.service.ts';
import { createCriteria, reviseCriteria } from '../../src/risk/criteria.service.ts';
import { criteriaTemplate } from '../../src/risk/criteria.templates.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { insertScenarios, type CriteriaOnFile, type ScenarioSpec } from '../support/risk-fixture.ts';
import { bearer, buildOrg, createTestApp, memberToken, problem, type OrgFixture, type TestContext } from '../support/test-app.ts';

/*
 * The risk register through the API: filters, sorts and paging return exactly the expected scenarios, the
 * heat map's cells agree with the cell filter, another tenant sees nothing, and the reports carry the rows.
 * Scenarios are written by the fixture at known cells of the built-in 5×5 matrix (levels Low, Medium, High,
 * Critical), on version 2 of a set whose version 1 was a 3×3.
 */
let ctx: TestContext;
let org: OrgFixture;
let other: OrgFixture;
let viewer: string;
let outsider: string;
let alice: string;
let bob: string;
let ids: Map<string, string>;
let criteriaId: string;
const A1 = newId();
const A2 = newId();
const T1 = newId();
const S1 = newId();
const PAST = '2020-01-01';
const FUTURE = '2999-12-31';

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store, { name: 'Northwind Trading' });
  other = await buildOrg(ctx.store, { name: 'Contoso Other' });
  viewer = (await memberToken(ctx.store, org, 'viewer')).token;
  outsider = (await memberToken(ctx.store, other, 'viewer')).token;
  alice = (await memberToken(ctx.store, org, 'risk-manager')).userId;
  bob = (await memberToken(ctx.store, org, 'admin')).userId;

  const old = await createCriteria(ctx.store, org.access, { template: '3x3', makeDefault: false });
  criteriaId = old.id;
  const five = criteriaTemplate('5x5');
  await reviseCriteria(ctx.store, org.access, old.id, { definition: five, basedOn: 1 });
  const v1: CriteriaOnFile = { id: old.id, version: 1, definition: old.definition };
  const v2: CriteriaOnFile = { id: old.id, version: 2, definition: five };

  const control = async (title: string, status: 'planned' | 'implemented' | 'verified') =>
    (
      await createControl(ctx.store, org.access, {
        title,
        status,
        attributes: { controlTypes: [], properties: [], concepts: [], capabilities: [], domains: [] },
        tags: [],
      })
    ).id;
  const implemented = await control('EDR on servers', 'implemented');
  const planned = await control('Offline backups', 'planned');
  const verified = await control('Cloud posture scanning', 'verified');
  const plan = (...controls: string[]) =>
    controls.map((targetId) => ({ role: 'planned-control' as const, targetType: 'control' as const, targetId }));

  const specs: ScenarioSpec[] = [
    {
      refId: 'R-01',
      title: 'Ransomware on file servers',
      criteria: v2,
      ownerId: alice,
      status: 'in-treatment',
      inherent: [4, 4],
      current: [4, 4],
      target: [1, 2],
      residual: [2, 2],
      evaluation: 'to-treat',
      treatmentOption: 'modify',
      reviewDue: PAST,
      links: [
        { role: 'asset', targetType: 'asset', targetId: A1 },
        { role: 'threat', targetType: 'threat', targetId: T1 },
        ...plan(implemented, planned),
      ],
    },
    {
      refId: 'R-02',
      title: 'Phishing of finance staff',
      criteria: v2,
      ownerId: bob,
      inherent: [4, 4],
      current: [3, 4],
      residual: [3, 4],
      evaluation: 'to-treat',
      reviewDue: '2999-01-01',
    },
    {
      refId: 'R-03',
      title: 'Cloud storage misconfiguration',
      criteria: v2,
      ownerId: alice,
      status: 'in-treatment',
      inherent: [4, 4],
      current: [4, 3],
      residual: [1, 3],
      evaluation: 'to-treat',
      treatmentOption: 'modify',
      reviewDue: '2998-06-01',
      links: [{ role: 'asset', targetType: 'asset', targetId: A2 }, ...plan(verified)],
    },
    {
      refId: 'R-04',
      title: 'Supplier outage',
      criteria: v2,
      ownerId: bob,
      status: 'treated',
      current: [3, 2],
      residual: [1, 2],
      treatmentOption: 'share',
      riskSourceId: S1,
      approach: 'event-based',
    },
    {
      refId: 'R-05',
      title: 'Insider data theft',
      criteria: v2,
      status: 'accepted',
      current: [2, 4],
      residual: [2, 4],
      evaluation: 'acceptable',
      treatmentOption: 'retain',
      acceptances: [{ acceptedBy: bob, acceptedAt: new Date('2019-01-01T00:00:00Z'), expiresOn: PAST }],
    },
    {
      refId: 'R-06',
      title: 'Laptop loss',
      criteria: v2,
      status: 'accepted',
      current: [3, 1],
      evaluation: 'acceptable',
      treatmentOption: 'retain',
      reviewDue: '2021-03-01',
      // The newest acceptance not withdrawn is in force: the newer one, still valid.
      acceptances: [
        { acceptedBy: bob, acceptedAt: new Date('2019-01-01T00:00:00Z'), expiresOn: PAST },
        { acceptedBy: bob, acceptedAt: new Date('2024-01-01T00:00:00Z'), expiresOn: FUTURE },
      ],
    },
    {
      refId: 'R-07',
      title: 'DDoS on the web shop',
      criteria: v2,
      status: 'accepted',
      current: [2, 2],
      evaluation: 'acceptable',
      treatmentOption: 'retain',
      // The newer acceptance was withdrawn, so the older one (expired) is the one in force.
      acceptances: [
        { acceptedBy: bob, acceptedAt: new Date('2019-01-01T00:00:00Z'), expiresOn: PAST },
        { acceptedBy: bob, acceptedAt: new Date('2024-01-01T00:00:00Z'), expiresOn: FUTURE, withdrawn: true },
      ],
    },
    { refId: 'R-08', title: 'Backups at 100% of sites', criteria: v2, current: [1, 1] },
    { refId: 'R-09', title: 'Data centre flood 1000 year', criteria: v2, current: [0, 4] },
    {
      refId: 'R-10',
      title: 'Unpatched VPN appliance',
      criteria: v2,
      ownerId: alice,
      status: 'in-treatment',
      current: [4, 4],
      evaluation: 'to-treat',
      treatmentOption: 'modify',
      links: [{ role: 'path', targetType: 'asset', targetId: A1 }],
    },
    { refId: 'R-11', title: 'Newly identified scenario', criteria: v2 },
    { refId: 'R-12', title: "=cmd|' /C calc'!A0", criteria: v2, status: 'closed', current: [0, 0] },
    { refId: 'R-13', title: 'Legacy scanner on old scale', criteria: v1, current: [2, 2] },
  ];
  ids = await insertScenarios(ctx.store, org.orgId, specs);

  const theirs = await createCriteria(ctx.store, other.access, { template: '5x5', makeDefault: false });
  await insertScenarios(ctx.store, other.orgId, [
    { refId: 'X-01', title: 'Their own risk', criteria: { id: theirs.id, version: 1, definition: theirs.definition }, current: [4, 4] },
  ]);
});
afterAll(() => ctx.dispose());

const get = (path: string, token = viewer, slug = org.slug) =>
  ctx.app.inject({ url: `/api/orgs/${slug}/scenarios${path}`, headers: bearer(token) });
const refs = async (query: string): Promise<string[]> => {
  const response = await get(`?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: { refId: string }) => item.refId);
};

const PRIORITY = ['R-01', 'R-10', 'R-02', 'R-03', 'R-05', 'R-04', 'R-13', 'R-09', 'R-07', 'R-06', 'R-08', 'R-12', 'R-11'];

describe('risk register list', () => {
  it('lists the default set’s scenarios by priority with names from each scenario’s own version', async () => {
    const response = await get('');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.criteria).toEqual({ id: criteriaId, name: 'Standard 5×5', version: 2 });
    expect(page.items.map((item: { refId: string }) => item.refId)).toEqual(PRIORITY);
    expect(page).toMatchObject({ total: 13, limit: 50, offset: 0 });
    const first = page.items[0];
    expect(first).toMatchObject({
      id: ids.get('R-01'),
      title: 'Ransomware on file servers',
      approach: 'asset-based',
      status: 'in-treatment',
      owner: { id: alice, name: 'risk-manager person' },
      criteriaVersion: 2,
      evaluation: 'to-treat',
      treatmentOption: 'modify',
      progress: { planned: 2, inPlace: 1 },
      reviewDue: PAST,
      reviewOverdue: true,
      acceptance: null,
    });
    expect(first.ratings.current).toEqual({
      likelihood: 4,
      consequence: 4,
      level: 3,
      likelihoodName: 'Almost certain',
      consequenceName: 'Severe',
      levelName: 'Critical',
      colour: '#E03131',
    });
    expect(first.ratings.residual).toMatchObject({ level: 1, levelName: 'Medium' });
    expect(first.ratings.target).toMatchObject({ likelihood: 1, consequence: 2, level: 1 });
    const byRef = new Map(page.items.map((item: { refId: string }) => [item.refId, item]));
    // R-13 is on version 1, a 3×3 whose level 2 is called High and is red.
    expect(byRef.get('R-13')).toMatchObject({
      criteriaVersion: 1,
      ratings: { current: { level: 2, levelName: 'High', colour: '#E03131', consequenceName: 'High' } },
    });
    expect(byRef.get('R-03')).toMatchObject({ progress: { planned: 1, inPlace: 1 }, reviewOverdue: false });
    expect(byRef.get('R-07')).toMatchObject({ acceptance: { expiresOn: PAST, expired: true } });
    expect(byRef.get('R-06')).toMatchObject({ acceptance: { expiresOn: FUTURE, expired: false } });
    expect(byRef.get('R-11')).toMatchObject({
      owner: null,
      ratings: { inherent: null, current: null, target: null, residual: null },
      progress: { planned: 0, inPlace: 0 },
    });
  });

  it.each([
    ['level=3', ['R-01', 'R-10', 'R-02', 'R-03']],
    ['level=2,3', ['R-01', 'R-10', 'R-02', 'R-03', 'R-05', 'R-04', 'R-13']],
    ['level=2&level=3', ['R-01', 'R-10', 'R-02', 'R-03', 'R-05', 'R-04', 'R-13']],
    ['residualLevel=1', ['R-01', 'R-03', 'R-04']],
    ['cell=current:4:4', ['R-01', 'R-10']],
    // R-13 sits at 2:2 too, but on the 3×3 version: not a cell of this heat map.
    ['cell=current:2:2', ['R-07']],
    ['cell=residual:2:2', ['R-01']],
    ['cell=inherent:4:4', ['R-01', 'R-02', 'R-03']],
    [`ownerId=${'ALICE'}`, ['R-01', 'R-10', 'R-03']],
    [`assetId=${A1}`, ['R-01', 'R-10']],
    [`assetId=${A2}`, ['R-03']],
    ['status=accepted', ['R-05', 'R-07', 'R-06']],
    ['status=accepted,closed', ['R-05', 'R-07', 'R-06', 'R-12']],
    ['treatment=modify', ['R-01', 'R-10', 'R-03']],
    ['treatment=share&treatment=retain', ['R-05', 'R-04', 'R-07', 'R-06']],
    [`source=${T1}`, ['R-01']],
    [`source=${S1}`, ['R-04']],
    ['evaluation=acceptable', ['R-05', 'R-07', 'R-06']],
    ['reviewOverdue=true', ['R-01', 'R-06']],
    ['reviewOverdue=false', ['R-10', 'R-02', 'R-03', 'R-05', 'R-04', 'R-13', 'R-09', 'R-07', 'R-08', 'R-12', 'R-11']],
    ['acceptanceExpired=true', ['R-05', 'R-07']],
    ['acceptanceExpired=false', ['R-01', 'R-10', 'R-02', 'R-03', 'R-04', 'R-13', 'R-09', 'R-06', 'R-08', 'R-12', 'R-11']],
    ['q=RANSOM', ['R-01']],
    ['q=STORAGE MIS', ['R-03']],
    ['q=r-1', ['R-10', 'R-13', 'R-12', 'R-11']],
    // % and _ match literally: unescaped, "100%" would also match "1000" and "s_t" would match "sit".
    ['q=100%25', ['R-08']],
    ['q=s_t', []],
    [`level=3&ownerId=ALICE&treatment=modify&reviewOverdue=false`, ['R-10', 'R-03']],
  ])('filters %s', async (query, expected) => {
    expect(await refs(query.replaceAll('ALICE', alice))).toEqual(expected);
  });

  it.each([
    [
      'sort=priority&direction=asc',
      ['R-12', 'R-08', 'R-06', 'R-07', 'R-09', 'R-13', 'R-04', 'R-05', 'R-03', 'R-02', 'R-10', 'R-01', 'R-11'],
    ],
    ['sort=ref', ['R-01', 'R-02', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'R-09', 'R-10', 'R-11', 'R-12', 'R-13']],
    ['sort=ref&direction=desc', ['R-13', 'R-12', 'R-11', 'R-10', 'R-09', 'R-08', 'R-07', 'R-06', 'R-05', 'R-04', 'R-03', 'R-02', 'R-01']],
    ['sort=title&level=2,3', ['R-03', 'R-05', 'R-13', 'R-02', 'R-01', 'R-04', 'R-10']],
    ['sort=title&direction=desc&level=2,3', ['R-10', 'R-04', 'R-01', 'R-02', 'R-13', 'R-05', 'R-03']],
    ['sort=residual', ['R-02', 'R-05', 'R-03', 'R-01', 'R-04', 'R-06', 'R-07', 'R-08', 'R-09', 'R-10', 'R-11', 'R-12', 'R-13']],
    ['sort=reviewDue', ['R-01', 'R-06', 'R-03', 'R-02', 'R-04', 'R-05', 'R-07', 'R-08', 'R-09', 'R-10', 'R-11', 'R-12', 'R-13']],
    [
      'sort=reviewDue&direction=desc',
      ['R-02', 'R-03', 'R-06', 'R-01', 'R-13', 'R-12', 'R-11', 'R-10', 'R-09', 'R-08', 'R-07', 'R-05', 'R-04'],
    ],
    ['sort=updated', ['R-13', 'R-12', 'R-11', 'R-10', 'R-09', 'R-08', 'R-07', 'R-06', 'R-05', 'R-04', 'R-03', 'R-02', 'R-01']],
    [
      'sort=updated&direction=asc',
      ['R-01', 'R-02', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'R-09', 'R-10', 'R-11', 'R-12', 'R-13'],
    ],
  ])('sorts %s', async (query, expected) => {
    expect(await refs(query)).toEqual(expected);
  });

  it('pages with limit and offset and keeps the exact total', async () => {
    const pages = [];
    for (let offset = 0; offset < 13; offset += 5) {
      const page = (await get(`?limit=5&offset=${offset}`)).json();
      expect(page).toMatchObject({ total: 13, limit: 5, offset });
      pages.push(...page.items.map((item: { refId: string }) => item.refId));
    }
    expect(pages).toEqual(PRIORITY);
    const filtered = (await get('?level=3&limit=2&offset=2')).json();
    expect(filtered.items.map((item: { refId: string }) => item.refId)).toEqual(['R-02', 'R-03']);
    expect(filtered.total).toBe(4);
    const beyond = (await get('?level=3&offset=100')).json();
    expect(beyond).toMatchObject({ items: [], total: 4 });
    // Deep offsets are sliced from the remembered order (register-order.ts): beyond its end, an empty page.
    expect((await get('?offset=200&sort=title')).json()).toMatchObject({ items: [], total: 13 });
  });

  it('answers 400 or 422 naming the parameter for bad filters', async () => {
    const cases: [string, number, string][] = [
      ['cell=current:5:0', 422, 'querystring.cell'],
      ['cell=current:0:9', 422, 'querystring.cell'],
      ['cell=target:0:0', 400, 'querystring.cell'],
      ['cell=current:x', 400, 'querystring.cell'],
      ['level=4', 422, 'querystring.level.0'],
      ['level=1,12', 400, 'querystring.level.1'],
      ['status=bogus', 400, 'querystring.status.0'],
      ['treatment=ignore', 400, 'querystring.treatment.0'],
      ['limit=0', 400, 'querystring.limit'],
      ['limit=501', 400, 'querystring.limit'],
      ['offset=-1', 400, 'querystring.offset'],
      ['sort=owner', 400, 'querystring.sort'],
      ['ownerId=nobody', 400, 'querystring.ownerId'],
      ['reviewOverdue=maybe', 400, 'querystring.reviewOverdue'],
      ['colour=red', 400, 'querystring.colour'],
    ];
    for (const [query, status, path] of cases) {
      const response = await get(`?${query}`);
      expect(response.statusCode, query).toBe(status);
      expect(
        problem(response).errors?.map((e) => e.path),
        query,
      ).toContain(path);
    }
    const heat = await get('/heat-map?level=9');
    expect(heat.statusCode).toBe(422);
    expect(problem(heat).errors?.[0]?.path).toBe('querystring.level.0');
  });

  it('shows nothing of another tenant: 404 across, and none of these rows in theirs', async () => {
    for (const path of ['', '/heat-map', '/report?format=csv']) {
      const response = await get(path, outsider);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).not.toContain('Ransomware');
      expect((await get(path, viewer, other.slug)).statusCode, path).toBe(404);
    }
    const theirs = (await get('', outsider, other.slug)).json();
    expect(theirs.items.map((item: { refId: string }) => item.refId)).toEqual(['X-01']);
    expect(theirs.total).toBe(1);
    const theirCriteria = theirs.criteria.id;
    const probe = await get(`?criteriaId=${theirCriteria}`);
    expect(probe.statusCode).toBe(404);
    expect((await get(`/heat-map?criteriaId=${theirCriteria}`)).statusCode).toBe(404);
  });
});

describe('risk heat map', () => {
  it('counts current ratings per cell, with unrated and other-scale scenarios apart', async () => {
    const response = await get('/heat-map?rating=current');
    expect(response.statusCode).toBe(200);
    const map = response.json();
    expect(map).toMatchObject({ criteria: { id: criteriaId, version: 2 }, rating: 'current', total: 11, unrated: 1, otherScale: 1 });
    expect(map.likelihood).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(map.consequence).toEqual(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
    expect(map.levels.map((level: { name: string }) => level.name)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(map.cells.map((row: { count: number }[]) => row.map((cell) => cell.count))).toEqual([
      [1, 0, 0, 0, 1],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 1],
      [0, 1, 1, 0, 1],
      [0, 0, 0, 1, 2],
    ]);
    expect(map.cells[4][4].level).toBe(3);
    expect(map.cells[0][0].level).toBe(0);
  });

  it('agrees with the cell filter for every cell of every rating, and applies the register’s filters', async () => {
    for (const rating of ['inherent', 'current', 'residual']) {
      const map = (await get(`/heat-map?rating=${rating}`)).json();
      for (const [l, row] of map.cells.entries()) {
        for (const [c, cell] of row.entries()) {
          const page = (await get(`?cell=${rating}:${l}:${c}&limit=1`)).json();
          expect(page.total, `${rating} ${l}:${c}`).toBe(cell.count);
        }
      }
    }
    const residual = (await get('/heat-map?rating=residual')).json();
    expect(residual).toMatchObject({ total: 5, unrated: 8, otherScale: 0 });
    const accepted = (await get('/heat-map?status=accepted')).json();
    expect(accepted.total).toBe(3);
    expect([accepted.cells[2][4].count, accepted.cells[2][2].count, accepted.cells[3][1].count]).toEqual([1, 1, 1]);
  });
});

describe('risk reports', () => {
  const report = (query: string) => get(`/report?${query}`);
  const today = new Date().toISOString().slice(0, 10);

  it('CSV: every matching row, highest priority first, formula-looking cells guarded', async () => {
    const response = await report('format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="risk-report-${org.slug}-${today}.csv"`);
    const rows = parse(response.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.Ref)).toEqual(PRIORITY);
    expect(rows[0]).toMatchObject({
      Ref: 'R-01',
      Title: 'Ransomware on file servers',
      Owner: 'risk-manager person',
      'Inherent level': 'Critical',
      'Current level': 'Critical',
      'Current likelihood': 'Almost certain',
      'Current consequence': 'Severe',
      'Residual level': 'Medium',
      Treatment: 'modify',
      'Planned controls': '2',
      'Controls in place': '1',
      'Review due': PAST,
      'Review overdue': 'yes',
    });
    expect(rows.find((row) => row.Ref === 'R-12')!.Title).toBe("'=cmd|' /C calc'!A0");
    expect(rows.find((row) => row.Ref === 'R-07')!['Acceptance expired']).toBe('yes');
    const filtered = parse((await report('format=csv&level=3')).rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(filtered.map((row) => row.Ref)).toEqual(['R-01', 'R-10', 'R-02', 'R-03']);
  });

  it('XLSX: Summary, Register (frozen header, autofilter, coloured levels) and Heat maps', async () => {
    const response = await report('format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="risk-report-${org.slug}-${today}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Register', 'Heat maps']);
    const register = book.getWorksheet('Register')!;
    expect(register.rowCount).toBe(14);
    expect(register.getRow(1).getCell(1).value).toBe('Ref');
    const refsInSheet = Array.from({ length: 13 }, (_, i) => register.getRow(i + 2).getCell(1).value);
    expect(refsInSheet).toEqual(PRIORITY);
    expect(register.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(register.autoFilter).toBeTruthy();
    const header = register.getRow(1).values as unknown[];
    const currentColumn = header.indexOf('Current level');
    const cell = register.getRow(2).getCell(currentColumn);
    expect(cell.value).toBe('Critical');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFE03131');
    const summary = book.getWorksheet('Summary')!;
    const labels = new Map<string, unknown>();
    summary.eachRow((row) => labels.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(labels.get('Risks')).toBe(13);
    expect(labels.get('Critical')).toBe(4);
    expect(labels.get('Reviews overdue')).toBe(2);
    expect(labels.get('Acceptances expired')).toBe(2);
    const maps = book.getWorksheet('Heat maps')!;
    const counts: unknown[] = [];
    maps.eachRow((row) => {
      if (row.getCell(1).value === 'Almost certain') counts.push((row.values as unknown[]).slice(2));
    });
    // Inherent first (R-01, R-02, R-03 at 4:4), then residual (none on that row).
    expect(counts).toEqual([
      [0, 0, 0, 0, 3],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('PDF: a few A4 pages with the organization, the top risks and page numbers', async () => {
    const response = await report('format=pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="risk-report-${org.slug}-${today}.pdf"`);
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPages(bytes);
    expect(pages).toHaveLength(3);
    const text = pages.join('\n');
    for (const expected of [
      'Northwind Trading',
      'Executive summary',
      'Ransomware on file servers',
      'Unpatched VPN appliance',
      'Page 3 of 3',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toContain('The register holds 13 risks');
    expect(text).toContain('2 risk acceptances have expired');
  });

  it('a second criteria set is shown only when asked for, with its own scales', async () => {
    const alt = await createCriteria(ctx.store, org.access, { template: '4x4', name: 'Projects 4×4', makeDefault: false });
    await insertScenarios(ctx.store, org.orgId, [
      { refId: 'P-01', title: 'Project overrun', criteria: { id: alt.id, version: 1, definition: alt.definition }, current: [3, 3] },
    ]);
    expect(await refs('')).toEqual(PRIORITY);
    const page = (await get(`?criteriaId=${alt.id}`)).json();
    expect(page).toMatchObject({ criteria: { id: alt.id, name: 'Projects 4×4', version: 1 }, total: 1 });
    expect(page.items[0].ratings.current).toMatchObject({ levelName: 'Very high', likelihoodName: 'Very likely' });
    const map = (await get(`/heat-map?criteriaId=${alt.id}`)).json();
    expect(map.likelihood).toHaveLength(4);
    expect(map.cells[3][3].count).toBe(1);
    expect((await get('/heat-map')).json().total).toBe(11);
  });
});

describe('risk register after a change', () => {
  it('counts a new scenario at once: totals and heat maps follow the organization’s audit head', async () => {
    const before = (await get('/heat-map')).json();
    expect((await get('?level=3')).json().total).toBe(4);
    const five = criteriaTemplate('5x5');
    await insertScenarios(ctx.store, org.orgId, [
      { refId: 'R-14', title: 'Stolen signing key', criteria: { id: criteriaId, version: 2, definition: five }, current: [4, 4] },
    ]);
    const after = (await get('?level=3')).json();
    expect(after.total).toBe(5);
    expect(after.items.map((item: { refId: string }) => item.refId)).toEqual(['R-01', 'R-10', 'R-14', 'R-02', 'R-03']);
    const map = (await get('/heat-map')).json();
    expect(map.total).toBe(before.total + 1);
    expect(map.cells[4][4].count).toBe(before.cells[4][4].count + 1);
  });
});

describe('a remembered register page', () => {
  it('shows a plan’s progress at once when one of its controls is put in place', async () => {
    type Item = { id: string; progress: { inPlace: number } };
    const before: Item[] = (await get('?limit=100')).json().items;
    expect((await get('?limit=100')).json().items).toEqual(before); // answered again, now from memory
    const [control] = await ctx.store.query<{ id: string }>(
      "select id from applied_controls where org_id = $1 and title = 'Offline backups'",
      [org.orgId],
    );
    const planners = new Set(
      (
        await ctx.store.query<{ scenario_id: string }>(
          "select scenario_id from risk_scenario_links where org_id = $1 and target_id = $2 and role = 'planned-control'",
          [org.orgId, control!.id],
        )
      ).map((row) => row.scenario_id),
    );
    expect(planners.size).toBeGreaterThan(0);
    await updateControl(ctx.store, org.access, control!.id, { status: 'implemented' }, undefined);
    const after: Item[] = (await get('?limit=100')).json().items;
    const inPlace = (items: Item[]) => new Map(items.map((item) => [item.id, item.progress.inPlace]));
    const [was, now] = [inPlace(before), inPlace(after)];
    for (const [id, count] of was) expect(now.get(id), id).toBe(count + (planners.has(id) ? 1 : 0));
  });
});

describe('a remembered register page at any offset', () => {
  it('is answered from memory until the audit head moves', async () => {
    type Item = { id: string; title: string };
    const page: Item[] = (await get('?sort=title&offset=3&limit=2')).json().items;
    expect(page).toHaveLength(2);
    // Not something the product does (every write is audited): here it shows the answer comes from memory.
    await ctx.store.query('update risk_scenarios set title = $2 where org_id = $1 and id = $3', [
      org.orgId,
      'Zz changed behind its back',
      page[0]!.id,
    ]);
    expect((await get('?sort=title&offset=3&limit=2')).json().items).toEqual(page);
    const [control] = await ctx.store.query<{ id: string }>('select id from applied_controls where org_id = $1 limit 1', [org.orgId]);
    await updateControl(ctx.store, org.access, control!.id, { description: 'audited write: moves the head' }, undefined);
    const after: Item[] = (await get('?sort=title&offset=3&limit=2')).json().items;
    expect(after.map((item) => item.id)).not.toContain(page[0]!.id);
    await ctx.store.query('update risk_scenarios set title = $2 where org_id = $1 and id = $3', [org.orgId, page[0]!.title, page[0]!.id]);
    await updateControl(ctx.store, org.access, control!.id, { description: 'audited write: back as it was' }, undefined);
    expect((await get('?sort=title&offset=3&limit=2')).json().items).toEqual(page);
  });
});
