/// <reference lib="dom" />
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, REPO_ROOT } from './bulwark-harness.ts';

/*
 * Threats and vulnerabilities in the browser, on the demo organization: a risk manager adds a risk source of
 * their own, imports a small ATT&CK bundle (dry run first) and reads a technique's relations; a demo source
 * that scenarios name cannot be deleted, and the refusal names them. Then a vulnerability is added with a CVSS
 * 3.1 vector and an affected asset (scored 9.8 Critical by the server), and CISA's KEV catalogue and FIRST's
 * EPSS scores are imported: it is flagged known exploited, with its due date, and gets its EPSS.
 */
const suite = browserSuite();
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/risk');
/** Reads of a job (the dialog follows the import job through them). */
const JOB_READS = '**/api/orgs/*/jobs/*';

/** A form field by its label (a required one's name ends with an asterisk; Mantine's selects are comboboxes). */
const field = (scope: Locator, label: string): Locator => {
  const name = new RegExp(`^${label}( \\*)?$`);
  return scope.getByRole('textbox', { name }).or(scope.getByRole('combobox', { name })).first();
};

/** Picks an option of a Mantine Select by its label. */
async function choose(scope: Locator, page: Page, label: string, option: string): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const rowCount = (page: Page, testId: string, count: number) =>
  page.waitForFunction(([id, n]) => document.querySelectorAll(`[data-testid="${id}"]`).length === n, [testId, count] as const);

