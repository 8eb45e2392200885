import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { Store } from '../../src/platform/db/store.ts';
import { enqueueJobWithPayload } from '../../src/platform/jobs/jobs.service.ts';
import { removeMember } from '../../src/platform/orgs/members.service.ts';
import { exportTenant } from '../../src/platform/transfer/export.service.ts';
import { importTenant, type ImportSummary } from '../../src/platform/transfer/import.service.ts';
import { ZCreateAsset } from '../../src/inventory/assets.schema.ts';
import { ZCreateCriteria } from '../../src/risk/criteria.schema.ts';
import { createCriteria, reviseCriteria } from '../../src/risk/criteria.service.ts';
import { ZCreateControl } from '../../src/risk/controls.schema.ts';
import { createControl } from '../../src/risk/controls.service.ts';
import { createAsset } from '../../src/inventory/assets.service.ts';
import { ZCreateDependency } from '../../src/inventory/dependencies.schema.ts';
import { createDependency } from '../../src/inventory/dependencies.service.ts';
import { ZCreateExternalOrganization } from '../../src/inventory/external-orgs.schema.ts';
import { createExternalOrganization } from '../../src/inventory/external-orgs.service.ts';
import { importAttackBundle } from '../../src/risk/attack-import.service.ts';
import { importKevCatalogue } from '../../src/risk/kev-import.ts';
import { acceptRisk } from '../../src/risk/scenario-acceptance.service.ts';
import { assessScenario } from '../../src/risk/scenario-assessment.service.ts';
import { ZCreateScenario } from '../../src/risk/scenarios.schema.ts';
import { createScenario } from '../../src/risk/scenarios.service.ts';
import { ZCreateVulnerability } from '../../src/risk/vulnerabilities.schema.ts';
import { createVulnerability } from '../../src/risk/vulnerabilities.service.ts';
import { saveAnalysis } from '../../src/quant/fair-analysis.service.ts';
import { runScenario } from '../../src/quant/fair-runs.service.ts';
import { saveSettings } from '../../src/quant/fair-settings.service.ts';
import { buildOrg, memberToken, type OrgFixture } from './test-app.ts';

export interface TenantFixture {
  org: OrgFixture;
  /** An active token secret minted in the source store. */
  viewerToken: string;
}

/**
 * An organization with something in every tenant table and the awkward cases an export must carry:
 * a removed member whose revoked token still names them, a queued job whose jsonb holds a number beyond
 * 2^53 and whose payload (its file) holds quotes, a newline and a non-ASCII letter, and timestamps with microseconds (the services write JavaScript dates, which have milliseconds).
 */
export async function buildTenant(store: Store): Promise<TenantFixture> {
  const org = await buildOrg(store);
  const viewer = await memberToken(store, org, 'viewer');
  const leaver = await memberToken(store, org, 'auditor');
  await removeMember(store, org.access, leaver.userId);
  const [token] = await store.query<{ id: string }>('select id from api_tokens where org_id = $1 and user_id = $2', [
    org.orgId,
    viewer.userId,
  ]);
  await store.db.transaction((tx) =>
    enqueueJobWithPayload(tx, org.access, 'import.csv', { nested: { a: [1.5, null, 'é\n"'] } }, 'name,kind\n"Zürich, rack 1",host\n'),
  );
  await store.query("update api_tokens set last_used_at = '2024-02-29T23:59:59.123456Z' where org_id = $1 and id = $2", [
    org.orgId,
    token!.id,
  ]);
  await store.query(
    `update jobs set progress_total = 7, heartbeat_at = '2024-03-01T00:00:00.000001Z', result = '{"big": 9007199254740993, "exact": 1.50}'::jsonb where org_id = $1`,
    [org.orgId],
  );
  await buildInventory(store, org);
  await buildRiskCriteria(store, org);
  await buildRiskRegister(store, org);
  await buildFair(store, org);
  return { org, viewerToken: viewer.token };
}

/** Risk criteria with two versions (jsonb definitions, a partial unique index on the default). */
async function buildRiskCriteria(store: Store, org: OrgFixture): Promise<void> {
  const criteria = await createCriteria(store, org.access, ZCreateCriteria.parse({ template: '4x4' }));
  await reviseCriteria(store, org.access, criteria.id, {
    basedOn: 1,
    definition: { ...criteria.definition, description: 'Revised: “quotes” and ünïcode' },
  });
  // An applied control with a numeric cost, a date and jsonb attributes.
  await createControl(
    store,
    org.access,
    ZCreateControl.parse({
      refId: 'AC-1',
      title: 'MFA',
      oneOffCost: 1234.5,
      currency: 'EUR',
      dueDate: '2024-02-29',
      attributes: { concepts: ['protect'] },
    }),
  );
}

const fixture = (name: string): string => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/risk', name), 'utf8');

