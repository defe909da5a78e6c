// Settings > Admins: a Global administrator creates an account; its holder
// signs in with the one-time password and must choose their own.
import { expect, test } from '@playwright/test';
import { runId } from './data';
import { waitForHydration } from './helpers';

test('a new Helpdesk account signs in with its one-time password and chooses a new one', async ({ page, browser }) => {
  // A new account on every run: usernames are unique.
  const run = runId();
  const username = `kim.helpdesk.${run}@contoso.com`;
  const displayName = `Kim Helpdesk ${run}`;
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admins' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Display name').fill(displayName);
  await form.getByLabel('Role').selectOption({ label: 'Helpdesk' });
  await form.getByRole('button', { name: 'Add account' }).click();

  const note = page.getByRole('note', { name: 'One-time password' });
  await expect(note).toContainText(`One-time password for ${username}`);
  const oneTime = (await note.locator('code').textContent())?.trim() ?? '';
  expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
  await expect(page.getByRole('table', { name: 'Accounts' })).toContainText(displayName);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const kim = await context.newPage();
  await kim.goto('/');
  await waitForHydration(kim);
  await kim.getByLabel('Username').fill(username);
  await kim.getByLabel('Password').fill(oneTime);
  await kim.getByRole('button', { name: 'Sign in' }).click();
  await expect(kim.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await expect(kim.getByText('You signed in with a one-time password.')).toBeVisible();
  await waitForHydration(kim);

  await kim.getByLabel('Current password').fill(oneTime);
  await kim.getByLabel('New password', { exact: true }).fill('short');
  await expect(kim.getByText('The password must be at least 12 characters long.')).toBeVisible();
  await kim.getByLabel('New password', { exact: true }).fill('kims own passphrase');
  await kim.getByLabel('Confirm new password').fill('kims own passphrase');
  await kim.getByRole('button', { name: 'Save' }).click();

  await expect(kim.getByRole('banner')).toContainText('Helpdesk');
  await expect(kim.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Voice users' })).toBeVisible();
  await context.close();
});
