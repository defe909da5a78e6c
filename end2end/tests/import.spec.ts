// Voice users > Import: a CSV file assigns, changes or removes many users'
// numbers at once. Check lists every problem on its line and changes
// nothing; Apply makes every change of a file without problems; the
// message after it offers Undo.
import { readFile } from 'node:fs/promises';
import { expect, request, test, type Page } from '@playwright/test';
import { voiceUser, withNumber, withoutNumber } from './arrange';
import { IMPORT } from './data';
import {
  ADMIN_STATE,
  DEMO_PASSWORD,
  DEMO_URL,
  openVoiceUsers,
  searchBox,
  signIn,
  statusMessage,
  userRow,
  waitForHydration,
} from './helpers';

const { assigned, removed, refused, unchanged } = IMPORT;
const HEADER = 'Username,Phone number,Emergency location,Action';

// Through the admin's session: the Helpdesk test's page has none.
test.beforeEach(async () => {
  const admin = await request.newContext({ baseURL: DEMO_URL, storageState: ADMIN_STATE });
  await withoutNumber(admin, assigned.user);
  await withoutNumber(admin, refused.user);
  await withNumber(admin, removed.user, removed.number, removed.location);
  await admin.dispose();
});

/** A CSV file as a spreadsheet saves it: CRLF line ends. */
function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'numbers.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines, ''].join('\r\n')) };
}

/** Voice users, then Import in its command area. */
async function openImport(page: Page): Promise<void> {
  await openVoiceUsers(page);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await waitForHydration(page);
}

