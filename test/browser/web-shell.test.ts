import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';

/*
 * The web shell against the real server on an empty data directory: the demo administrator signs in with the
 * keyboard, reads the home figures, creates an API token (its secret shown once) and finds the creation in the
 * audit trail, whose chain verifies.
 */
const { started, newPage, screenshot } = browserSuite();

const focusedElementId = (page: Page): Promise<string | null> => page.locator(':focus').getAttribute('id');

describe('web shell', () => {
  it('tells a person with a wrong password so, without signing in', async () => {
    const { page } = await newPage();
    await page.goto(started().server.baseUrl);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(started().server.adminEmail);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The email or password is not right');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await screenshot(page, 'sign-in-failed');
    await page.close();
  });

  it('lets the demo administrator sign in by keyboard, create a token, and find it in the audit trail', async () => {
    const { server: demo } = started();
    const { page, pageErrors } = await newPage();
    await page.goto(demo.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Sign in with the keyboard alone: Tab to each field, type, Enter submits.
    const emailId = await page.getByRole('textbox', { name: 'Email', exact: true }).getAttribute('id');
    const passwordId = await page.getByRole('textbox', { name: 'Password', exact: true }).getAttribute('id');
    await page.keyboard.press('Tab');
    expect(await focusedElementId(page)).toBe(emailId);
    await page.keyboard.type(demo.adminEmail);
    await page.keyboard.press('Tab');
    expect(await focusedElementId(page)).toBe(passwordId);
    await page.keyboard.type(demo.adminPassword);
    await page.keyboard.press('Enter');

    // Home: the demo organization's real figures (the admin and five colleagues; one integration token), and its
    // latest activity (the demo's last step writes its risk scenarios).
    await page.getByRole('heading', { level: 1, name: 'Demo Corp' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/o/demo');
    expect(await page.title()).toBe('Demo Corp · Bulwark');
    expect(await page.getByRole('region', { name: 'Members' }).textContent()).toMatch(/Members\s*6$/);
    expect(await page.getByRole('region', { name: 'Active tokens' }).textContent()).toMatch(/Active tokens\s*1$/);
    const recent = page.getByRole('region', { name: 'Recent activity' });
    await recent.getByRole('row').nth(1).waitFor();
    // The demo seeds the risk register, then its FAIR analyses and runs: the latest entries are from either.
    expect(await recent.textContent()).toMatch(
      /risk-scenario\.(created|assessed|treatment|accepted|updated)|fair-(analysis|run|settings)\.[a-z]+/,
    );
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Inventory',
      'Outside organizations',
      'Import',
      'Risk criteria',
      'Risk register',
      'Risk portfolio',
      'Threats',
      'Vulnerabilities',
      'Applied controls',
      'Audit trail',
      'Members',
      'API tokens',
    ]);
    await screenshot(page, 'home');

    // API tokens: create one; the secret appears once, in the dialog.
    await nav.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('browser-test-token');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secret = dialog.getByTestId('one-time-secret');
    await secret.waitFor();
    expect((await secret.textContent())?.trim()).toMatch(/^bwk_\S{16,}$/);
    expect((await dialog.textContent())?.toLowerCase()).toContain('you will not see it again');
    await screenshot(page, 'tokens-secret');
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const tokenRow = page.getByTestId('token-row').filter({ hasText: 'browser-test-token' });
    await tokenRow.waitFor();
    expect(await tokenRow.textContent()).toContain('Active');
    expect(await page.getByTestId('one-time-secret').count()).toBe(0);
    await screenshot(page, 'tokens');

    // Audit trail: the creation is recorded, names the token, and the chain verifies.
    await nav.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const created = page.locator('[data-testid="audit-row"][data-action="token.created"]').filter({ hasText: 'browser-test-token' });
    await created.waitFor();
    expect(await created.count()).toBe(1);
    expect(await created.isVisible()).toBe(true);

    // Filter by prefix, submitted with Enter: only token.* entries remain, ours among them.
    await page.getByLabel('Action').fill('token.*');
    await page.getByLabel('Action').press('Enter');
    await page.getByText('Showing 2 entries').waitFor();
    const actions = await Promise.all((await page.getByTestId('audit-row').all()).map((row) => row.getAttribute('data-action')));
    expect(actions.every((action) => action?.startsWith('token.'))).toBe(true);

    await created.getByRole('button', { name: /^Show details of entry \d+$/ }).click();
    expect(await page.getByText(/^[0-9a-f]{64}$/).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The audit chain is intact').waitFor();
    await screenshot(page, 'audit');

    // Members: the demo team, each with a role the owner can change.
    await nav.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const memberRows = page.getByRole('table', { name: 'Members' }).locator('tbody tr');
    await memberRows.nth(5).waitFor();
    expect(await memberRows.count()).toBe(6);
    expect(await page.getByRole('combobox', { name: 'Role of Avery Auditor' }).inputValue()).toBe('Auditor');
    await screenshot(page, 'members');

    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
