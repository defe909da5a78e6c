// "Assign a phone number to a user", steps 3-8: Megan Bowen (US, licensed,
// no number) gets a Redmond number with the Redmond HQ emergency location.
import { expect, test } from '@playwright/test';
import { withoutNumber } from './arrange';
import { ASSIGN_NUMBER } from './data';
import {
  actionPane,
  assignDialog,
  changeNumberButton,
  locationList,
  openVoiceUsers,
  pickNumber,
  reloadVoiceUsers,
  removeNumberButton,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

const { user, number, location } = ASSIGN_NUMBER;

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, user);
});

test('an admin assigns a number and an emergency location to a user', async ({ page }) => {
  // Steps 3-4: Voice > Voice users, select the user.
  await openVoiceUsers(page);
  await selectUser(page, user);
  await expect(actionPane(page)).toContainText('No number assigned.');

  // Step 5: in the Action pane, click Assign number.
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(page);
  await expect(dialog.getByRole('heading', { name: 'Assign number' })).toBeVisible();

  // Step 6: pick the number from "Select number to assign".
  await pickNumber(dialog, number);

  // Step 7: search the city and select the validated emergency location.
  const locations = locationList(dialog, 'Select validated emergency location');
  await searchAndPickLocation(dialog, locations, 'Redmond', location);
  const save = dialog.getByRole('button', { name: 'Save' });
  // Both chosen and no rule broken: Save is offered, and no alert says otherwise.
  await expect(save).toBeEnabled();
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Step 8: Save.
  await save.click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Assigned ${number} to ${user}.`)).toBeVisible();
  const row = userRow(page, user);
  await expect(row).toContainText(number);
  await expect(row).toContainText(location);
  const pane = actionPane(page);
  await expect(pane).toContainText(number);
  // Named for the number they act on, and saying so where they show.
  await expect(changeNumberButton(page)).toHaveAccessibleName(`Change assigned number ${number}`);
  await expect(changeNumberButton(page)).toHaveText('Change');
  await expect(removeNumberButton(page)).toHaveAccessibleName(`Remove assigned number ${number}`);
  await expect(removeNumberButton(page)).toHaveText('Remove');
  await expect(pane.getByRole('button', { name: 'Assign number' })).toHaveCount(0);

  // The assignment is stored, not just shown.
  await reloadVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(number);
  await expect(actionPane(page)).toContainText(number);
  await expect(changeNumberButton(page)).toBeVisible();
});