/** The row of the check results for line `line` of the file. */
function lineRow(page: Page, line: number) {
  return page
    .getByRole('table', { name: 'Lines of the file' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
}

/** The user's number as the Voice users grid shows it. */
async function expectInGrid(page: Page, user: string, number: string, held: boolean): Promise<void> {
  await searchBox(page).fill(user);
  const row = userRow(page, user);
  await expect(row).toHaveCount(1);
  if (held) await expect(row).toContainText(number);
  else await expect(row).not.toContainText(number);
}

test('a file with bad lines lists every problem on its line and changes nothing', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('CSV file').setInputFiles(
    csv([
      `${assigned.username},${assigned.number},${assigned.location},assign`,
      `nobody.${Date.now()}@contoso.com,${assigned.number},${assigned.location},assign`,
      `${refused.username},${refused.number},${assigned.location},assign`,
      `${removed.username},,,frobnicate`,
    ]),
  );
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  await expect(statusMessage(page, '1 line ready, 3 lines with problems, 0 unchanged.')).toBeVisible();
  await expect(lineRow(page, 3)).toContainText('There is no voice user');
  await expect(lineRow(page, 4)).toContainText("The country of the user's Usage Location US and the country of the Telephone Number GB do not match.");
  await expect(lineRow(page, 4)).toContainText("The emergency location 'Seattle Office' is in US");
  await expect(lineRow(page, 5)).toContainText("'frobnicate' is not assign, change or remove.");
  await expect(lineRow(page, 2).getByRole('listitem')).toHaveCount(0);
  // The lines with problems come first.
  const lines = page.getByRole('table', { name: 'Lines of the file' }).getByRole('row');
  await expect(lines.nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();

  expect((await voiceUser(page.request, assigned.user)).assigned_number).toBeNull();
  expect((await voiceUser(page.request, removed.user)).assigned_number?.number.international).toBe(removed.number);
});

test('a checked file is applied, shows in the grid and is undone from the message', async ({ page, context }) => {
  await openImport(page);
  await page.getByLabel('CSV file').setInputFiles(
    csv([
      `${assigned.username},${assigned.number},${assigned.location},assign`,
      `${removed.username},,,remove`,
      `${unchanged.username},,,`,
    ]),
  );
  // A slow answer shows what is going on, and the page waits with it.
  await page.route('**/api/import/check', async (route) => {
    await new Promise((done) => setTimeout(done, 1_000));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(statusMessage(page, 'Checking 3 lines…')).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(statusMessage(page, '2 lines ready, 0 lines with problems, 1 unchanged.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  // A double click sends one Apply.
  let applies = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/import/apply')) applies += 1;
  });
  await page.getByRole('button', { name: 'Apply', exact: true }).dblclick();
  const imported = statusMessage(page, 'Imported: 2 users changed.');
  await expect(imported).toBeVisible();
  expect(applies).toBe(1);

  const grid = await context.newPage();
  await openVoiceUsers(grid);
  await expectInGrid(grid, assigned.user, assigned.number, true);
  await expectInGrid(grid, removed.user, removed.number, false);

  await imported.getByRole('button', { name: 'Undo' }).click();
  await expect(statusMessage(page, 'Undone: 2 users are back as before.')).toBeVisible();
  await grid.reload();
  await waitForHydration(grid);
  await expectInGrid(grid, assigned.user, assigned.number, false);
  await expectInGrid(grid, removed.user, removed.number, true);
});

test('an Apply refused by a change since the Check shows the new problems', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('CSV file').setInputFiles(
    csv([`${assigned.username},${assigned.number},${assigned.location},assign`]),
  );
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(statusMessage(page, '1 line ready, 0 lines with problems, 0 unchanged.')).toBeVisible();
  // Another admin gives the number to someone else meanwhile.
  await withNumber(page.request, refused.user, assigned.number, assigned.location);

  await page.getByRole('button', { name: 'Apply', exact: true }).click();

  await expect(page.getByRole('alert')).toHaveText(
    'Nothing was imported: something changed since the check, and 1 line now has problems. See the lines below.',
  );
  await expect(statusMessage(page, '0 lines ready, 1 line with problems, 0 unchanged.')).toBeVisible();
  await expect(lineRow(page, 2)).toContainText(refused.user);
  await expect(page.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  expect((await voiceUser(page.request, assigned.user)).assigned_number).toBeNull();
});

test('a long report shows its first 200 lines until Show all', async ({ page }) => {
  await openImport(page);
  const nobody = (n: number) => Array.from({ length: n }, (_, i) => `nobody${i}@contoso.com,,,remove`);
  const table = page.getByRole('table', { name: 'Lines of the file' });
  await page.getByLabel('CSV file').setInputFiles(csv(nobody(10_000)));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(statusMessage(page, '0 lines ready, 10,000 lines with problems, 0 unchanged.')).toBeVisible();
  await expect(page.getByText('Showing the first 200 of 10,000 lines.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(201);

  await page.getByLabel('CSV file').setInputFiles(csv(nobody(250)));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByText('Showing the first 200 of 250 lines.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(table.getByRole('row')).toHaveCount(251);

  // One line more than a file may hold: the server refuses it whole.
  await page.getByLabel('CSV file').setInputFiles(csv(nobody(10_001)));
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The file has more than 10,000 lines.');
});

test('checking a long file shows how far the server has got', async ({ page }) => {
  await openImport(page);
  const lines = Array.from({ length: 10_000 }, (_, i) => `nobody${i}@contoso.com,+1 425 555 ${String(i).padStart(4, '0')},,assign`);
  await page.getByLabel('CSV file').setInputFiles(csv(lines));
  // What the server reported while the check ran, in order.
  const reports: { stage: string }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/progress')) return;
    const report = await response.json().catch(() => null);
    if (report) reports.push({ stage: report.stage });
  });
  // The answer is held back a moment after the server has sent it, so the
  // bar is seen however fast the check itself runs.
  await page.route('**/api/import/check', async (route) => {
    const response = await route.fetch();
    await new Promise((done) => setTimeout(done, 1_500));
    await route.fulfill({ response });
  });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('value', /^\d+$/);
  await expect(bar).toHaveAttribute('max', '100');
  await expect(statusMessage(page, /Reading the numbers|Reading users|Checking|Done/)).toBeVisible();
  await expect(statusMessage(page, '0 lines ready, 10,000 lines with problems, 0 unchanged.')).toBeVisible();
  await expect(bar).toHaveCount(0);

  expect(reports.length).toBeGreaterThan(0);
  expect(reports.at(-1)?.stage).toBe('Done');
  const order = ['Parsing', 'Reading', 'Checking', 'Done'];
  for (let i = 1; i < reports.length; i += 1) {
    expect(order.indexOf(reports[i].stage)).toBeGreaterThanOrEqual(order.indexOf(reports[i - 1].stage));
  }
});

test('a file not saved as UTF-8 is refused before it is sent', async ({ page }) => {
  await openImport(page);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/import/')) sent.push(r.url());
  });
  // Excel's plain "CSV (Comma delimited)" writes Windows-1252: "ü" is one byte.
  const latin1 = Buffer.from(`${HEADER}\r\n${assigned.username},${assigned.number},Zürich Büro,assign\r\n`, 'latin1');
  await page.getByLabel('CSV file').setInputFiles({ name: 'numbers.csv', mimeType: 'text/csv', buffer: latin1 });

  await expect(page.getByRole('alert')).toContainText('Line 2 is not UTF-8 text. Save the file as CSV UTF-8 and choose it again');
  await expect(page.getByRole('button', { name: 'Check', exact: true })).toBeDisabled();
  expect(sent).toEqual([]);
});

test('the template names the columns and shows each action', async ({ page }) => {
  await openImport(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download template' }).click();
  const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['assign', 'change', 'remove']);
});

test.describe('Helpdesk', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('is offered no Import, and the page says the role does not allow it', async ({ page }) => {
    await signIn(page, 'helpdesk', DEMO_PASSWORD);
    await openVoiceUsers(page);
    await expect(page.getByRole('link', { name: 'Recent changes' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);

    await page.goto('/voice/users/import');
    await expect(page.getByRole('alert')).toHaveText(
      "Your role doesn't allow importing. Ask a Voice administrator or a Global administrator.",
    );
    await expect(page.getByLabel('CSV file')).toHaveCount(0);
  });
});
