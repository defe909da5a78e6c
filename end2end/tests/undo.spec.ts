// Every Save is a change set: the message that reports it offers Undo,
// which puts the user back as they were, on the server too; an undo that
// would overwrite a later change is refused and says why.
import { expect, test, type Page } from '@playwright/test';
import { withNumber } from './arrange';
import { REMOVE_NUMBER } from './data';
import {
  actionPane,
  openVoiceUsers,
  reloadVoiceUsers,
  removeNumberButton,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

const { user, number, location } = REMOVE_NUMBER.one;

test.beforeEach(async ({ page }) => {
  await withNumber(page.request, user, number, location);
});

/** Removes the selected user's number through the action pane. */
async function removeNumber(page: Page) {
  await removeNumberButton(page).click();
  await page
    .getByRole('alertdialog', { name: 'Remove selected assigned number?' })
    .getByRole('button', { name: 'Yes', exact: true })
    .click();
}

test('an admin undoes a removal from the message that reports it', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, user);
  await removeNumber(page);
  const removed = statusMessage(page, `Removed ${number} from ${user}.`);
  await expect(removed).toBeVisible();
  await expect(userRow(page, user)).not.toContainText(number);

  await removed.getByRole('button', { name: 'Undo' }).click();

  await expect(statusMessage(page, `Undone: ${user} is back as before.`)).toBeVisible();
  await expect(userRow(page, user)).toContainText(number);
  await expect(actionPane(page)).toContainText(number);
  await reloadVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(number);
  await expect(actionPane(page)).toContainText(location);
});

test('an undo that would overwrite a later change is refused', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, user);
  await removeNumber(page);
  const removed = statusMessage(page, `Removed ${number} from ${user}.`);
  await expect(removed).toBeVisible();
  // Another admin gives the number back meanwhile.
  await withNumber(page.request, user, number, location);

  await removed.getByRole('button', { name: 'Undo' }).click();

  await expect(
    statusMessage(page, `Nothing was undone. ${user} has changed since; undoing would overwrite that change.`),
  ).toBeVisible();
  await reloadVoiceUsers(page);
  await expect(userRow(page, user)).toContainText(number);
});
