// "To change a phone number for a user", steps 3-9: Adele Vance (US,
// +1 425-555-0100 at Redmond HQ) moves to another Redmond number and to the
// Seattle Office emergency location; her old number goes back to the pool.
import { expect, test } from '@playwright/test';
import {
  actionPane,
  assignDialog,
  chooseOption,
  locationList,
  expectAllOptions,
  numberOf,
  openVoiceUsers,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

const OLD_NUMBER = '+1 425-555-0100';

test("an admin changes a user's number and emergency location", async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Adele Vance');
  await expect(userRow(page, 'Adele Vance')).toContainText(OLD_NUMBER);

  // Step 5: in the Action pane, under Assigned number, click Change.
  await actionPane(page).getByRole('button', { name: 'Change', exact: true }).click();
  const dialog = assignDialog(page);
  await expect(dialog).toContainText(OLD_NUMBER);
  await expect(dialog).toContainText('Redmond HQ');

  // Steps 6-7: Change number, then pick the new number.
  await dialog.getByRole('button', { name: 'Change number' }).click();
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await dialog.getByLabel('Filter numbers').fill('Redmond');
  await expectAllOptions(numbers, /Redmond/);
  const option = await chooseOption(numbers, /^\+1 425-555-(?!0100)\d{4}\b.*Redmond/);
  const newNumber = numberOf(option);

  // Step 8: Change location, search the city, pick the new address.
  await dialog.getByRole('button', { name: 'Change location' }).click();
  const locations = locationList(dialog, 'Change emergency address to');
  await searchAndPickLocation(dialog, locations, 'Seattle', 'Seattle Office');
  await expect(dialog.getByRole('alert')).toBeHidden();

  // Step 9: Save.
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  await save.click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, /Adele Vance/)).toBeVisible();
  const row = userRow(page, 'Adele Vance');
  await expect(row).toContainText(newNumber);
  await expect(row).toContainText('Seattle Office');
  await expect(row).not.toContainText(OLD_NUMBER);
  await expect(actionPane(page)).toContainText(newNumber);

  // The old number can be given to someone else: it is offered again.
  // Diego Siciliani is only used to open the list; nothing is saved.
  await selectUser(page, 'Diego Siciliani');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const offered = assignDialog(page).getByRole('listbox', { name: 'Select number to assign' });
  await assignDialog(page).getByLabel('Filter numbers').fill('4255550100');
  await expect(offered.getByRole('option', { name: OLD_NUMBER })).toHaveCount(1);
  await assignDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(assignDialog(page)).toBeHidden();
});
