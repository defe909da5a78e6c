// Every change lands in Settings > Audit log: found by searching, and
// exported as CSV with the same filters.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { auditEntries, withLicences } from './arrange';
import { AUDIT_LOG } from './data';
import {
  actionPane,
  escapeRegExp,
  openVoiceUsers,
  selectUser,
  statusMessage,
  waitForHydration,
} from './helpers';

const { user, licence } = AUDIT_LOG;

test.beforeEach(async ({ page }) => {
  await withLicences(page.request, user, ['EnterpriseE5', 'DomesticCallingPlan']);
});

test("an admin finds a user's license change in the audit log and exports it", async ({ page }) => {
  // Earlier runs on this server logged the same change: count them first.
  const earlier = await auditEntries(page.request, user, 'LicenceAssigned');

  // A change to find: a license for the user.
  await openVoiceUsers(page);
  await selectUser(page, user);
  const pane = actionPane(page);
  await pane.getByLabel('License to add').selectOption({ label: licence });
  await pane.getByRole('button', { name: 'Add license' }).click();
  await expect(statusMessage(page, `Updated the licenses of ${user}.`)).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole('searchbox', { name: 'Search the audit log' }).fill(user);
  await page.getByLabel('Action').selectOption({ label: 'License assigned' });

  // Exactly one entry more than before, every one this user's licence
  // assignment (both filters have applied), the newest first.
  const log = page.getByRole('table', { name: 'Audit log' });
  const entries = log.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect
    .poll(async () => {
      const rows = await entries.allInnerTexts();
      const ours = rows.filter((r) => r.includes('License assigned') && r.includes(user));
      return { rows: rows.length, ours: ours.length };
    }, { message: `${earlier + 1} entries, all of them ${user}'s licence assignments` })
    .toEqual({ rows: earlier + 1, ours: earlier + 1 });
  const newest = entries.first();
  await expect(newest).toContainText(licence);
  await expect(newest.getByRole('cell').nth(1)).toHaveText('admin');

  // The export takes the filters the page shows.
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  const search = escapeRegExp(encodeURIComponent(user));
  await expect(exportLink).toHaveAttribute('href', new RegExp(`[?&]search=${search}(&|$)`));
  await expect(exportLink).toHaveAttribute('href', /[?&]action=LICENCE_ASSIGNED(&|$)/);
  const download = page.waitForEvent('download');
  await exportLink.click();
  const file = await (await download).path();
  const rows = csvRows(await readFile(file, 'utf8'));
  expect(rows[0]).toEqual(['Time (UTC)', 'Actor', 'Action', 'Target', 'User', 'Number', 'Before', 'After']);
  expect(rows).toHaveLength(earlier + 2);
  for (const row of rows.slice(1)) {
    expect(row.slice(1, 5)).toEqual(['admin', 'License assigned', user, user]);
  }
  expect(rows[1][7]).toBe(licence);
});

/**
 * The cells of an export whose every cell is quoted (so no ',' or ';' in a
 * cell can split it): a line that isn't fully quoted fails the test.
 */
function csvRows(csv: string): string[][] {
  return csv
    .trim()
    .split(/\r\n/)
    .map((line) => {
      expect(line, 'every cell quoted').toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
      return line.slice(1, -1).split('","').map((cell) => cell.replace(/""/g, '"'));
    });
}