async function openPage(page: Page, label: string): Promise<void> {
  await suite.signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

describe('threats', () => {
  it('adds a risk source, imports an ATT&CK bundle after a dry run, and shows a technique’s relations', async () => {
    const { page, pageErrors } = await suite.newPage();
    await openPage(page, 'Threats');
    const rows = page.getByTestId('threat-row');
    await rowCount(page, 'threat-row', 22); // the demo's ten risk sources and twelve threat events

    // A risk source of your own: a source needs a category.
    await page.getByRole('button', { name: 'New risk source / threat event' }).click();
    const create = page.getByRole('dialog', { name: 'New risk source / threat event' });
    await field(create, 'Name').fill('Rogue cleaning contractor');
    expect(await create.getByRole('button', { name: 'Add risk source' }).isDisabled()).toBe(true);
    await choose(create, page, 'Category', 'Malicious insider');
    await create.getByRole('button', { name: 'Add risk source' }).click();
    await create.waitFor({ state: 'hidden' });
    const drawer = page.getByRole('dialog', { name: 'Threat' });
    await drawer.getByRole('heading', { name: 'Rogue cleaning contractor' }).waitFor();
    expect(await drawer.getByRole('button', { name: 'Edit' }).count()).toBe(1);
    await drawer.getByRole('button', { name: 'Close' }).click();
    await rowCount(page, 'threat-row', 23);
    expect(await rows.filter({ hasText: 'Rogue cleaning contractor' }).locator('td').nth(2).textContent()).toBe('Malicious insider');

    // The ATT&CK bundle: the dry run tells what would come in, then the import.
    await page.getByRole('button', { name: 'Import ATT&CK bundle' }).click();
    const importing = page.getByRole('dialog', { name: 'Import ATT&CK bundle' });
    const file = importing.locator('input[type="file"]');
    const malformed = {
      type: 'bundle',
      objects: [
        { type: 'attack-pattern', id: 'attack-pattern--1' },
        { type: 'relationship', id: 'relationship--1' },
      ],
    };
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(malformed)) });
    await importing.getByRole('button', { name: 'Check the bundle' }).click();
    const places = importing.getByRole('list', { name: 'Problems in the file' });
    await places.waitFor();
    expect(await places.getByRole('listitem').allTextContents()).toEqual([
      'body.objects.0.name: required for an imported object',
      'body.objects.1.relationship_type: required',
      'body.objects.1.source_ref: required',
      'body.objects.1.target_ref: required',
    ]);
    await suite.screenshot(page, 'threats-import-refused');
    await file.setInputFiles(path.join(FIXTURES, 'mini-attack.json'));
    await importing.getByRole('button', { name: 'Check the bundle' }).click();
    const preview = importing.getByRole('table', { name: 'What the import would do' });
    await preview.waitFor();
    expect(await preview.getByRole('row', { name: /^Techniques/ }).textContent()).toBe('Techniques400');
    await suite.screenshot(page, 'threats-import-dry-run');
    // The import runs as a background job, which the dialog follows. Its reads are held at "running, 8 of 16"
    // for a moment, as a large bundle shows for seconds, then let through: the dialog shows what the job did.
    let holding = true;
    await page.route(JOB_READS, async (route) => {
      if (!holding) return route.fallback();
      const response = await route.fetch();
      const job = (await response.json()) as Record<string, unknown>;
      await route.fulfill({
        response,
        json: { ...job, status: 'running', progress: { done: 8, total: 16 }, result: null, finishedAt: null },
      });
    });
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await importing.getByText('8 / 16 threats and relations').waitFor();
    expect(await importing.getByText('Importing…').count()).toBe(1);
    expect(await importing.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    await suite.screenshot(page, 'threats-import-running');
    holding = false;
    await page.unroute(JOB_READS);
    const done = importing.getByRole('table', { name: 'What the import did' });
    await done.waitFor();
    expect(await done.getByRole('row', { name: /^Techniques/ }).textContent()).toBe('Techniques400');
    expect(await importing.getByText('Relations between them: 6 new, 0 removed, 0 unchanged.').count()).toBe(1);
    await suite.screenshot(page, 'threats-import-done');
    await importing.getByRole('button', { name: 'Done' }).click();

    // A job that fails says why, and that nothing changed (its answer replaced here: a real failure needs a broken store).
    await page.route(JOB_READS, async (route) => {
      const response = await route.fetch();
      const job = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...job, status: 'failed', result: null, error: 'the database went away' } });
    });
    await page.getByRole('button', { name: 'Import ATT&CK bundle' }).click();
    const again = page.getByRole('dialog', { name: 'Import ATT&CK bundle' });
    await again.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'mini-attack.json'));
    await again.getByRole('button', { name: 'Check the bundle' }).click();
    expect(
      await again
        .getByRole('table', { name: 'What the import would do' })
        .getByRole('row', { name: /^Techniques/ })
        .textContent(),
    ).toBe('Techniques004');
    await again.getByRole('button', { name: 'Import', exact: true }).click();
    const failed = again.getByRole('alert').filter({ hasText: 'The import failed; nothing was changed' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain('the database went away');
    await page.unroute(JOB_READS);
    await again.getByRole('button', { name: 'Done' }).click();

    // Techniques: the three current ones (the revoked one only with "Show deprecated").
    await choose(page.locator('main'), page, 'Kind', 'Techniques');
    await rowCount(page, 'threat-row', 3);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual([
      'Command and Scripting Interpreter',
      'Drive-by Compromise',
      'PowerShell',
    ]);
    expect(await page.getByRole('link', { name: /^T1059\.001: PowerShell/ }).getAttribute('href')).toBe(
      'https://attack.mitre.org/techniques/T1059/001',
    );
    expect(await rows.first().locator('td').last().textContent()).toBe('ATT&CK Enterprise 17.1');
    await page.getByRole('switch', { name: 'Show deprecated' }).check();
    await rowCount(page, 'threat-row', 4);
    await suite.screenshot(page, 'threats-techniques');

    // PowerShell's relations, by type and direction; a related threat opens in its place, Back returns.
    await page.getByRole('button', { name: 'PowerShell', exact: true }).click();
    await drawer.getByRole('heading', { name: 'PowerShell' }).waitFor();
    const group = (label: string): Locator => drawer.getByRole('region', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
    await group('Sub-technique of').waitFor();
    expect(await group('Sub-technique of').getByRole('button').allTextContents()).toEqual(['Command and Scripting Interpreter']);
    expect(await group('Used by').getByRole('button').allTextContents()).toEqual(['Mimikatz']);
    expect(await group('Mitigated by').getByRole('button').allTextContents()).toEqual(['Execution Prevention']);
    expect(await drawer.getByRole('button', { name: 'Edit' }).count()).toBe(0); // imported: read-only
    await suite.screenshot(page, 'threats-relations');
    await group('Sub-technique of').getByRole('button', { name: 'Command and Scripting Interpreter' }).click();
    await drawer.getByRole('heading', { name: 'Command and Scripting Interpreter' }).waitFor();
    // The heading shows before the parent's relations have loaded: wait for them, then read the whole group.
    await group('Sub-techniques').waitFor();
    expect(await group('Sub-techniques').getByRole('button').allTextContents()).toEqual(['PowerShell']);
    await drawer.getByRole('button', { name: 'Back' }).click();
    await drawer.getByRole('heading', { name: 'PowerShell' }).waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();

    // A demo risk source that scenarios name is not deleted; the refusal lists them.
    await page.getByRole('switch', { name: 'Show deprecated' }).uncheck();
    await choose(page.locator('main'), page, 'Kind', 'Risk sources');
    await page.getByRole('button', { name: 'Ransomware affiliate', exact: true }).click();
    await drawer.getByRole('heading', { name: 'Ransomware affiliate' }).waitFor();
    await drawer.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete threat' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    const refusal = confirm.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Risk scenarios still name this threat');
    expect(await refusal.getByRole('link').count()).toBeGreaterThan(0);
    await suite.screenshot(page, 'threats-delete-refused');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('vulnerabilities', () => {
  it('adds a scored vulnerability on an asset, then imports the KEV catalogue and EPSS scores', async () => {
    const { page, pageErrors } = await suite.newPage();
    await openPage(page, 'Vulnerabilities');
    const rows = page.getByTestId('vulnerability-row');
    await rowCount(page, 'vulnerability-row', 5); // the demo's

    await page.getByRole('button', { name: 'Add vulnerability' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a vulnerability' });
    await field(dialog, 'CVE').fill('CVE-2024-3400');
    await field(dialog, 'Title').fill('Command injection in the firewall’s VPN portal');
    await field(dialog, 'CVSS vector').fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    await field(dialog, 'Affected assets').fill('vpn-01');
    await page.getByRole('option', { name: /^vpn-01/ }).click();
    await suite.screenshot(page, 'vulnerability-new');
    await dialog.getByRole('button', { name: 'Add vulnerability' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rowCount(page, 'vulnerability-row', 6);
    const added = rows.filter({ hasText: 'CVE-2024-3400' });
    expect(await added.locator('td').nth(2).textContent()).toMatch(/^9\.8 Critical, vector CVSS:3\.1\/AV:N/);
    expect(await added.getByRole('link', { name: 'vpn-01' }).getAttribute('href')).toMatch(/^\/o\/demo\/assets\/[0-9a-f-]{36}$/);
    expect(await added.locator('td').nth(4).textContent()).toBe('No');

    // CISA's catalogue: the new one and two of the demo's are known exploited.
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('menuitem', { name: 'Import KEV catalogue' }).click();
    const kev = page.getByRole('dialog', { name: 'Import KEV catalogue' });
    await kev.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'mini-kev.json'));
    await kev.getByRole('button', { name: 'Import', exact: true }).click();
    const done = kev.getByRole('status');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      'Catalogue version 2025.01.15: 5 entries. 3 of your vulnerabilities are known to be exploited.',
    );
    await kev.getByRole('button', { name: 'Done' }).click();
    await added.getByText('Known exploited').waitFor();
    expect(await added.locator('td').nth(4).textContent()).toBe('Known exploitedDue 2024-04-19');
    expect(await rows.filter({ hasText: 'CVE-2021-44228' }).locator('td').nth(4).textContent()).toBe(
      'Known exploitedDue 2021-12-24Ransomware',
    );

    // FIRST's scores: three of the file's CVEs are the organization's.
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('menuitem', { name: 'Import EPSS CSV' }).click();
    const epss = page.getByRole('dialog', { name: 'Import EPSS CSV' });
    await epss.locator('input[type="file"]').setInputFiles(path.join(FIXTURES, 'mini-epss.csv'));
    await epss.getByRole('button', { name: 'Import', exact: true }).click();
    await epss.getByRole('status').waitFor();
    expect(await epss.getByRole('status').textContent()).toContain('5 score rows read; 3 of your vulnerabilities were updated.');
    await epss.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="vulnerability-row"]')].some((row) => row.textContent?.includes('94.3 %')),
    );

    await page.getByRole('switch', { name: 'Known exploited only' }).check();
    await rowCount(page, 'vulnerability-row', 3);
    await suite.screenshot(page, 'vulnerabilities-known-exploited');
    await page.getByRole('switch', { name: 'Known exploited only' }).uncheck();
    await page.getByRole('textbox', { name: 'Minimum EPSS' }).fill('90');
    await rowCount(page, 'vulnerability-row', 3);
    await page.getByRole('textbox', { name: 'Minimum EPSS' }).fill('');
    await rowCount(page, 'vulnerability-row', 6);
    await suite.screenshot(page, 'vulnerabilities', true);

    // Editing shows the score the server computed from the saved vector.
    await page.getByRole('button', { name: 'Edit CVE-2024-3400' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit CVE-2024-3400' });
    expect(await edit.getByText('Saved score (CVSS 3.1):').count()).toBe(1);
    expect(await edit.getByText('vpn-01', { exact: false }).count()).toBeGreaterThan(0);
    await suite.screenshot(page, 'vulnerability-edit');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
