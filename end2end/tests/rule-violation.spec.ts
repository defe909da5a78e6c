// The dialog names the rule a choice breaks as soon as it is made, and Save
// stays disabled: the same rules the server enforces on Save.
import { expect, test, type Locator } from '@playwright/test';
import {
  actionPane,
  alertSaying,
  assignDialog,
  chooseOption,
  expectAllOptions,
  locationList,
  openVoiceUsers,
  searchAndPickLocation,
  selectUser,
} from './helpers';

const RULE =
  "The country of the user's Usage Location GB and the country of the Telephone Number US do not match.";

function locations(dialog: Locator): Locator {
  return locationList(dialog, 'Select validated emergency location');
}

test("a US number can't go to a user whose usage location is GB", async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Diego Siciliani');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();

  const dialog = assignDialog(page);
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await dialog.getByLabel('Filter numbers').fill('Redmond');
  await expectAllOptions(numbers, /Redmond/);
  await chooseOption(numbers, /^\+1 /);

  await expect(alertSaying(dialog, RULE)).toBeVisible();
  // A valid emergency location doesn't make the number's country right.
  await searchAndPickLocation(dialog, locations(dialog), 'Redmond', 'Redmond HQ');
  await expect(alertSaying(dialog, RULE)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test("a Calling Plan number can't go to a user without the licenses for it", async ({ page }) => {
  // Lee Gu has Phone System but no Calling Plan: Direct Routing numbers only.
  await openVoiceUsers(page);
  await selectUser(page, 'Lee Gu');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();

  const dialog = assignDialog(page);
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await dialog.getByLabel('Filter numbers').fill('Redmond');
  await expectAllOptions(numbers, /Redmond/);
  await chooseOption(numbers, /Calling Plan/);

  await expect(alertSaying(dialog, "lacks appropriate licenses to assign a 'CallingPlan' number")).toBeVisible();
  await searchAndPickLocation(dialog, locations(dialog), 'Redmond', 'Redmond HQ');
  await expect(alertSaying(dialog, 'lacks appropriate licenses')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a user without Phone System is told what license is missing instead of offered numbers', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Isaiah Langer');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();

  const dialog = assignDialog(page);
  await expect(alertSaying(dialog, "User 'isaiahl@contoso.com' lacks appropriate licenses")).toBeVisible();
  await expect(dialog.getByRole('listbox', { name: 'Select number to assign' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
