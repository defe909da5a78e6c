// "To change a phone number for a user", step 8 alone: when the admin
// changes only the emergency location, the dialog still runs the rules on
// the number the user keeps, before Save, as the server will on Save.
import { expect, test } from '@playwright/test';
import { withNumber } from './arrange';
import { CHANGE_LOCATION } from './data';
import {
  actionPane,
  alertSaying,
  assignDialog,
  changeNumberButton,
  locationList,
  openVoiceUsers,
  searchAndPickLocation,
  selectUser,
  userRow,
} from './helpers';

const { user, number, location, otherCountry, sameCountry } = CHANGE_LOCATION;

const RULE = new RegExp(
  `The emergency location '${otherCountry.location}' is in ${otherCountry.country} ` +
    `but the Telephone Number is in US; pick a location in US\\.`,
);

test.beforeEach(async ({ page }) => {
  await withNumber(page.request, user, number, location);
});

test('changing only the location to one in another country is refused before Save', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, user);
  await changeNumberButton(page).click();
  const dialog = assignDialog(page);
  await expect(dialog).toContainText(number);
  const save = dialog.getByRole('button', { name: 'Save' });
  // Nothing changed yet: nothing to save.
  await expect(save).toBeDisabled();

  // Step 8 only: the number stays, the location moves abroad.
  await dialog.getByRole('button', { name: 'Change location' }).click();
  const locations = locationList(dialog, 'Change emergency address to');
  await searchAndPickLocation(dialog, locations, otherCountry.city, otherCountry.location);
  await expect(alertSaying(dialog, RULE)).toBeVisible();
  await expect(save).toBeDisabled();

  // A location in the number's own country passes the same rules.
  await searchAndPickLocation(dialog, locations, sameCountry.city, sameCountry.location);
  await expect(alertSaying(dialog, RULE)).toHaveCount(0);
  await expect(save).toBeEnabled();

  // Cancel: the user keeps the number and location they had.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(page, user)).toContainText(location);
});
