import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/platform/jobs/handlers.ts';
import { JobRunner } from '../../src/platform/jobs/job-runner.ts';
import type { TAttackImportSummary } from '../../src/risk/threats.schema.ts';
import { bearer, buildOrg, createTestApp, memberToken, type OrgFixture, type TestContext } from '../support/test-app.ts';

/**
 * The real MITRE ATT&CK for ICS bundle and CISA KEV catalogue in ../shared/data, imported through the API. What
 * the store must hold is computed here from the files themselves, independently of the importer.
 */
const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const ATTACK_FILE = path.join(DATA, 'attack/ics-attack-18.1.json');
const KEV_FILE = path.join(DATA, 'kev/known_exploited_vulnerabilities.json');

type StixObject = { id: string; type: string; relationship_type?: string; source_ref?: string; target_ref?: string };
const KIND: Record<string, string> = {
  'attack-pattern': 'technique',
  'intrusion-set': 'group',
  malware: 'software',
  tool: 'software',
  'x-mitre-tactic': 'tactic',
  'course-of-action': 'mitigation',
};
const KEPT_RELATIONS = new Set(['uses', 'mitigates', 'subtechnique-of', 'attributed-to', 'targets']);

function expectations(bundle: { objects: StixObject[] }) {
  const kindOf = new Map<string, string>();
  for (const object of bundle.objects) if (KIND[object.type]) kindOf.set(object.id, KIND[object.type]!);
  const perKind: Record<string, number> = {};
  for (const kind of kindOf.values()) perKind[kind] = (perKind[kind] ?? 0) + 1;
  const relationships = bundle.objects.filter((o) => o.type === 'relationship');
  const kept = new Set(
    relationships
      .filter((r) => KEPT_RELATIONS.has(r.relationship_type!) && kindOf.has(r.source_ref!) && kindOf.has(r.target_ref!))
      .map((r) => `${r.source_ref} ${r.relationship_type} ${r.target_ref}`),
  );
  return { perKind, relations: kept.size, relationships: relationships.length };
}

let ctx: TestContext;
let org: OrgFixture;
let token: string;

beforeAll(async () => {
  ctx = await createTestApp();
  org = await buildOrg(ctx.store);
  token = (await memberToken(ctx.store, org, 'risk-manager')).token;
});
afterAll(() => ctx?.dispose());

const post = (suffix: string, payload: string) =>
  ctx.app.inject({
    method: 'POST',
    url: `/api/orgs/${org.slug}${suffix}`,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload,
  });

/** POSTs the bundle (202 and a job), runs the queue in this process, and returns the job's result: the summary. */
async function importAttack(text: string): Promise<{ summary: TAttackImportSummary; toAccepted: number; toDone: number }> {
  const started = performance.now();
  const response = await post('/threats/imports/attack', text);
  const toAccepted = (performance.now() - started) / 1000;
  expect(response.statusCode, response.body).toBe(202);
  const runner = new JobRunner(ctx.store, jobHandlers);
  while (await runner.runOnce());
  const job = (await ctx.app.inject({ url: response.headers.location as string, headers: bearer(token) })).json() as {
    status: string;
    error: string | null;
    result: TAttackImportSummary;
  };
  expect(job.status, job.error ?? '').toBe('succeeded');
  return { summary: job.result, toAccepted, toDone: (performance.now() - started) / 1000 };
}

describe.runIf(fs.existsSync(ATTACK_FILE))('ATT&CK for ICS 18.1', () => {
  const text = fs.existsSync(ATTACK_FILE) ? fs.readFileSync(ATTACK_FILE, 'utf8') : '{"objects":[]}';
  const expected = expectations(JSON.parse(text) as { objects: StixObject[] });

  it('imports every technique, group, software, tactic and mitigation with the relations between them', async () => {
    const { summary, toAccepted, toDone } = await importAttack(text);
    console.log(
      `ICS ATT&CK import (${text.length} bytes) through the API on the ${ctx.store.kind} store: 202 after ${toAccepted.toFixed(2)} s, job done after ${toDone.toFixed(2)} s`,
    );
    expect(summary.origin).toBe('mitre-ics-attack 18.1');
    for (const [kind, count] of Object.entries(expected.perKind))
      expect(summary.kinds[kind], kind).toEqual({ created: count, updated: 0, unchanged: 0 });
    expect(summary.relations).toEqual({ created: expected.relations, removed: 0, unchanged: 0 });
    const skipped = Object.values(summary.skipped.relationships).reduce((a, b) => a + b, 0);
    expect(skipped + expected.relations).toBe(expected.relationships);

    const stored = await ctx.store.query<{ kind: string; n: number }>(
      'select kind, count(*)::int as n from threats where org_id = $1 group by kind',
      [org.orgId],
    );
    expect(Object.fromEntries(stored.map((row) => [row.kind, row.n]))).toEqual(expected.perKind);
    const [relations] = await ctx.store.query<{ n: number }>('select count(*)::int as n from threat_relations where org_id = $1', [
      org.orgId,
    ]);
    expect(relations?.n).toBe(expected.relations);
    expect(expected.relations).toBeGreaterThan(0);
  });

  it('changes nothing when the same bundle is imported again', async () => {
    const { summary } = await importAttack(text);
    for (const [kind, count] of Object.entries(expected.perKind))
      expect(summary.kinds[kind], kind).toEqual({ created: 0, updated: 0, unchanged: count });
    expect(summary.relations).toEqual({ created: 0, removed: 0, unchanged: expected.relations });
    const [versions] = await ctx.store.query<{ top: number }>('select max(version)::int as top from threats where org_id = $1', [
      org.orgId,
    ]);
    expect(versions?.top).toBe(1);
  });
});

describe.runIf(fs.existsSync(KEV_FILE))('CISA KEV catalogue', () => {
  it('holds every entry of the file and flags the organization’s vulnerability it lists', async () => {
    const catalogue = JSON.parse(fs.readFileSync(KEV_FILE, 'utf8')) as { catalogVersion: string; vulnerabilities: { cveID: string }[] };
    const listed = catalogue.vulnerabilities[catalogue.vulnerabilities.length - 1]!.cveID;
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/vulnerabilities`,
      headers: bearer(token),
      payload: { cveId: listed },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().knownExploited).toBe(false);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${org.slug}/vulnerabilities`,
      headers: bearer(token),
      payload: { cveId: 'CVE-1999-99999' },
    });

    const response = await post('/vulnerabilities/kev', fs.readFileSync(KEV_FILE, 'utf8'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ catalogVersion: catalogue.catalogVersion, entries: catalogue.vulnerabilities.length, flagged: 1 });
    const [stored] = await ctx.store.query<{ n: number }>('select count(*)::int as n from kev_entries where org_id = $1', [org.orgId]);
    expect(stored?.n).toBe(catalogue.vulnerabilities.length);
    const flagged = await ctx.app.inject({ url: `/api/orgs/${org.slug}/vulnerabilities?knownExploited=true`, headers: bearer(token) });
    expect(flagged.json().items.map((item: { cveId: string }) => item.cveId)).toEqual([listed]);
    expect(flagged.json().items[0].kev.dateAdded).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
