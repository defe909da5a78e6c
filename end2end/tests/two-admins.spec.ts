// Two admins at once: one works from a pane the other has just made stale.
// Pradeep Gupta (US, Phone System and a Calling Plan, no number) is given a
// Seattle number by the second admin while the first still sees him without one.
import { expect, test, type Page } from '@playwright/test';
import { withoutNumber } from './arrange';
import { TWO_ADMINS } from './data';
import {
  actionPane,
  assignDialog,
  locationList,
  openVoiceUsers,
  pickNumber,
  searchAndPickLocation,
  selectUser,
  userRow,
} from './helpers';

const { user, won, lost, location } = TWO_ADMINS;

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, user);
});

test('an admin saving from a stale pane is told so and sees the current number', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) {
    await openVoiceUsers(page);
    await selectUser(page, user);
    await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  }

  // Both pick a number and the location; the second admin saves first.
  const pick = async (page: Page, number: string) => {
    const dialog = assignDialog(page);
    await pickNumber(dialog, number);
    await searchAndPickLocation(
      dialog,
      locationList(dialog, 'Select validated emergency location'),
      'Seattle',
      location,
    );
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  };
  await pick(second, won);
  await pick(first, lost);
  await assignDialog(second).getByRole('button', { name: 'Save' }).click();
  await expect(assignDialog(second)).toBeHidden();
  await expect(userRow(second, user)).toContainText(won);

  // The first admin's Save meets the newer state: a clear conflict, no overwrite.
  const dialog = assignDialog(first);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'was changed by another admin' })).toBeVisible();
  await expect(actionPane(first)).toContainText(won);
  await expect(actionPane(first)).not.toContainText(lost);

  // Cancelling leaves the second admin's number in place for both.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(first, user)).toContainText(won);
  await openVoiceUsers(second);
  await selectUser(second, user);
  await expect(actionPane(second)).toContainText(won);
  await expect(actionPane(second)).not.toContainText(lost);

  await first.context().close();
  await second.context().close();
});
