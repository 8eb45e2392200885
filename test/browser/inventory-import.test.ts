import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './bulwark-harness.ts';

/*
 * The import wizard against the real server: a small CSV of assets with one bad row (line 4) is refused until the
 * row is skipped; the import then runs as a job, and importing the corrected file adds only the fixed row.
 */
const { started, screenshot } = browserSuite();

const CSV_WITH_A_BAD_ROW = [
  'name,kind,cmdbId,owner,Confidentiality',
  'Import web 1,host,IMP-001,Ops team,2',
  'Import web 2,host,IMP-002,Ops team,3',
  'Broken row,spaceship,IMP-003,Ops team,2',
  'Import db,storage,IMP-004,DBA,4',
  '',
].join('\n');
const CSV_FIXED = CSV_WITH_A_BAD_ROW.replace('Broken row,spaceship', 'Fixed row,software');

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  await page.getByTestId('import-file-name').filter({ hasText: name }).waitFor();
}

describe('inventory import wizard', () => {
  it('shows the bad line, imports the rest when told to skip it, then imports the fixed row alone', async () => {
    const { server: demo } = started();
    const page = await started().browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(demo.baseUrl);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(demo.adminEmail);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demo.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo Corp' }).waitFor();

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    expect(await page.getByRole('radio', { name: 'CSV' }).isChecked()).toBe(true);

    // 1. The file.
    await chooseFile(page, 'assets.csv', CSV_WITH_A_BAD_ROW);
    await screenshot(page, 'import-file');
    await page.getByRole('button', { name: 'Next' }).click();

    // 2. Columns: mapped by name, "Confidentiality" included; the dry run counts the rows.
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    await page.getByText('4 rows: 3 valid, 1 with errors.').waitFor();
    expect(await page.getByRole('combobox', { name: 'Field for column Confidentiality' }).inputValue()).toBe('confidentiality');
    expect(await page.getByRole('combobox', { name: 'Field for column cmdbId' }).inputValue()).toBe('cmdbId');
    await screenshot(page, 'import-columns');
    await page.getByRole('button', { name: 'Next' }).click();

    // 3. Check: line 4 is named with its reason; Import waits until the row is skipped.
    const errorRow = page.getByTestId('import-error-row').and(page.locator('[data-line="4"]'));
    await errorRow.waitFor();
    expect(await errorRow.textContent()).toMatch(/kind.*Invalid option/);
    expect(await page.getByTestId('import-counts-assets').textContent()).toContain('3 to create, 0 to update, 0 unchanged');
    const importButton = page.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(page, 'import-check');
    await page.getByRole('checkbox', { name: 'Skip the 1 invalid record' }).check();
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();

    // 4. The job runs; the result counts what it did and lists the skipped row.
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result-assets').textContent()).toMatch(/Assets\s*3\s*0\s*0/);
    expect(await result.getByTestId('import-error-row').and(page.locator('[data-line="4"]')).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Open the inventory' }).getAttribute('href')).toBe('/o/demo/assets');
    await screenshot(page, 'import-result');

    // Again with the row fixed: only it is new, the others are unchanged.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await chooseFile(page, 'assets-fixed.csv', CSV_FIXED);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('4 rows: 4 valid, 0 with errors.').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Every record is valid').waitFor();
    expect(await page.getByTestId('import-counts-assets').textContent()).toContain('1 to create, 0 to update, 3 unchanged');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-result-assets').textContent()).toMatch(/Assets\s*1\s*0\s*3/);

    const imported = await page.request.get(`${demo.baseUrl}/api/orgs/demo/assets?q=IMP-003`);
    expect(((await imported.json()) as { items: { name: string }[] }).items.map((asset) => asset.name)).toEqual(['Fixed row']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
