// Licences: the organisation's counts under Billing > Licenses, and a user's
// licences from the Action pane, guarded by the number that needs them.
import { expect, test } from '@playwright/test';
import { actionPane, openVoiceUsers, selectUser, statusMessage, waitForHydration } from './helpers';

test('Billing > Licenses lists purchased, assigned and available licenses', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  const e5 = page.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ hasText: 'Enterprise E5' });
  await expect(e5.getByRole('cell').nth(1)).toHaveText('200');
});

test('an admin adds a license from the Action pane', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Grady Archie');
  const pane = actionPane(page);
  await pane.getByLabel('License to add').selectOption({ label: 'Phone System' });
  await pane.getByRole('button', { name: 'Add license' }).click();
  await expect(statusMessage(page, 'Updated the licenses of Grady Archie.')).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Phone System license' })).toBeVisible();
});

test('removing a license the number needs asks, then removes both together', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Johanna Lorenz');
  const pane = actionPane(page);
  await expect(pane.getByRole('button', { name: 'Remove', exact: true })).toBeVisible();

  await pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' }).click();
  const alert = pane.getByRole('alert').filter({ hasText: 'needs the Domestic Calling Plan license' });
  await expect(alert).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' })).toBeVisible();

  await alert.getByRole('button', { name: 'Remove license and number' }).click();
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' })).toHaveCount(0);
});
