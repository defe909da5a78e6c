// "The phone number you assign will be listed in the Work Phone box in their
// client and can't be changed by a user": the end user's own view.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, openVoiceUsers, searchBox, signIn, userRow } from './helpers';

test('a user sees the Work Phone an admin assigned, greyed out', async ({ page, browser }) => {
  // What the admin sees for Adele now (another spec changes her number).
  await openVoiceUsers(page);
  await searchBox(page).fill('Adele Vance');
  const row = userRow(page, 'Adele Vance');
  await expect(row).toBeVisible();
  const assigned = ((await row.getByRole('cell').nth(3).textContent()) ?? '').trim();
  expect(assigned).toMatch(/^\+1 /);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const adele = await context.newPage();
  await signIn(adele, 'adelev@contoso.com', DEMO_PASSWORD);
  await expect(adele.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();

  const workPhone = adele.getByRole('textbox', { name: 'Work Phone' });
  await expect(workPhone).toHaveValue(assigned);
  await expect(workPhone).toBeDisabled();
  await expect(workPhone).not.toBeEditable();
  await expect(adele.getByText("An admin has set this number for you, so it can't be changed by you.")).toBeVisible();

  // Nothing of the admin console is offered, and its pages refuse her.
  const nav = adele.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Voice users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  await adele.goto('/voice/users');
  await expect(adele.getByRole('alert')).toContainText("Your role doesn't allow this");
  await context.close();
});
