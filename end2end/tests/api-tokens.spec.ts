// API tokens: an admin makes one on My profile, copies it the one time it
// is shown, a script calls the API with it, and the admin revokes it.
import { expect, request, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { runId } from './data';
import { DEMO_URL, waitForHydration } from './helpers';

/** Lists voice users as a script would: the token and nothing else. */
async function listWith(token: string): Promise<number> {
  const script = await request.newContext({
    baseURL: DEMO_URL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { Authorization: `Bearer ${token}` },
  });
  const response = await script.post('/api/voice-users/list', {
    data: { query: { search: '', location: null, sort: 'DisplayName', descending: false, after: null, limit: 5 } },
  });
  await script.dispose();
  return response.status();
}

test('an admin creates an API token, copies it once, and revokes it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = `nightly export ${runId()}`;
  await page.goto('/me');
  await waitForHydration(page);
  const card = page.getByRole('region', { name: 'API tokens' });
  const form = card.getByRole('form', { name: 'New API token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role').selectOption({ label: 'Helpdesk' });
  await form.getByLabel('Expires after').selectOption({ label: '30 days' });
  await form.getByRole('button', { name: 'Create token' }).click();

  const note = card.getByRole('note', { name: 'New API token' });
  const token = ((await note.locator('code').textContent()) ?? '').trim();
  expect(token).toMatch(/^sbt_[0-9a-f]{64}$/);
  await note.getByRole('button', { name: 'Copy token' }).click();
  await expect(note.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = card.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Helpdesk');
  await expect(row).toContainText('Never');
  expect(await listWith(token)).toBe(200);
  await expectAccessible(page, 'My profile with a new API token');

  // Shown once: gone from the page once dismissed, and after a reload.
  await note.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.reload();
  await waitForHydration(page);
  await expect(row).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(row).not.toContainText('Never');

  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Revoke API token?' });
  await expect(dialog).toContainText(`Scripts using '${name}' stop working at once.`);
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(card.getByRole('status')).toHaveText(`Token '${name}' revoked.`);
  await expect(row).toHaveCount(0);
  expect(await listWith(token)).toBe(401);
});

test("a Global administrator makes a token for another account, no stronger than that account", async ({ page }) => {
  const name = `megan's sync ${runId()}`;
  await page.goto('/settings/admins');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'API tokens of meganb@contoso.com' }).click();
  const dialog = page.getByRole('dialog', { name: 'API tokens of meganb@contoso.com' });
  const form = dialog.getByRole('form', { name: 'New API token' });
  await expect(form.getByLabel('Role').getByRole('option')).toHaveText(['User']);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByRole('note', { name: 'New API token' })).toContainText(name);
  await expectAccessible(page, 'Admins, API tokens of an account');
  const row = dialog.getByRole('table', { name: 'API tokens' }).getByRole('row').filter({ hasText: name });
  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await page.getByRole('alertdialog', { name: 'Revoke API token?' }).getByRole('button', { name: 'Yes' }).click();
  await expect(row).toHaveCount(0);
});