/** Threats with relations (ATT&CK import), a KEV copy, a vulnerability on an asset, an assessed and accepted scenario. */
async function buildRiskRegister(store: Store, org: OrgFixture): Promise<void> {
  await importAttackBundle(store, org.access, JSON.parse(fixture('mini-attack.json')), { dryRun: false });
  await importKevCatalogue(store, org.access, JSON.parse(fixture('mini-kev.json')));
  const [asset] = await store.query<{ id: string }>('select id from assets where org_id = $1 order by name limit 1', [org.orgId]);
  const vulnerability = await createVulnerability(
    store,
    org.access,
    ZCreateVulnerability.parse({
      cveId: 'CVE-2021-44228',
      cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
      assetIds: [asset!.id],
    }),
  );
  const created = await createScenario(
    store,
    org.access,
    ZCreateScenario.parse({
      title: 'Log4Shell on the API',
      approach: 'asset-based',
      ownerId: org.access.userId,
      assets: [asset!.id],
      vulnerabilities: [vulnerability.id],
    }),
  );
  const assessed = await assessScenario(
    store,
    org.access,
    created.id,
    { current: { likelihood: 0, consequence: 0 }, useLatestCriteria: false },
    created.version,
  );
  await acceptRisk(store, org.access, assessed.id, { justification: 'Low and watched', conditions: 'Patch “soon”' }, undefined);
}

/** FAIR settings with a driver, an analysis naming it (jsonb with nested distributions), and an inline run. */
async function buildFair(store: Store, org: OrgFixture): Promise<void> {
  await saveSettings(store, org.access, {
    currency: 'EUR',
    appetite: [
      { loss: 1e5, probability: 0.2 },
      { loss: 1e6, probability: 0.05 },
    ],
    drivers: [
      {
        key: 'phishing-waves',
        name: 'Phishing waves',
        description: 'Per “year”',
        distribution: { kind: 'pert', min: 1, mode: 4, max: 12 },
      },
    ],
  });
  const [scenario] = await store.query<{ id: string }>('select id from risk_scenarios where org_id = $1 limit 1', [org.orgId]);
  await saveAnalysis(
    store,
    org.access,
    scenario!.id,
    {
      model: 'product',
      inputs: {
        threatEventFrequency: { driver: 'phishing-waves' },
        vulnerability: { kind: 'pert', min: 0.05, mode: 0.2, max: 0.5 },
        primaryLoss: { forms: { response: { kind: 'lognormal', lo: 2000, hi: 40000 }, productivity: { kind: 'constant', value: 1234.5 } } },
        secondaryLossEventFrequency: { kind: 'uniform', min: 0, max: 0.3 },
        secondaryLossMagnitude: { kind: 'triangular', min: 0, mode: 5000, max: 90000 },
      },
      controls: [
        { name: 'MFA', yearlyCost: 5000, effects: [{ factor: 'vulnerability', reduction: { kind: 'uniform', min: 0.3, max: 0.6 } }] },
      ],
      iterations: 2000,
      seed: 2 ** 40 + 7,
    },
    undefined,
  );
  await runScenario(store, org.access, { maxMemoryMb: 1024, maxSeconds: 300 }, scenario!.id, { sensitivity: true });
}

/** Inventory rows: composite foreign keys, arrays, dates and generated columns (which the target recomputes). */
async function buildInventory(store: Store, org: OrgFixture): Promise<void> {
  const supplier = await createExternalOrganization(
    store,
    org.access,
    ZCreateExternalOrganization.parse({
      name: 'Cloudy Ltd',
      relationshipTypes: ['cloud-provider'],
      contacts: [{ name: 'Ops desk', email: 'ops@cloudy.test' }],
      contractStart: '2024-01-31',
    }),
  );
  const api = await createAsset(
    store,
    org.access,
    ZCreateAsset.parse({
      kind: 'software',
      name: 'Payments API',
      operatorId: supplier.id,
      confidentiality: 3,
      tags: ['pci', 'tier-1'],
      externalIds: { purl: 'pkg:npm/payments@1.0.0' },
    }),
  );
  const host = await createAsset(store, org.access, ZCreateAsset.parse({ kind: 'host', name: 'db-01', availability: 4, rtoMinutes: 60 }));
  await createDependency(store, org.access, ZCreateDependency.parse({ sourceId: api.id, targetId: host.id, type: 'runs-on' }));
}

/** Runs exportTenant into memory and returns the file's text. */
export async function exportText(store: Store, slug: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportTenant(store, slug, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

export const importText = (store: Store, text: string): Promise<ImportSummary> =>
  importTenant(store, () => Readable.from([Buffer.from(text, 'utf8')]));

/** The file without the header fields that differ between two exports of the same data. */
export function comparable(text: string): string {
  const [header, ...rest] = text.split('\n');
  const { exportedAt: _exportedAt, sourceStore: _sourceStore, ...stable } = JSON.parse(header!) as Record<string, unknown>;
  return [JSON.stringify(stable), ...rest].join('\n');
}

/** Rewrites the last line's checksum to match the row lines, as someone editing the file on purpose would. */
export function reseal(text: string): string {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const rows = lines.slice(1, -1);
  const sha256 = createHash('sha256')
    .update(rows.map((l) => `${l}\n`).join(''))
    .digest('hex');
  return [lines[0], ...rows, JSON.stringify({ end: { rows: rows.length, sha256 } }), ''].join('\n');
}

const COUNTED = ['organizations', 'users', 'memberships', 'api_tokens', 'jobs', 'audit_entries', 'sessions'];

/** Rows per table in the whole store: what a refused import must leave unchanged. */
export async function storeCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = (await store.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  return counts;
}
