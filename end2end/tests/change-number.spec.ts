// "To change a phone number for a user", steps 3-9: Daniel Smith (US,
// +1 425-555-0138 at Redmond HQ) moves to another Redmond number and to the
// Seattle Office emergency location; his old number goes back to the pool.
import { expect, test } from '@playwright/test';
import { withNumber, withoutNumber } from './arrange';
import { CHANGE_NUMBER } from './data';
import {
  actionPane,
  assignDialog,
  changeNumberButton,
  locationList,
  openVoiceUsers,
  pickNumber,
  reloadVoiceUsers,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

const { user, oldNumber, oldLocation, newNumber, newLocation, other } = CHANGE_NUMBER;

test.beforeEach(async ({ page }) => {
  await withNumber(page.request, user, oldNumber, oldLocation);
  await withoutNumber(page.request, other);
});

test("an admin changes a user's number and emergency location", async ({ page }) => {
  // Steps 3-4.
  await openVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(oldNumber);

  // Step 5: in the Action pane, under Assigned number, click Change.
  await changeNumberButton(page).click();
  const dialog = assignDialog(page);
  await expect(dialog).toContainText(oldNumber);
  await expect(dialog).toContainText(oldLocation);

  // Steps 6-7: Change number, then pick the new number.
  await dialog.getByRole('button', { name: 'Change number' }).click();
  await pickNumber(dialog, newNumber);

  // Step 8: Change location, search the city, pick the new address.
  await dialog.getByRole('button', { name: 'Change location' }).click();
  const locations = locationList(dialog, 'Change emergency address to');
  await searchAndPickLocation(dialog, locations, 'Seattle', newLocation);
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Step 9: Save.
  await save.click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Assigned ${newNumber} to ${user}.`)).toBeVisible();
  const row = userRow(page, user);
  await expect(row).toContainText(newNumber);
  await expect(row).toContainText(newLocation);
  await expect(row).not.toContainText(oldNumber);
  await expect(actionPane(page)).toContainText(newNumber);

  // Stored: a fresh page shows the new number and location.
  await reloadVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(newNumber);
  await expect(userRow(page, user)).toContainText(newLocation);

  // The old number can be given to someone else: it is offered again.
  // The other user is only used to open the list; nothing is saved.
  await selectUser(page, other);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  await pickNumber(assignDialog(page), oldNumber);
  await assignDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(assignDialog(page)).toBeHidden();
});
