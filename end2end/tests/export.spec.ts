// Voice users and Phone numbers: Export CSV downloads every row of the view
// the grid shows (its search and filters), the import's columns first, so
// the file can be edited in a spreadsheet and imported again.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EXPORT } from './data';
import { openVoiceUsers, searchBox, userRows, waitForHydration } from './helpers';

const IMPORT_COLUMNS = ['Username', 'Phone number', 'Emergency location', 'Action'];

/**
 * Clicks the Export CSV link and reads the file the browser saved: it
 * starts with a BOM (so Excel reads it as UTF-8) and every cell is quoted.
 */
async function exportCsv(page: Page): Promise<string[][]> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^(voice-users|phone-numbers)-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await saved.path(), 'utf8');
  expect(text.startsWith('\uFEFF'), 'a BOM first').toBe(true);
  return text
    .slice(1)
    .trim()
    .split(/\r\n/)
    .map((line) => {
      expect(line, 'every cell quoted').toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
      return line.slice(1, -1).split('","').map((cell) => cell.replace(/""/g, '"'));
    });
}

/** The text of column `index` in each of `rows`, in order. */
async function column(rows: Locator, index: number): Promise<string[]> {
  const texts = [];
  for (const row of await rows.all()) {
    texts.push((await row.getByRole('gridcell').nth(index).innerText()).trim());
  }
  return texts;
}

/** A number as the export writes it: behind an apostrophe, so no spreadsheet runs it. */
function guarded(number: string): string {
  return number === '' ? '' : `'${number}`;
}

test('the Voice users export holds exactly the users the search finds', async ({ page }) => {
  await openVoiceUsers(page);
  await searchBox(page).fill(EXPORT.search);
  // The search has applied: every row, and no other, is a Kowalski.
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    `/api/voice-users/export.csv?search=${EXPORT.search}`,
  );
  // Every match is listed ("Showing 6 of 6"), not the first page of everyone.
  await expect(page.getByText(/^Showing (\d+) of \1 users$/)).toBeVisible();
  const rows = userRows(page);
  await expect
    .poll(async () => {
      const names = await column(rows, 1);
      return names.length > 1 && names.every((n) => n.includes(EXPORT.search));
    }, { message: `only users named ${EXPORT.search}` })
    .toBe(true);
  // Every match is on screen, to compare with the file.
  const shown = await rows.count();
  await expect(page.getByText(`Showing ${shown} of ${shown} users`)).toBeVisible();

  const file = await exportCsv(page);

  expect(file[0].slice(0, 4)).toEqual(IMPORT_COLUMNS);
  expect(file[0].slice(4)).toEqual([
    'Display name', 'Usage location', 'Licenses', 'Number type', 'Number source', 'City', 'Status',
  ]);
  const lines = file.slice(1);
  expect(lines.map((l) => l[4])).toEqual(await column(rows, 1));
  expect(lines.map((l) => l[0])).toEqual(await column(rows, 2));
  expect(lines.map((l) => l[1])).toEqual((await column(rows, 3)).map(guarded));
  expect(lines.map((l) => l[2])).toEqual(await column(rows, 4));
  expect(lines.every((l) => l[3] === ''), 'Action left empty').toBe(true);
});

test('the Phone numbers export holds exactly the numbers the filter keeps', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible();
  await page.getByLabel('Source', { exact: true }).selectOption({ label: EXPORT.source });
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    '/api/phone-numbers/export.csv?source=operator_connect',
  );
  const grid = page.getByRole('grid', { name: 'Phone numbers' });
  const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect
    .poll(async () => {
      const sources = await column(rows, 5);
      return sources.length > 1 && sources.every((s) => s === EXPORT.source);
    }, { message: `only ${EXPORT.source} numbers` })
    .toBe(true);
  const shown = await rows.count();
  await expect(page.getByText(`Showing ${shown} of ${shown} numbers`)).toBeVisible();

  const file = await exportCsv(page);

  expect(file[0]).toEqual([
    ...IMPORT_COLUMNS, 'Country or region', 'City', 'Type', 'Source', 'State', 'Assigned to',
  ]);
  const lines = file.slice(1);
  expect(lines.map((l) => l[1])).toEqual((await column(rows, 1)).map(guarded));
  expect(lines.map((l) => l[9])).toEqual(await column(rows, 7));
  expect(lines.every((l) => l[7] === EXPORT.source)).toBe(true);
  // Each holder's username and emergency location fill the import's
  // columns; a number nobody holds leaves them empty.
  const held = lines.filter((l) => l[9] !== '');
  expect(held.length).toBeGreaterThan(0);
  for (const line of held) {
    expect(line[0]).toMatch(/@contoso\.com$/);
    expect(line[2]).not.toBe('');
  }
  for (const line of lines.filter((l) => l[9] === '')) {
    expect([line[0], line[2]]).toEqual(['', '']);
  }
});
