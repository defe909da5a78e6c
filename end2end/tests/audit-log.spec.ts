// Every change lands in Settings > Audit log: found by searching, and
// exported as CSV with the same filters.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { actionPane, openVoiceUsers, selectUser, statusMessage, waitForHydration } from './helpers';

test("an admin finds a user's number change in the audit log and exports it", async ({ page }) => {
  // A change to find: a license for Lynne Robbins, whom no other spec changes.
  await openVoiceUsers(page);
  await selectUser(page, 'Lynne Robbins');
  const pane = actionPane(page);
  const picker = pane.getByLabel('License to add');
  const licence = ((await picker.getByRole('option').first().textContent()) ?? '').trim();
  await picker.selectOption({ label: licence });
  await pane.getByRole('button', { name: 'Add license' }).click();
  await expect(statusMessage(page, 'Updated the licenses of Lynne Robbins.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole('searchbox', { name: 'Search the audit log' }).fill('Lynne');
  await page.getByLabel('Action').selectOption({ label: 'License assigned' });
  const log = page.getByRole('table', { name: 'Audit log' });
  const row = log.getByRole('row').filter({ hasText: 'Lynne Robbins' }).filter({ hasText: licence });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('admin');
  await expect(row).toContainText('License assigned');
  await expect(log.getByRole('row')).toHaveCount(2); // the header and the entry

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  // Every cell is quoted, so no separator inside a cell can split it.
  const rows = csv
    .trim()
    .split(/\r\n/)
    .map((line) => {
      expect(line).toMatch(/^".*"$/);
      return line.slice(1, -1).split('","').map((cell) => cell.replace(/""/g, '"'));
    });
  expect(rows[0]).toEqual(['Time (UTC)', 'Actor', 'Action', 'Target', 'User', 'Number', 'Before', 'After']);
  expect(rows).toHaveLength(2);
  expect(rows[1].slice(1, 5)).toEqual(['admin', 'License assigned', 'Lynne Robbins', 'Lynne Robbins']);
  expect(rows[1][7]).toBe(licence);
});
