// "To remove a phone number from a user", steps 3-6: Alex Wilber (US,
// +1 425-555-0101 at Redmond HQ) loses his number; "No" changes nothing.
// Then two users selected together lose theirs at once.
import { expect, test, type Page } from '@playwright/test';
import { withNumber } from './arrange';
import { REMOVE_NUMBER } from './data';
import {
  actionPane,
  openVoiceUsers,
  reloadVoiceUsers,
  removeNumberButton,
  searchBox,
  selectUser,
  statusMessage,
  userRow,
  userRows,
} from './helpers';

const { one, several } = REMOVE_NUMBER;

function removeDialog(page: Page) {
  return page.getByRole('alertdialog', { name: 'Remove selected assigned number?' });
}

/** The Assigned number cell of a user's row. */
function numberCell(page: Page, user: string) {
  return userRow(page, user).getByRole('gridcell').nth(3);
}

test.beforeEach(async ({ page }) => {
  for (const { user, number, location } of [one, ...several]) {
    await withNumber(page.request, user, number, location);
  }
});

test("an admin removes a user's number after confirming", async ({ page }) => {
  const { user, number } = one;
  await openVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(number);
  const pane = actionPane(page);

  // Answering No leaves the number where it was, on the server too.
  await removeNumberButton(page).click();
  await expect(removeDialog(page)).toContainText(`${number} will be taken from ${user}`);
  await removeDialog(page).getByRole('button', { name: 'No', exact: true }).click();
  await expect(removeDialog(page)).toBeHidden();
  await reloadVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(number);
  await expect(pane).toContainText(number);

  // Steps 5-6: Remove, then Yes.
  await removeNumberButton(page).click();
  await removeDialog(page).getByRole('button', { name: 'Yes', exact: true }).click();

  await expect(removeDialog(page)).toBeHidden();
  await expect(statusMessage(page, `Removed ${number} from ${user}.`)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
  await expect(pane).toContainText('No number assigned.');
  await expect(pane).not.toContainText(number);
  await expect(numberCell(page, user)).toHaveText('');

  // The removal is stored, not just shown.
  await reloadVoiceUsers(page);
  await selectUser(page, user);
  await expect(actionPane(page).getByRole('button', { name: 'Assign number' })).toBeVisible();
  await expect(numberCell(page, user)).toHaveText('');
});

test('an admin removes the numbers of several selected users at once', async ({ page }) => {
  await openVoiceUsers(page);
  // Step 4: "select the user or users": ticking survives a new search.
  for (const { user, number } of several) {
    await searchBox(page).fill(user);
    await expect(numberCell(page, user)).toHaveText(number);
    await userRow(page, user).getByRole('checkbox', { name: `Select ${user}` }).check();
  }
  const pane = actionPane(page);
  await expect(pane.getByRole('heading', { name: `${several.length} users selected` })).toBeVisible();

  await pane.getByRole('button', { name: 'Remove the assigned numbers of the selected users' }).click();
  const dialog = removeDialog(page);
  for (const { user, number } of several) {
    await expect(dialog).toContainText(`${user} — ${number}`);
  }
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Removed the numbers of ${several.length} users.`)).toBeVisible();

  // Stored: on a fresh page neither user holds a number.
  await reloadVoiceUsers(page);
  for (const { user } of several) {
    await searchBox(page).fill(user);
    await expect(userRows(page)).toHaveCount(1);
    await expect(userRow(page, user)).toBeVisible();
    await expect(numberCell(page, user)).toHaveText('');
  }
});
