import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrgChain } from '../../src/platform/audit/audit.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/context.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { INSTANCE_ORG_SLUG } from '../../src/platform/orgs/orgs.service.ts';
import { addMember } from '../../src/platform/orgs/members.service.ts';
import { createUser } from '../../src/platform/orgs/users.service.ts';
import { exportTenant } from '../../src/platform/transfer/export.service.ts';
import { bearer, buildOrg, testConfig } from '../support/test-app.ts';
import { createTestStore, type TestStore } from '../support/test-store.ts';
import { buildTenant, comparable, exportText, importText, reseal, storeCounts, type TenantFixture } from '../support/transfer-fixture.ts';

let source: TestStore;
let target: TestStore;
let tenant: TenantFixture;
let file: string;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestStore(), createTestStore()]);
  tenant = await buildTenant(source.store);
  file = await exportText(source.store, tenant.org.slug);
});
afterAll(async () => {
  await Promise.all([source.dispose(), target.dispose()]);
});

const instanceActions = async (ts: TestStore): Promise<string[]> =>
  (
    await ts.store.query<{ action: string }>(
      'select a.action from audit_entries a join organizations o on o.id = a.org_id where o.slug = $1 order by a.seq',
      [INSTANCE_ORG_SLUG],
    )
  ).map((r) => r.action);

/** Expects the import of `text` into the target to be refused with `message`, leaving the target as it was. */
async function expectRefused(text: string, message: RegExp): Promise<void> {
  const before = await storeCounts(target.store);
  await expect(importText(target.store, text)).rejects.toThrow(message);
  expect(await storeCounts(target.store)).toEqual(before);
}

/** The file with one row line (the first that matches) rewritten. */
function editLine(text: string, match: (line: string) => boolean, edit: (line: string) => string): string {
  const lines = text.split('\n');
  const index = lines.findIndex(match);
  if (index < 0) throw new Error('no such line');
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

describe('tenant export and import', () => {
  it('refuses a file whose audit chain was edited, even with a recomputed checksum', async () => {
    const tampered = reseal(editLine(file, (l) => l.includes('"action":"member.removed"'), (l) => l.replace('"action":"member.removed"', '"action":"member.renamed"')));
    await expectRefused(tampered, /audit chain does not verify.*was altered/);
  });

  it('refuses a corrupted file, a truncated file and a file from another schema version', async () => {
    await expectRefused(editLine(file, (l) => l.startsWith('{"t":"users"'), (l) => l.replace('"name":"', '"name":"X')), /checksum does not match/);
    await expectRefused(file.slice(0, Math.floor(file.length * 0.6)), /truncated/);
    await expectRefused(file.split('\n').slice(0, -2).join('\n'), /last line is missing \(the file is truncated\)/);
    await expectRefused(file.replace(/"schemaMigration":"[^"]+"/, '"schemaMigration":"9999_future"'), /schema migration 9999_future/);
    await expectRefused(file.replace('"version":1', '"version":2'), /format version 2/);
    await expectRefused('{"hello":"world"}\n', /not a Bulwark tenant export/);
  });

  it('refuses a user whose email exists here under another id, naming the email', async () => {
    const other = await buildOrg(source.store);
    await createUser(target.store, SYSTEM_ACTOR, { email: other.owner.email, name: 'Someone Else', password: 'another long password' });
    await expectRefused(await exportText(source.store, other.slug), new RegExp(`different user with email ${other.owner.email.replaceAll('.', '\\.')}`));
  });

  it('does not let a file make anyone an instance administrator here', async () => {
    const org = await buildOrg(source.store);
    await source.store.query('update users set is_instance_admin = true where id = $1', [org.owner.id]);
    const summary = await importText(target.store, await exportText(source.store, org.slug));
    expect(summary.adminRightsDropped).toEqual([org.owner.email]);
    expect(await target.store.query('select is_instance_admin from users where id = $1', [org.owner.id])).toEqual([{ is_instance_admin: false }]);
  });

  it('refuses to export the instance organization', async () => {
    await expect(exportTenant(source.store, INSTANCE_ORG_SLUG, process.stdout)).rejects.toThrow(/cannot be exported/);
  });

  it('imports losslessly: a re-export matches byte for byte, the chain verifies, and source tokens work', async () => {
    const summary = await importText(target.store, file);
    expect(summary).toMatchObject({ slug: tenant.org.slug, newUsers: 3, counts: { organizations: 1, users: 3, memberships: 2, api_tokens: 2, jobs: 1, job_payloads: 1 } });
    // Every registered table is carried with data here, so a new domain's table is round-tripped, not just listed.
    expect(Object.entries(summary.counts).filter(([, n]) => n === 0)).toEqual([]);
    const again = await exportText(target.store, tenant.org.slug);
    expect(comparable(again)).toBe(comparable(file));
    expect(again).toContain('"last_used_at":"2024-02-29T23:59:59.123456+00:00"');
    expect(again).toContain('"big": 9007199254740993');
    expect(await verifyOrgChain(target.store, tenant.org.orgId)).toMatchObject({ ok: true, entries: summary.counts.audit_entries });
    // Generated columns are not in the file; the target computed them again.
    expect(await target.store.query('select criticality from assets where org_id = $1 order by criticality', [tenant.org.orgId])).toEqual([{ criticality: 3 }, { criticality: 4 }]);
    // Export and import are recorded on each instance's own chain, never on the organization's.
    expect((await instanceActions(source)).at(-1)).toBe('organization.exported');
    expect(await instanceActions(target)).toContain('organization.imported');

    const app = await buildApp(target.store, testConfig());
    try {
      const response = await app.inject({ method: 'GET', url: `/api/orgs/${tenant.org.slug}`, headers: bearer(tenant.viewerToken) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: tenant.org.orgId, role: 'viewer', figures: { members: 2, activeTokens: 1 } });
    } finally {
      await app.close();
    }
  });

  it('refuses an organization that is already here, and keeps the users it shares with one imported before', async () => {
    const first = await buildOrg(source.store);
    const second = await buildOrg(source.store);
    await addMember(source.store, second.access, { email: first.owner.email, role: 'viewer' });
    expect((await importText(target.store, await exportText(source.store, first.slug))).newUsers).toBe(1);
    const secondFile = await exportText(source.store, second.slug);
    // The first owner is here with the same id: kept as is, only the second owner is new.
    expect((await importText(target.store, secondFile)).newUsers).toBe(1);
    expect(await verifyOrgChain(target.store, second.orgId)).toMatchObject({ ok: true });
    await expectRefused(secondFile, new RegExp(`slug "${second.slug}" already exists`));
  });
});
