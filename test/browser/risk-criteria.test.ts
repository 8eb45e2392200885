/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';

/*
 * Risk criteria in the browser: the demo's default 5×5 matrix is shown as a heat map with its acceptance rules,
 * and a risk manager's next step, a second set from the 3×3 template, appears selected with its own matrix.
 */
const suite = browserSuite();

describe('risk criteria', () => {
  it('shows the default matrix as a heat map and adds a set from a template', async () => {
    const { page, pageErrors } = await suite.newPage();
    await suite.signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Risk criteria' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk criteria' }).waitFor();
    const matrix = page.getByRole('table', { name: /^Risk matrix: 5 likelihood by 5 consequence levels/ });
    await matrix.waitFor();
    // Likelihood rises upwards: the first body row is the highest likelihood, its last cell the worst risk.
    const topRow = matrix.getByRole('row').nth(1);
    expect(await topRow.getByRole('rowheader').textContent()).toBe('Almost certain');
    expect(await topRow.getByRole('cell').last().textContent()).toBe('Critical');
    expect(await matrix.getByRole('row').last().getByRole('cell').first().textContent()).toBe('Low');
    expect(await page.getByRole('cell', { name: 'Nobody: must be treated' }).count()).toBe(1);
    await suite.screenshot(page, 'risk-criteria');

    await page.getByRole('button', { name: 'New from template' }).click();
    await page.getByRole('menuitem', { name: 'Simple 3×3' }).click();
    await page.getByRole('table', { name: /^Risk matrix: 3 likelihood by 3 consequence levels/ }).waitFor();
    const sets = page.getByRole('navigation', { name: 'Criteria sets' });
    expect(await sets.getByRole('button').allTextContents()).toEqual([
      expect.stringMatching(/^Simple 3×3version 1$/),
      expect.stringMatching(/^Standard 5×5version 1 · default$/),
    ]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('applied controls', () => {
  it('lists the demo’s controls, filters the overdue ones, and adds one', async () => {
    const { page, pageErrors } = await suite.newPage();
    await suite.signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Applied controls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applied controls' }).waitFor();
    const rows = page.getByTestId('control-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(12);
    await page.getByRole('switch', { name: 'Overdue only' }).check();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="control-row"]').length === 3);
    expect(await rows.locator('td:first-child').allTextContents()).toEqual(['AC-11', 'AC-02', 'AC-07']); // by title
    await suite.screenshot(page, 'controls-overdue');
    await page.getByRole('switch', { name: 'Overdue only' }).uncheck();

    await page.getByRole('button', { name: 'Add control' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an applied control' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Encrypted laptops');
    await dialog.getByRole('textbox', { name: 'Reference' }).fill('AC-13');
    await dialog.getByRole('button', { name: 'Add control' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="control-row"]').length === 13);
    expect(await rows.filter({ hasText: 'Encrypted laptops' }).locator('td').nth(2).textContent()).toBe('Planned');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
