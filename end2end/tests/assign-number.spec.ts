// "Assign a phone number to a user", steps 3-8: Megan Bowen (US, licensed,
// no number) gets a Redmond number with the Redmond HQ emergency location.
import { expect, test } from '@playwright/test';
import {
  actionPane,
  assignDialog,
  chooseOption,
  locationList,
  expectAllOptions,
  numberOf,
  openVoiceUsers,
  reloadVoiceUsers,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

test('an admin assigns a number and an emergency location to a user', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Megan Bowen');

  // Step 5: in the Action pane, click Assign number.
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Assign number' })).toBeVisible();

  // Step 6: pick the number from "Select number to assign".
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await dialog.getByLabel('Filter numbers').fill('Redmond');
  await expectAllOptions(numbers, /Redmond/);
  const option = await chooseOption(numbers, /^\+1 425-555-\d{4}\b.*Redmond/);
  const number = numberOf(option);

  // Step 7: search the city and select the validated emergency location.
  const locations = locationList(dialog, 'Select validated emergency location');
  await searchAndPickLocation(dialog, locations, 'Redmond', 'Redmond HQ');
  await expect(dialog.getByRole('alert')).toBeHidden();

  // Step 8: Save.
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  await save.click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Assigned ${number} to Megan Bowen.`)).toBeVisible();
  const row = userRow(page, 'Megan Bowen');
  await expect(row).toContainText(number);
  await expect(row).toContainText('Redmond HQ');
  const pane = actionPane(page);
  await expect(pane).toContainText(number);
  await expect(pane.getByRole('button', { name: 'Change', exact: true })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove', exact: true })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Assign number' })).toHaveCount(0);

  // The assignment is stored, not just shown.
  await reloadVoiceUsers(page);
  await selectUser(page, 'Megan Bowen');
  await expect(userRow(page, 'Megan Bowen')).toContainText(number);
  await expect(actionPane(page)).toContainText(number);
  await expect(actionPane(page).getByRole('button', { name: 'Change', exact: true })).toBeVisible();
});
