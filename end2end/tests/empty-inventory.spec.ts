// The tip under step 6 of "Assign a phone number to a user": with no phone
// numbers in the organization, the dialog says where to get some instead of
// showing an empty list. Runs against the server seeded without numbers.
import { expect, test } from '@playwright/test';
import { actionPane, assignDialog, EMPTY_INVENTORY_URL, openVoiceUsers, selectUser } from './helpers';

test.use({ baseURL: EMPTY_INVENTORY_URL });

test('with no numbers to assign, the dialog explains how to get some', async ({ page }) => {
  await openVoiceUsers(page, EMPTY_INVENTORY_URL);
  await selectUser(page, 'Megan Bowen');

  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();

  const dialog = assignDialog(page);
  await expect(dialog.getByText(/If you don.t see any phone numbers listed/)).toBeVisible();
  await expect(dialog).toContainText('New user numbers');
  await expect(dialog.getByRole('listbox', { name: 'Select number to assign' })).toHaveCount(0);
});
